/** The "Support Rotation" output channel. Never given tokens or customer text beyond ticket keys. */
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Support Rotation', { log: true });
  return channel;
}
