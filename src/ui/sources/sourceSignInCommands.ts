/**
 * "Sign in to …" and "Sign out of …" for each configured source of one kind that keeps a credential of
 * its own: GitLab, Zendesk and Jira. Each kind gives its accounts, how its sources show in the pick, and
 * its words, translated where it writes them.
 */
import * as vscode from 'vscode';
import type { SourceConfig } from '../../shared/sourceConfig';
import type { Settings } from '../common/settings';

export type SignInOutcome = 'signedIn' | 'cancelled' | 'refused';

export interface SignInKind<C extends SourceConfig> {
  readonly kind: C['kind'];
  readonly accounts: { signIn(config: C): Promise<SignInOutcome>; signOut(sourceId: string): Promise<void> };
  /** A source as the pick shows it: its name, its server, and who is signed in to it, if anyone. */
  pickItem(config: C): { readonly label: string; readonly description: string; readonly signedInAs: string | undefined };
  readonly texts: {
    readonly signInWhich: string;
    readonly signOutWhich: string;
    /** No source of the kind is configured: how to add one. */
    readonly noneConfigured: string;
    signedOut(config: C): string;
  };
}

export interface SignInHost {
  readonly settings: () => Settings;
  /** After a sign-in: the refusal it answers is withdrawn and the sources rebuilt. */
  readonly signedIn: (sourceId: string) => Promise<void>;
  /** After a sign-out: the sources rebuilt without the account. */
  readonly reload: () => Promise<void>;
}

export class SourceSignInCommands<C extends SourceConfig> {
  constructor(
    private readonly of: SignInKind<C>,
    private readonly host: SignInHost,
  ) {}

  async signIn(sourceId?: unknown): Promise<SignInOutcome | undefined> {
    const config = await this.pick(sourceId, this.of.texts.signInWhich);
    if (!config) return undefined;
    const outcome = await this.of.accounts.signIn(config);
    if (outcome === 'signedIn') await this.host.signedIn(config.id);
    return outcome;
  }

  async signOut(sourceId?: unknown): Promise<boolean> {
    const config = await this.pick(sourceId, this.of.texts.signOutWhich);
    if (!config) return false;
    await this.of.accounts.signOut(config.id);
    await this.host.reload();
    void vscode.window.showInformationMessage(this.of.texts.signedOut(config));
    return true;
  }

  private async pick(sourceId: unknown, placeHolder: string): Promise<C | undefined> {
    const configured = this.host.settings().sources.sources.filter((s): s is C => s.kind === this.of.kind);
    if (configured.length === 0) {
      void vscode.window.showInformationMessage(this.of.texts.noneConfigured);
      return undefined;
    }
    const named = configured.find((s) => s.id === sourceId);
    if (named || configured.length === 1) return named ?? configured[0];
    const picked = await vscode.window.showQuickPick(
      configured.map((config) => {
        const { label, description, signedInAs } = this.of.pickItem(config);
        const detail = signedInAs ? vscode.l10n.t('signed in as {0}', signedInAs) : vscode.l10n.t('not signed in');
        return { label, description, detail, config };
      }),
      { placeHolder },
    );
    return picked?.config;
  }
}
