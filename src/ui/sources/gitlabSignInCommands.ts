/** "Sign in to GitLab" and "Sign out of GitLab", for each configured GitLab source. */
import * as vscode from 'vscode';
import type { GitlabSourceConfig } from '../../shared/sourceConfig';
import type { GitlabAccounts, SignInOutcome } from './gitlabAccounts';
import type { Settings } from '../common/settings';

export class GitlabSignInCommands {
  constructor(
    private readonly accounts: GitlabAccounts,
    private readonly settings: () => Settings,
    /** After a sign-in: the refusal it answers is withdrawn and the sources rebuilt. */
    private readonly signedIn: (sourceId: string) => Promise<void>,
    /** After a sign-out: the sources rebuilt without the account. */
    private readonly reload: () => Promise<void>,
  ) {}

  async signIn(sourceId?: unknown): Promise<SignInOutcome | undefined> {
    const config = await this.pick(sourceId, vscode.l10n.t('Sign in to which GitLab source?'));
    if (!config) return undefined;
    const outcome = await this.accounts.signIn(config);
    if (outcome === 'signedIn') await this.signedIn(config.id);
    return outcome;
  }

  async signOut(sourceId?: unknown): Promise<boolean> {
    const config = await this.pick(sourceId, vscode.l10n.t('Sign out of which GitLab source?'));
    if (!config) return false;
    await this.accounts.signOut(config.id);
    await this.reload();
    void vscode.window.showInformationMessage(vscode.l10n.t('Signed out of {0}; its token was removed.', config.label ?? config.baseUrl));
    return true;
  }

  private async pick(sourceId: unknown, placeHolder: string): Promise<GitlabSourceConfig | undefined> {
    const gitlab = this.settings().sources.sources.filter((s): s is GitlabSourceConfig => s.kind === 'gitlab');
    if (gitlab.length === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('No GitLab source is configured. Add one to supportRotation.sources: { "id", "kind": "gitlab", "baseUrl", "project" }.'),
      );
      return undefined;
    }
    const named = gitlab.find((s) => s.id === sourceId);
    if (named || gitlab.length === 1) return named ?? gitlab[0];
    const picked = await vscode.window.showQuickPick(
      gitlab.map((config) => ({
        label: config.label ?? config.project ?? config.group ?? config.id,
        description: config.baseUrl,
        detail: signedInText(this.accounts.user(config.id)?.username),
        config,
      })),
      { placeHolder },
    );
    return picked?.config;
  }
}

function signedInText(username: string | undefined): string {
  return username ? vscode.l10n.t('signed in as @{0}', username) : vscode.l10n.t('not signed in');
}
