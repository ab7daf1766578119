/** "Sign in to GitLab" and "Sign out of GitLab", for each configured GitLab source. */
import * as vscode from 'vscode';
import type { GitlabSourceConfig } from '../../shared/sourceConfig';
import type { GitlabAccounts } from './gitlabAccounts';
import { SourceSignInCommands, type SignInHost } from './sourceSignInCommands';

export function gitlabSignInCommands(accounts: GitlabAccounts, host: SignInHost): SourceSignInCommands<GitlabSourceConfig> {
  return new SourceSignInCommands(
    {
      kind: 'gitlab',
      accounts,
      pickItem: (config) => {
        const username = accounts.user(config.id)?.username;
        return {
          label: config.label ?? config.project ?? config.group ?? config.id,
          description: config.baseUrl,
          signedInAs: username ? `@${username}` : undefined,
        };
      },
      texts: {
        signInWhich: vscode.l10n.t('Sign in to which GitLab source?'),
        signOutWhich: vscode.l10n.t('Sign out of which GitLab source?'),
        noneConfigured: vscode.l10n.t('No GitLab source is configured. Add one to supportRotation.sources: { "id", "kind": "gitlab", "baseUrl", "project" }.'),
        signedOut: (config) => vscode.l10n.t('Signed out of {0}; its token was removed.', config.label ?? config.baseUrl),
      },
    },
    host,
  );
}
