/** "Sign in to Zendesk" and "Sign out of Zendesk", for each configured Zendesk source. */
import * as vscode from 'vscode';
import type { ZendeskSourceConfig } from '../../shared/sourceConfig';
import { zendeskOrigin, zendeskSourceLabel, type ZendeskAccounts } from './zendeskAccounts';
import { SourceSignInCommands, type SignInHost } from './sourceSignInCommands';

export function zendeskSignInCommands(accounts: ZendeskAccounts, host: SignInHost): SourceSignInCommands<ZendeskSourceConfig> {
  return new SourceSignInCommands(
    {
      kind: 'zendesk',
      accounts,
      pickItem: (config) => ({
        label: zendeskSourceLabel(config),
        description: zendeskOrigin(config),
        signedInAs: accounts.user(config.id)?.name,
      }),
      texts: {
        signInWhich: vscode.l10n.t('Sign in to which Zendesk source?'),
        signOutWhich: vscode.l10n.t('Sign out of which Zendesk source?'),
        noneConfigured: vscode.l10n.t('No Zendesk source is configured. Add one to supportRotation.sources: { "id", "kind": "zendesk", "subdomain", "view" }.'),
        signedOut: (config) => vscode.l10n.t('Signed out of {0}; its credential was removed.', zendeskSourceLabel(config)),
      },
    },
    host,
  );
}
