/**
 * What the user is told about a fix branch's base when it is not the freshly fetched default
 * branch they would assume: no remote, an unknown default branch, a failed fetch.
 */
import * as vscode from 'vscode';
import type { BaseRef } from '../../git/baseBranch';

export interface BaseNotice {
  readonly text: string;
  /** A failed fetch may leave the base behind the remote: worth a warning, not only a note. */
  readonly warn: boolean;
}

export function baseNotice(branch: string, base: BaseRef): BaseNotice | undefined {
  const { reason, ref } = base;
  switch (reason.kind) {
    case 'fetched':
    case 'chosen':
      return undefined;
    case 'local':
      return {
        warn: false,
        text:
          reason.remote === undefined
            ? vscode.l10n.t('This repository has no remote, so nothing was fetched: {0} starts from the local branch {1}.', branch, ref)
            : vscode.l10n.t('The default branch of {0} is not known: {1} starts from the local branch {2}.', reason.remote, branch, ref),
      };
    case 'noDefault':
      return {
        warn: false,
        text: vscode.l10n.t('No default branch (main, master, trunk or develop) was found: {0} starts from the current branch {1}.', branch, ref),
      };
    case 'fetchFailed':
      return {
        warn: true,
        text: vscode.l10n.t('Could not fetch {0} ({1}): {2} starts from {3} as it was fetched last.', reason.remote, reason.error, branch, ref),
      };
  }
}
