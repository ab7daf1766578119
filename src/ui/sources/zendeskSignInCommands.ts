/** "Sign in to Zendesk" and "Sign out of Zendesk", for each configured Zendesk source. */
import * as vscode from 'vscode';
import type { ZendeskSourceConfig } from '../../shared/sourceConfig';
import type { Settings } from '../common/settings';
import { zendeskOrigin, zendeskSourceLabel, type ZendeskAccounts, type ZendeskSignInOutcome } from './zendeskAccounts';

export class ZendeskSignInCommands {
  constructor(
    private readonly accounts: ZendeskAccounts,
    private readonly settings: () => Settings,
    /** After a sign-in: the refusal it answers is withdrawn and the sources rebuilt. */
    private readonly signedIn: (sourceId: string) => Promise<void>,
    /** After a sign-out: the sources rebuilt without the account. */
    private readonly reload: () => Promise<void>,
  ) {}

  async signIn(sourceId?: unknown): Promise<ZendeskSignInOutcome | undefined> {
    const config = await this.pick(sourceId, vscode.l10n.t('Sign in to which Zendesk source?'));
    if (!config) return undefined;
    const outcome = await this.accounts.signIn(config);
    if (outcome === 'signedIn') await this.signedIn(config.id);
    return outcome;
  }

  async signOut(sourceId?: unknown): Promise<boolean> {
    const config = await this.pick(sourceId, vscode.l10n.t('Sign out of which Zendesk source?'));
    if (!config) return false;
    await this.accounts.signOut(config.id);
    await this.reload();
    void vscode.window.showInformationMessage(vscode.l10n.t('Signed out of {0}; its credential was removed.', zendeskSourceLabel(config)));
    return true;
  }

  private async pick(sourceId: unknown, placeHolder: string): Promise<ZendeskSourceConfig | undefined> {
    const zendesk = this.settings().sources.sources.filter((s): s is ZendeskSourceConfig => s.kind === 'zendesk');
    if (zendesk.length === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('No Zendesk source is configured. Add one to supportRotation.sources: { "id", "kind": "zendesk", "subdomain", "view" }.'),
      );
      return undefined;
    }
    const named = zendesk.find((s) => s.id === sourceId);
    if (named || zendesk.length === 1) return named ?? zendesk[0];
    const picked = await vscode.window.showQuickPick(
      zendesk.map((config) => ({
        label: zendeskSourceLabel(config),
        description: zendeskOrigin(config),
        detail: signedInText(this.accounts.user(config.id)?.name),
        config,
      })),
      { placeHolder },
    );
    return picked?.config;
  }
}

function signedInText(name: string | undefined): string {
  return name ? vscode.l10n.t('signed in as {0}', name) : vscode.l10n.t('not signed in');
}
