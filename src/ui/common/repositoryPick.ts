/** The repository a git command acts on: the active editor's, the only one, or the user's choice. */
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { GitApi, Repository } from '../../git/gitApiTypes';

export async function pickRepository(api: GitApi, placeHolder: string): Promise<Repository | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const fromEditor = active && active.scheme === 'file' ? api.getRepository(active) : null;
  if (fromEditor) return fromEditor;
  if (api.repositories.length <= 1) return api.repositories[0];
  const picked = await vscode.window.showQuickPick(
    api.repositories.map((repository) => ({
      label: basename(repository.rootUri.fsPath),
      description: repository.state.HEAD?.name ?? vscode.l10n.t('(detached)'),
      detail: repository.rootUri.fsPath,
      repository,
    })),
    { placeHolder, ignoreFocusOut: true },
  );
  return picked?.repository;
}

/** The repository that matters for the status bar: the active editor's, else the first open one. */
export function currentRepository(api: GitApi): Repository | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && active.scheme === 'file' ? api.getRepository(active) : null) ?? api.repositories[0];
}
