/** "Sign in to Jira" and "Sign out of Jira", for each configured Jira source. */
import * as vscode from 'vscode';
import type { JiraSourceConfig } from '../../shared/sourceConfig';
import { jiraSourceLabel, type JiraAccounts } from './jiraAccounts';
import { SourceSignInCommands, type SignInHost } from './sourceSignInCommands';

export function jiraSignInCommands(accounts: JiraAccounts, host: SignInHost): SourceSignInCommands<JiraSourceConfig> {
  return new SourceSignInCommands(
    {
      kind: 'jira',
      accounts,
      pickItem: (config) => ({
        label: jiraSourceLabel(config),
        description: config.baseUrl,
        signedInAs: accounts.user(config.id)?.name,
      }),
      texts: {
        signInWhich: vscode.l10n.t('Sign in to which Jira source?'),
        signOutWhich: vscode.l10n.t('Sign out of which Jira source?'),
        noneConfigured: vscode.l10n.t('No Jira source is configured. Add one to supportRotation.sources: { "id", "kind": "jira", "baseUrl", "jql" }.'),
        signedOut: (config) => vscode.l10n.t('Signed out of {0}; its credential was removed.', jiraSourceLabel(config)),
      },
    },
    host,
  );
}
