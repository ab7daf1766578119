/**
 * Zendesk sign-in per source: an agent's e-mail address with an API token (Basic
 * `{email}/token:{token}`) or an OAuth access token (Bearer), checked with `GET /api/v2/users/me`
 * before it is kept, stored only in VS Code's SecretStorage (never in settings, logs or state).
 * Who signed in, and with which kind of credential, is kept in the global state, which holds no secret.
 */
import * as vscode from 'vscode';
import * as z from 'zod/mini';
import { HttpClient } from '../../providers/http/httpClient';
import { zendeskMeSchema } from '../../providers/zendesk/zendeskSchemas';
import type { ZendeskAgent } from '../../providers/zendesk/zendeskSource';
import type { ZendeskSourceConfig } from '../../shared/sourceConfig';
import { COMMANDS } from '../common/contributionIds';
import { offerAfterRefusal } from './signInRefusal';
import { StoredSignIn, type StoredSignInDeps, type TokenCredential } from './storedSignIn';

type Credential = TokenCredential<'oauth'>;

const signedInSchema = z.object({ id: z.number(), name: z.string(), email: z.optional(z.string()), credential: z.enum(['apiToken', 'oauth']) });

export interface ZendeskSignedIn extends ZendeskAgent {
  readonly email?: string;
  readonly credential: Credential['kind'];
}

export type ZendeskSignInOutcome = 'signedIn' | 'cancelled' | 'refused';

export class ZendeskAccounts {
  private readonly stored: StoredSignIn<'oauth', ZendeskSignedIn>;
  private readonly log: vscode.LogOutputChannel;

  constructor(
    deps: StoredSignInDeps,
    private readonly userAgent: string,
  ) {
    this.stored = new StoredSignIn(deps, { system: 'zendesk', logName: 'Zendesk', bearer: 'oauth', user: signedInSchema });
    this.log = deps.log;
  }

  user(sourceId: string): ZendeskSignedIn | undefined {
    return this.stored.user(sourceId);
  }

  /** The client a source uses: the credential is read on every request, so signing out takes effect at once. */
  client(config: ZendeskSourceConfig): HttpClient {
    return new HttpClient({
      baseUrl: `${zendeskOrigin(config)}/api/v2`,
      label: zendeskSourceLabel(config),
      userAgent: this.userAgent,
      authHeaders: async () => authorization(await this.stored.credential(config.id)),
    });
  }

  /** Which credential a refusal is about, in words: "the API token of sam@example.com". */
  describeCredential(sourceId: string): string | undefined {
    const user = this.user(sourceId);
    if (!user) return undefined;
    return user.credential === 'oauth' ? vscode.l10n.t('the OAuth access token') : vscode.l10n.t('the API token of {0}', user.email ?? user.name);
  }

  async signIn(config: ZendeskSourceConfig): Promise<ZendeskSignInOutcome> {
    const credential = await askCredential(config);
    if (!credential) return 'cancelled';
    const probe = new HttpClient({
      baseUrl: `${zendeskOrigin(config)}/api/v2`,
      label: vscode.l10n.t('Zendesk at {0}', zendeskOrigin(config)),
      userAgent: this.userAgent,
      authHeaders: () => Promise.resolve(authorization(credential)),
    });
    const me = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the credential…') }, () =>
      probe.get('/users/me', zendeskMeSchema),
    );
    const which = credential.kind === 'oauth' ? vscode.l10n.t('The OAuth access token') : vscode.l10n.t('The API token for {0}', credential.email);
    // Zendesk answers an unknown credential on this endpoint with the anonymous user rather than a 401.
    const refused =
      me.kind !== 'ok'
        ? 'message' in me
          ? me.message
          : vscode.l10n.t('no answer')
        : me.data.user.id === null
          ? vscode.l10n.t('Zendesk did not recognise it.')
          : undefined;
    if (me.kind !== 'ok' || me.data.user.id === null) {
      this.log.warn(`Zendesk sign-in to ${config.id} refused: ${refused ?? ''}`);
      void offerAfterRefusal(
        vscode.l10n.t('{0} was not accepted by {1}: {2} Nothing was stored.', which, zendeskOrigin(config), refused ?? ''),
        { command: COMMANDS.signInZendesk, sourceId: config.id },
        this.log,
      );
      return 'refused';
    }
    const user: ZendeskSignedIn = { id: me.data.user.id, name: me.data.user.name, email: me.data.user.email ?? undefined, credential: credential.kind };
    await this.stored.keep(config.id, credential, user);
    void vscode.window.showInformationMessage(vscode.l10n.t('Signed in to {0} as {1}.', zendeskSourceLabel(config), user.name));
    return 'signedIn';
  }

  signOut(sourceId: string): Promise<void> {
    return this.stored.forget(sourceId);
  }
}

async function askCredential(config: ZendeskSourceConfig): Promise<Credential | undefined> {
  const apiToken = {
    label: vscode.l10n.t('E-mail address and API token'),
    detail: vscode.l10n.t('An agent’s API token, from Admin Center › Apps and integrations › APIs.'),
  };
  const oauth = { label: vscode.l10n.t('OAuth access token'), detail: vscode.l10n.t('A token issued to an OAuth client of the account.') };
  const picked = await vscode.window.showQuickPick([apiToken, oauth], {
    title: vscode.l10n.t('Sign in to {0}', zendeskSourceLabel(config)),
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  const nonEmpty = (value: string): string | undefined => (value.trim() === '' ? vscode.l10n.t('This cannot be empty') : undefined);
  if (picked === oauth) {
    const token = await vscode.window.showInputBox({
      prompt: vscode.l10n.t("The OAuth access token. It is kept in VS Code's secret storage."),
      password: true,
      ignoreFocusOut: true,
      validateInput: nonEmpty,
    });
    return token ? { kind: 'oauth', token: token.trim() } : undefined;
  }
  const email = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('Your e-mail address in {0}', zendeskOrigin(config)),
    ignoreFocusOut: true,
    validateInput: nonEmpty,
  });
  if (!email) return undefined;
  const token = await vscode.window.showInputBox({
    prompt: vscode.l10n.t("Your API token. It is kept in VS Code's secret storage."),
    password: true,
    ignoreFocusOut: true,
    validateInput: nonEmpty,
  });
  return token ? { kind: 'apiToken', email: email.trim(), token: token.trim() } : undefined;
}

function authorization(credential: Credential | undefined): Record<string, string> {
  if (!credential) return {};
  if (credential.kind === 'oauth') return { Authorization: `Bearer ${credential.token}` };
  return { Authorization: `Basic ${Buffer.from(`${credential.email}/token:${credential.token}`).toString('base64')}` };
}

/** `acme` → `https://acme.zendesk.com`; a `baseUrl` as given, without a trailing slash. */
export function zendeskOrigin(config: ZendeskSourceConfig): string {
  return config.baseUrl ? config.baseUrl.replace(/\/+$/, '') : `https://${config.subdomain ?? ''}.zendesk.com`;
}

/** How people see a Zendesk source: its own label, or the account it reads. */
export function zendeskSourceLabel(config: ZendeskSourceConfig): string {
  return config.label ?? vscode.l10n.t('Zendesk ({0})', config.subdomain ?? config.baseUrl ?? '');
}
