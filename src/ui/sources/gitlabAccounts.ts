/**
 * GitLab sign-in per source: a personal access token, checked with `GET /user` before it is kept,
 * stored only in VS Code's SecretStorage (never in settings, logs or state). Who signed in (id,
 * username, name) is kept in the global state, which holds no secret.
 */
import * as vscode from 'vscode';
import { gitlabUserSchema, type GitlabUser } from '../../providers/gitlab/gitlabSchemas';
import { HttpClient } from '../../providers/http/httpClient';
import type { GitlabSourceConfig } from '../../shared/sourceConfig';

const secretKey = (sourceId: string): string => `supportRotation.gitlab.token.${sourceId}`;
const userKey = (sourceId: string): string => `supportRotation.gitlab.user.${sourceId}`;

export type SignInOutcome = 'signedIn' | 'cancelled' | 'refused';

export class GitlabAccounts {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
    private readonly userAgent: string,
  ) {}

  token(sourceId: string): Thenable<string | undefined> {
    return this.secrets.get(secretKey(sourceId));
  }

  user(sourceId: string): GitlabUser | undefined {
    const parsed = gitlabUserSchema.safeParse(this.state.get<unknown>(userKey(sourceId)));
    return parsed.success ? parsed.data : undefined;
  }

  /** The client a source uses: the token is read on every request, so signing out takes effect at once. */
  client(config: GitlabSourceConfig): HttpClient {
    return new HttpClient({
      baseUrl: apiRoot(config.baseUrl),
      label: gitlabSourceLabel(config),
      userAgent: this.userAgent,
      authHeaders: async (): Promise<Record<string, string>> => {
        const token = await this.token(config.id);
        return token ? { 'PRIVATE-TOKEN': token } : {};
      },
    });
  }

  async signIn(config: GitlabSourceConfig): Promise<SignInOutcome> {
    const token = await vscode.window.showInputBox({
      title: vscode.l10n.t('Sign in to {0}', config.label ?? config.baseUrl),
      prompt: vscode.l10n.t('A personal access token for {0} with the "api" scope. It is kept in VS Code\'s secret storage.', config.baseUrl),
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('Paste the token') : undefined),
    });
    if (!token) return 'cancelled';
    const probe = new HttpClient({
      baseUrl: apiRoot(config.baseUrl),
      label: vscode.l10n.t('GitLab at {0}', config.baseUrl),
      userAgent: this.userAgent,
      authHeaders: () => Promise.resolve({ 'PRIVATE-TOKEN': token.trim() }),
    });
    const me = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the token…') }, () =>
      probe.get('/user', gitlabUserSchema),
    );
    if (me.kind !== 'ok') {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('The token was not accepted: {0} Nothing was stored.', 'message' in me ? me.message : vscode.l10n.t('no answer')),
      );
      return 'refused';
    }
    await this.secrets.store(secretKey(config.id), token.trim());
    await this.state.update(userKey(config.id), { id: me.data.id, username: me.data.username, name: me.data.name });
    void vscode.window.showInformationMessage(vscode.l10n.t('Signed in to {0} as {1} (@{2}).', config.label ?? config.baseUrl, me.data.name, me.data.username));
    return 'signedIn';
  }

  async signOut(sourceId: string): Promise<void> {
    await this.secrets.delete(secretKey(sourceId));
    await this.state.update(userKey(sourceId), undefined);
  }
}

/** `https://git.example.com/gitlab` → `https://git.example.com/gitlab/api/v4` (unless given already). */
function apiRoot(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return /\/api\/v4$/.test(trimmed) ? trimmed : `${trimmed}/api/v4`;
}

/** How people see a GitLab source: its own label, or the project or group it reads. */
export function gitlabSourceLabel(config: GitlabSourceConfig): string {
  return config.label ?? vscode.l10n.t('GitLab ({0})', config.project ?? config.group ?? '');
}
