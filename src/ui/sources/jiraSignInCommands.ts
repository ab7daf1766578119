/** "Sign in to Jira" and "Sign out of Jira", for each configured Jira source. */
import * as vscode from 'vscode';
import type { JiraSourceConfig } from '../../shared/sourceConfig';
import type { Settings } from '../common/settings';
import { jiraSourceLabel, type JiraAccounts, type JiraSignInOutcome } from './jiraAccounts';

export class JiraSignInCommands {
  constructor(
    private readonly accounts: JiraAccounts,
    private readonly settings: () => Settings,
    /** After a sign-in: the refusal it answers is withdrawn and the sources rebuilt. */
    private readonly signedIn: (sourceId: string) => Promise<void>,
    /** After a sign-out: the sources rebuilt without the account. */
    private readonly reload: () => Promise<void>,
  ) {}

  async signIn(sourceId?: unknown): Promise<JiraSignInOutcome | undefined> {
    const config = await this.pick(sourceId, vscode.l10n.t('Sign in to which Jira source?'));
    if (!config) return undefined;
    const outcome = await this.accounts.signIn(config);
    if (outcome === 'signedIn') await this.signedIn(config.id);
    return outcome;
  }

  async signOut(sourceId?: unknown): Promise<boolean> {
    const config = await this.pick(sourceId, vscode.l10n.t('Sign out of which Jira source?'));
    if (!config) return false;
    await this.accounts.signOut(config.id);
    await this.reload();
    void vscode.window.showInformationMessage(vscode.l10n.t('Signed out of {0}; its credential was removed.', jiraSourceLabel(config)));
    return true;
  }

  private async pick(sourceId: unknown, placeHolder: string): Promise<JiraSourceConfig | undefined> {
    const jira = this.settings().sources.sources.filter((s): s is JiraSourceConfig => s.kind === 'jira');
    if (jira.length === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('No Jira source is configured. Add one to supportRotation.sources: { "id", "kind": "jira", "baseUrl", "jql" }.'),
      );
      return undefined;
    }
    const named = jira.find((s) => s.id === sourceId);
    if (named || jira.length === 1) return named ?? jira[0];
    const picked = await vscode.window.showQuickPick(
      jira.map((config) => {
        const name = this.accounts.user(config.id)?.name;
        return {
          label: jiraSourceLabel(config),
          description: config.baseUrl,
          detail: name ? vscode.l10n.t('signed in as {0}', name) : vscode.l10n.t('not signed in'),
          config,
        };
      }),
      { placeHolder },
    );
    return picked?.config;
  }
}
