/**
 * The HTTP layer as a Jira source uses it: unconditional reads, writes that say how they may be
 * repeated, a refusal that names the credential, and the kind of site (Cloud or Data Center) read
 * once from `/rest/api/2/serverInfo`, which both answer.
 */
import type * as z from 'zod/mini';
import type { HttpClient, Repeat } from '../http/httpClient';
import { ok, type SourceFailure, type SourceResult } from '../sourceResult';
import { jiraServerInfoSchema } from './jiraSchemas';

export type Params = Record<string, string | number | undefined>;

export type JiraSite = 'cloud' | 'dataCenter';

export class JiraApi {
  private site: Promise<SourceResult<JiraSite>> | undefined;

  constructor(
    private readonly http: HttpClient,
    readonly label: string,
    private readonly credential?: string,
    known?: JiraSite,
  ) {
    if (known) this.site = Promise.resolve(ok(known));
  }

  async get<T>(path: string, schema: z.ZodMiniType<T>, params: Params = {}, signal?: AbortSignal): Promise<SourceResult<T>> {
    const answer = await this.http.get(path, schema, { params, signal });
    return answer.kind === 'ok' ? ok(answer.data) : this.named(answer);
  }

  /** A write; `undefined` when its answer was lost and the caller's check found it had landed. */
  async send<T>(method: 'PUT' | 'POST', path: string, body: unknown, schema: z.ZodMiniType<T>, repeat: Repeat): Promise<SourceResult<T | undefined>> {
    const answer = await this.http.send(method, path, body, schema, repeat);
    if (answer.kind === 'landed') return ok(undefined);
    return answer.kind === 'ok' ? ok(answer.data) : this.named(answer);
  }

  /** Cloud or Data Center; asked once, and again only after a failed answer. */
  kind(signal?: AbortSignal): Promise<SourceResult<JiraSite>> {
    if (!this.site) {
      this.site = this.get('/rest/api/2/serverInfo', jiraServerInfoSchema, {}, signal).then((info) => {
        if (info.kind !== 'ok') this.site = undefined;
        return info.kind === 'ok' ? ok(info.value.deploymentType === 'Cloud' ? 'cloud' : 'dataCenter') : info;
      });
    }
    return this.site;
  }

  /** Say which credential was refused: with several Jira sites, "sign in again" alone does not say where. */
  private named(failure: SourceFailure): SourceFailure {
    if (failure.kind !== 'unauthorised') return failure;
    return { ...failure, message: `${this.label} refused ${this.credential ?? 'the request: no one is signed in'}. Sign in again. (${failure.message})` };
  }
}

/**
 * Jira answers JSON on every REST path; a web page in its place is a sign-in page (an expired
 * session, a site behind single sign-on, a token that is not accepted), so it asks for a sign-in.
 */
export function jiraNonJson(label: string): (body: string) => SourceFailure | undefined {
  return (body) =>
    /<(!doctype\s+)?html/i.test(body.slice(0, 1024))
      ? { kind: 'unauthorised', message: `${label} answered with a web page (a sign-in page) instead of JSON: sign in again, or check the site's address.` }
      : undefined;
}

/** Cloud or Data Center, asked before anyone signs in: `serverInfo` answers without a credential. */
export function jiraSiteKind(http: HttpClient, label: string): Promise<SourceResult<JiraSite>> {
  return new JiraApi(http, label).kind();
}
