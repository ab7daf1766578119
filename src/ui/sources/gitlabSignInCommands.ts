/** "Sign in to GitLab" and "Sign out of GitLab", for each configured GitLab source. */
import * as vscode from 'vscode';
import type { GitlabSourceConfig } from '../../providers/sourceConfig';
import type { GitlabAccounts, SignInOutcome } from './gitlabAccounts';
import type { Settings } from '../common/settings';

export class GitlabSignInCommands {
  constructor(
    private readonly accounts: GitlabAccounts,
    private readonly settings: () => Settings,
    private readonly reload: () => Promise<void>,
  ) {}

  async signIn(sourceId?: unknown): Promise<SignInOutcome | undefined> {
    const config = await this.pick(sourceId, 'Sign in to which GitLab source?');
    if (!config) return undefined;
    const outcome = await this.accounts.signIn(config);
    if (outcome === 'signedIn') await this.reload();
    return outcome;
  }

  async signOut(sourceId?: unknown): Promise<boolean> {
    const config = await this.pick(sourceId, 'Sign out of which GitLab source?');
    if (!config) return false;
    await this.accounts.signOut(config.id);
    await this.reload();
    void vscode.window.showInformationMessage(`Signed out of ${config.label ?? config.baseUrl}; its token was removed.`);
    return true;
  }

  private async pick(sourceId: unknown, placeHolder: string): Promise<GitlabSourceConfig | undefined> {
    const gitlab = this.settings().sources.sources.filter((s): s is GitlabSourceConfig => s.kind === 'gitlab');
    if (gitlab.length === 0) {
      void vscode.window.showInformationMessage(
        'No GitLab source is configured. Add one to supportRotation.sources: { "id", "kind": "gitlab", "baseUrl", "project" }.',
      );
      return undefined;
    }
    const named = gitlab.find((s) => s.id === sourceId);
    if (named || gitlab.length === 1) return named ?? gitlab[0];
    const picked = await vscode.window.showQuickPick(
      gitlab.map((config) => ({
        label: config.label ?? config.project ?? config.group ?? config.id,
        description: config.baseUrl,
        detail: this.accounts.user(config.id) ? `signed in as @${this.accounts.user(config.id)?.username}` : 'not signed in',
        config,
      })),
      { placeHolder },
    );
    return picked?.config;
  }
}
