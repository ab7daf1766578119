/**
 * GitHub sign-in: VS Code's own GitHub account (the built-in `github` authentication provider, or
 * `github-enterprise` for a GitHub Enterprise Server). No token is typed or stored here: the session
 * is asked for on the first request a GitHub source makes, and again on each, so signing out in
 * VS Code takes effect at once. Declining the sign-in is remembered until the user asks to sign in.
 */
import * as vscode from 'vscode';
import { githubHttpClient } from '../../providers/github/githubHttp';
import type { HttpClient } from '../../providers/http/httpClient';
import type { GithubSourceConfig } from '../../shared/sourceConfig';

/** Reading and writing issues, assignees and labels, in private repositories too (a companion notes repository is private). */
const GITHUB_SCOPES = ['repo'];

/** Below this many requests left, the budget is a warning in the log. */
const LOW_BUDGET = 100;

export class GithubAccounts {
  private readonly logins = new Map<string, string>();
  private readonly declined = new Set<string>();

  constructor(
    private readonly userAgent: string,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The login of the account a source last used; undefined before its first request. */
  login(sourceId: string): string | undefined {
    return this.logins.get(sourceId);
  }

  client(config: GithubSourceConfig): HttpClient {
    const label = githubSourceLabel(config);
    return githubHttpClient({
      baseUrl: config.baseUrl ?? 'https://api.github.com',
      label,
      userAgent: this.userAgent,
      authHeaders: async (): Promise<Record<string, string>> => {
        const session = await this.session(config);
        return session ? { Authorization: `Bearer ${session.accessToken}` } : {};
      },
      onBudget: (remaining, resetAt) => {
        const message = `${label}: ${remaining} requests left until ${resetAt?.toISOString() ?? 'the reset'}`;
        if (remaining < LOW_BUDGET) this.log.warn(message);
        else this.log.trace(message);
      },
    });
  }

  /** Asks VS Code for the session now, with its sign-in dialog: the "Sign In" action of a failure. */
  async signIn(config: GithubSourceConfig): Promise<boolean> {
    this.declined.delete(config.id);
    return (await this.session(config)) !== undefined;
  }

  private async session(config: GithubSourceConfig): Promise<vscode.AuthenticationSession | undefined> {
    const provider = config.baseUrl ? 'github-enterprise' : 'github';
    const ask = !this.declined.has(config.id);
    try {
      const session = await vscode.authentication.getSession(provider, GITHUB_SCOPES, ask ? { createIfNone: true } : { silent: true });
      if (session) this.logins.set(config.id, session.account.label);
      return session;
    } catch (error) {
      // Declined or failed: no request is made with an account, and the user is not asked on every request.
      this.declined.add(config.id);
      this.log.warn(`GitHub sign-in for ${config.id}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
}

/** How people see a GitHub source: its own label, or the repository or search it reads. */
export function githubSourceLabel(config: GithubSourceConfig): string {
  return config.label ?? vscode.l10n.t('GitHub ({0})', config.repository ?? config.query ?? '');
}
