/**
 * Jira sign-in per source. The kind of site is read first from `/rest/api/2/serverInfo`, which
 * answers without a sign-in: Cloud takes an e-mail address and an API token (Basic), checked with
 * `GET /rest/api/3/myself`; Data Center a personal access token (Bearer), checked with
 * `GET /rest/api/2/myself`. The credential is kept only in VS Code's SecretStorage; who signed in
 * ("me" is the `accountId` on Cloud, the user name on Data Center) and on which kind of site is kept
 * in the global state, which holds no secret.
 */
import * as vscode from 'vscode';
import { HttpClient } from '../../providers/http/httpClient';
import { jiraNonJson, jiraSiteKind, type JiraSite } from '../../providers/jira/jiraApi';
import { jiraMyselfSchema } from '../../providers/jira/jiraSchemas';
import type { JiraMe } from '../../providers/jira/jiraSource';
import type { JiraSourceConfig } from '../../shared/sourceConfig';
import { COMMANDS } from '../common/contributionIds';
import { offerAfterRefusal } from './signInRefusal';

const secretKey = (sourceId: string): string => `supportRotation.jira.credential.${sourceId}`;
const userKey = (sourceId: string): string => `supportRotation.jira.user.${sourceId}`;

type Credential = { readonly kind: 'apiToken'; readonly email: string; readonly token: string } | { readonly kind: 'pat'; readonly token: string };

export interface JiraSignedIn extends JiraMe {
  readonly site: JiraSite;
  readonly email?: string;
}

export type JiraSignInOutcome = 'signedIn' | 'cancelled' | 'refused';

export class JiraAccounts {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
    private readonly userAgent: string,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  user(sourceId: string): JiraSignedIn | undefined {
    const value = this.state.get<Partial<JiraSignedIn>>(userKey(sourceId));
    if (typeof value?.id !== 'string' || typeof value.name !== 'string' || (value.site !== 'cloud' && value.site !== 'dataCenter')) return undefined;
    return { id: value.id, name: value.name, site: value.site, email: value.email };
  }

  /** The client a source uses: the credential is read on every request, so signing out takes effect at once. */
  client(config: JiraSourceConfig): HttpClient {
    return this.http(config, jiraSourceLabel(config), async () => authorization(await this.credential(config.id)));
  }

  /** Which credential a refusal is about, in words: "the API token of sam@example.com". */
  describeCredential(sourceId: string): string | undefined {
    const user = this.user(sourceId);
    if (!user) return undefined;
    return user.site === 'cloud'
      ? vscode.l10n.t('the API token of {0}', user.email ?? user.name)
      : vscode.l10n.t('the personal access token of {0}', user.name);
  }

  async signIn(config: JiraSourceConfig): Promise<JiraSignInOutcome> {
    const site = await jiraSiteKind(
      this.http(config, jiraSourceLabel(config), () => Promise.resolve({})),
      jiraSourceLabel(config),
    );
    if (site.kind !== 'ok') {
      void offerAfterRefusal(
        vscode.l10n.t('{0} could not be reached as a Jira site: {1}', siteUrl(config), site.message),
        { command: COMMANDS.signInJira, sourceId: config.id },
        this.log,
      );
      return 'refused';
    }
    const credential = await askCredential(config, site.value);
    if (!credential) return 'cancelled';
    const probe = this.http(config, jiraSourceLabel(config), () => Promise.resolve(authorization(credential)));
    const path = site.value === 'cloud' ? '/rest/api/3/myself' : '/rest/api/2/myself';
    const me = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the credential…') }, () =>
      probe.get(path, jiraMyselfSchema),
    );
    const id = me.kind === 'ok' ? (me.data.accountId ?? me.data.name) : undefined;
    if (me.kind !== 'ok' || id === undefined) {
      const why = me.kind === 'ok' ? vscode.l10n.t('Jira did not say who it belongs to.') : 'message' in me ? me.message : vscode.l10n.t('no answer');
      const which = credential.kind === 'pat' ? vscode.l10n.t('The personal access token') : vscode.l10n.t('The API token for {0}', credential.email);
      this.log.warn(`Jira sign-in to ${config.id} refused: ${why}`);
      void offerAfterRefusal(
        vscode.l10n.t('{0} was not accepted by {1}: {2} Nothing was stored.', which, siteUrl(config), why),
        { command: COMMANDS.signInJira, sourceId: config.id },
        this.log,
      );
      return 'refused';
    }
    const email = credential.kind === 'apiToken' ? credential.email : undefined;
    const user: JiraSignedIn = { id, name: me.data.displayName ?? id, site: site.value, email };
    await this.secrets.store(secretKey(config.id), JSON.stringify(credential));
    await this.state.update(userKey(config.id), user);
    void vscode.window.showInformationMessage(vscode.l10n.t('Signed in to {0} as {1}.', jiraSourceLabel(config), user.name));
    return 'signedIn';
  }

  async signOut(sourceId: string): Promise<void> {
    await this.secrets.delete(secretKey(sourceId));
    await this.state.update(userKey(sourceId), undefined);
  }

  private http(config: JiraSourceConfig, label: string, authHeaders: () => Promise<Record<string, string>>): HttpClient {
    return new HttpClient({ baseUrl: siteUrl(config), label, userAgent: this.userAgent, authHeaders, nonJson: jiraNonJson(label) });
  }

  private async credential(sourceId: string): Promise<Credential | undefined> {
    const stored = await this.secrets.get(secretKey(sourceId));
    if (!stored) return undefined;
    try {
      const parsed = JSON.parse(stored) as Partial<{ kind: string; email: string; token: string }>;
      if (parsed.kind === 'pat' && typeof parsed.token === 'string') return { kind: 'pat', token: parsed.token };
      if (parsed.kind === 'apiToken' && typeof parsed.token === 'string' && typeof parsed.email === 'string')
        return { kind: 'apiToken', email: parsed.email, token: parsed.token };
    } catch {
      this.log.warn(`The stored Jira credential of ${sourceId} could not be read; sign in again.`);
    }
    return undefined;
  }
}

async function askCredential(config: JiraSourceConfig, site: JiraSite): Promise<Credential | undefined> {
  const nonEmpty = (value: string): string | undefined => (value.trim() === '' ? vscode.l10n.t('This cannot be empty') : undefined);
  if (site === 'dataCenter') {
    const token = await vscode.window.showInputBox({
      title: vscode.l10n.t('Sign in to {0}', jiraSourceLabel(config)),
      prompt: vscode.l10n.t("A personal access token (your profile › Personal Access Tokens). It is kept in VS Code's secret storage."),
      password: true,
      ignoreFocusOut: true,
      validateInput: nonEmpty,
    });
    return token ? { kind: 'pat', token: token.trim() } : undefined;
  }
  const email = await vscode.window.showInputBox({
    title: vscode.l10n.t('Sign in to {0}', jiraSourceLabel(config)),
    prompt: vscode.l10n.t('Your Atlassian account e-mail address for {0}', siteUrl(config)),
    ignoreFocusOut: true,
    validateInput: nonEmpty,
  });
  if (!email) return undefined;
  const token = await vscode.window.showInputBox({
    title: vscode.l10n.t('Sign in to {0}', jiraSourceLabel(config)),
    prompt: vscode.l10n.t("An API token from your Atlassian account's security settings. It is kept in VS Code's secret storage."),
    password: true,
    ignoreFocusOut: true,
    validateInput: nonEmpty,
  });
  return token ? { kind: 'apiToken', email: email.trim(), token: token.trim() } : undefined;
}

function authorization(credential: Credential | undefined): Record<string, string> {
  if (!credential) return {};
  if (credential.kind === 'pat') return { Authorization: `Bearer ${credential.token}` };
  return { Authorization: `Basic ${Buffer.from(`${credential.email}:${credential.token}`).toString('base64')}` };
}

function siteUrl(config: JiraSourceConfig): string {
  return config.baseUrl.replace(/\/+$/, '');
}

/** How people see a Jira source: its own label, or the site and queue it reads. */
export function jiraSourceLabel(config: JiraSourceConfig): string {
  return config.label ?? vscode.l10n.t('Jira ({0})', new URL(config.baseUrl).host);
}
