/**
 * The page every webview of the extension starts from: a fixed skeleton under a strict
 * Content-Security-Policy with a fresh nonce for its one script. No ticket data is ever part of
 * this HTML; it arrives as messages, and the page renders it with DOM APIs.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export interface WebviewPageOptions {
  /** Stylesheets, each a path under the extension's folder, in the order they apply. */
  readonly styles: readonly (readonly string[])[];
  readonly title: string;
  /** Shown until the script has drawn the page. */
  readonly loading: string;
  /** Which page the script draws (`webview/main.ts`); absent, the ticket page. */
  readonly page?: string;
  /** Image sources beside the extension's own. */
  readonly imageSources?: readonly string[];
}

export function webviewPage(webview: vscode.Webview, extensionUri: vscode.Uri, options: WebviewPageOptions): string {
  const nonce = randomBytes(18).toString('base64');
  const asset = (path: readonly string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    ['img-src', webview.cspSource, ...(options.imageSources ?? [])].join(' '),
    `font-src ${webview.cspSource}`,
  ].join('; ');
  const styles = options.styles.map((path) => `<link rel="stylesheet" href="${asset(path)}">`).join('\n');
  const body = options.page === undefined ? '<body>' : `<body data-page="${escapeHtml(options.page)}">`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
<title>${escapeHtml(options.title)}</title>
</head>
${body}
<main id="app"><p class="loading" role="status">${escapeHtml(options.loading)}</p></main>
<script nonce="${nonce}" src="${asset(['dist', 'webview.js'])}"></script>
</body>
</html>`;
}

/** Scripts on, and only what the pages load readable: the script bundle and the stylesheets. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')] };
}

/** Translations are ours, but a translator's `<` must not become markup. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
