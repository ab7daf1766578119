/** Addresses from ticket systems are not trusted: only the schemes a caller allows become URIs. */
import * as vscode from 'vscode';

/** The address as a URI when it parses and its scheme is one of `schemes`; otherwise undefined. */
export function safeWebUrl(text: string, schemes: readonly string[]): vscode.Uri | undefined {
  try {
    const parsed = new URL(text);
    return schemes.includes(parsed.protocol) ? vscode.Uri.parse(parsed.href, true) : undefined;
  } catch {
    return undefined;
  }
}
