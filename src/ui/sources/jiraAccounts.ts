/**
 * Jira sign-in per source. The kind of site is read first from `/rest/api/2/serverInfo`, which
 * answers without a sign-in: Cloud takes an e-mail address and an API token (Basic), checked with
 * `GET /rest/api/3/myself`; Data Center a personal access token (Bearer), checked with
 * `GET /rest/api/2/myself`. The credential is kept only in VS Code's SecretStorage; who signed in
 * ("me" is the `accountId` on Cloud, the user name on Data Center) and on which kind of site is kept
 * in the global state, which holds no secret.
 */
import * as vscode from 'vscode';
import * as z from 'zod/mini';
import { HttpClient } from '../../providers/http/httpClient';
import { jiraNonJson, jiraSiteKind, type JiraSite } from '../../providers/jira/jiraApi';
import { jiraMyselfSchema } from '../../providers/jira/jiraSchemas';
import type { JiraMe } from '../../providers/jira/jiraSource';
import type { JiraSourceConfig } from '../../shared/sourceConfig';
import { COMMANDS } from '../common/contributionIds';
import { offerAfterRefusal } from './signInRefusal';
import { StoredSignIn, type StoredSignInDeps, type TokenCredential } from './storedSignIn';

type Credential = TokenCredential<'pat'>;

const signedInSchema = z.object({ id: z.string(), name: z.string(), site: z.enum(['cloud', 'dataCenter']), email: z.optional(z.string()) });

export interface JiraSignedIn extends JiraMe {
  readonly site: JiraSite;
  readonly email?: string;
}

export type JiraSignInOutcome = 'signedIn' | 'cancelled' | 'refused';

export class JiraAccounts {
  private readonly stored: StoredSignIn<'pat', JiraSignedIn>;
  private readonly log: vscode.LogOutputChannel;

  constructor(
    deps: StoredSignInDeps,
    private readonly userAgent: string,
  ) {
    this.stored = new StoredSignIn(deps, { system: 'jira', logName: 'Jira', bearer: 'pat', user: signedInSchema });
    this.log = deps.log;
  }

  user(sourceId: string): JiraSignedIn | undefined {
    return this.stored.user(sourceId);
  }

  /** The client a source uses: the credential is read on every request, so signing out takes effect at once. */
  client(config: JiraSourceConfig): HttpClient {
    return this.http(config, jiraSourceLabel(config), async () => authorization(await this.stored.credential(config.id)));
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
    await this.stored.keep(config.id, credential, user);
    void vscode.window.showInformationMessage(vscode.l10n.t('Signed in to {0} as {1}.', jiraSourceLabel(config), user.name));
    return 'signedIn';
  }

  signOut(sourceId: string): Promise<void> {
    return this.stored.forget(sourceId);
  }

  private http(config: JiraSourceConfig, label: string, authHeaders: () => Promise<Record<string, string>>): HttpClient {
    return new HttpClient({ baseUrl: siteUrl(config), label, userAgent: this.userAgent, authHeaders, nonJson: jiraNonJson(label) });
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
