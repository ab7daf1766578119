/**
 * Reaches VS Code's built-in git extension. It is activated on first use, not at our activation
 * (no git work before the queue is shown), and waited for until it has found the repositories.
 */
import * as vscode from 'vscode';
import type { GitApi, GitExtension } from './gitApiTypes';

export type GitAccess = { readonly ok: true; readonly api: GitApi } | { readonly ok: false; readonly message: string };

const READY_TIMEOUT_MS = 10_000;

export async function gitApi(): Promise<GitAccess> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) return { ok: false, message: vscode.l10n.t("VS Code's built-in Git extension is not available in this window.") };
  const exports = extension.isActive ? extension.exports : await extension.activate();
  if (!exports.enabled) return { ok: false, message: vscode.l10n.t('Git is turned off in this window (setting git.enabled).') };
  const api = exports.getAPI(1);
  if (api.state !== 'initialized') await initialized(api);
  return { ok: true, api };
}

function initialized(api: GitApi): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      listener.dispose();
      resolve();
    }, READY_TIMEOUT_MS);
    const listener = api.onDidChangeState((state) => {
      if (state !== 'initialized') return;
      clearTimeout(timer);
      listener.dispose();
      resolve();
    });
  });
}
