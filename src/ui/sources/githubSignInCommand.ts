/**
 * "Sign in to GitHub": asks VS Code for the GitHub account of a GitHub source now, with its dialog,
 * after a sign-in that was declined or a session that was signed out. Nothing is typed or stored here.
 */
import * as vscode from 'vscode';
import type { GithubSourceConfig } from '../../shared/sourceConfig';
import type { Settings } from '../common/settings';
import { githubSourceLabel, type GithubAccounts } from './githubAccounts';

export async function githubSignIn(
  accounts: GithubAccounts,
  settings: () => Settings,
  signedIn: (sourceId: string) => Promise<void>,
  sourceId?: unknown,
): Promise<boolean> {
  const github = settings().sources.sources.filter((s): s is GithubSourceConfig => s.kind === 'github');
  const config =
    github.find((s) => s.id === sourceId) ??
    (github.length === 1
      ? github[0]
      : (
          await vscode.window.showQuickPick(
            github.map((c) => ({ label: githubSourceLabel(c), description: c.baseUrl, config: c })),
            { placeHolder: vscode.l10n.t('Sign in to which GitHub source?') },
          )
        )?.config);
  if (!config) {
    if (github.length === 0)
      void vscode.window.showInformationMessage(
        vscode.l10n.t('No GitHub source is configured. Add one to supportRotation.sources: { "id", "kind": "github", "repository" }.'),
      );
    return false;
  }
  if (!(await accounts.signIn(config))) return false;
  await signedIn(config.id);
  return true;
}
