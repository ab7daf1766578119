/**
 * The dashboard's page: the ticket panel's script bundle (`webview/main.ts` picks the page from
 * `data-page`) under the same strict Content-Security-Policy. No figures are part of this HTML;
 * they arrive as messages.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function dashboardHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(18).toString('base64');
  const asset = (...path: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('dist', 'webview.css')}">
<link rel="stylesheet" href="${asset('media', 'dashboard.css')}">
<title>${escapeHtml(vscode.l10n.t('Rotation Dashboard'))}</title>
</head>
<body data-page="dashboard">
<main id="app"><p class="loading" role="status">${escapeHtml(vscode.l10n.t('Reading the history of every source…'))}</p></main>
<script nonce="${nonce}" src="${asset('dist', 'webview.js')}"></script>
</body>
</html>`;
}

/** Translations are ours, but a translator's `<` must not become markup. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
