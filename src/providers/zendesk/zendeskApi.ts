/**
 * The HTTP layer as a Zendesk source uses it: every answer's rate-limit headers go to the poll
 * budget, reads are unconditional, and list endpoints are walked by cursor (`page[size]`, then
 * `page[after]` from `meta.after_cursor` while `meta.has_more`) under a bound. The cursor is taken
 * from `meta` rather than by following `links.next`, which names a host: credentials go only to
 * the configured one.
 */
import type * as z from 'zod/mini';
import type { HttpClient, Repeat } from '../http/httpClient';
import type { HeaderLookup } from '../http/retryPolicy';
import { fail, ok, type SourceResult } from '../sourceResult';
import type { PollBudget } from './pollBudget';

export type Params = Record<string, string | number | undefined>;

export interface Answer<T> {
  readonly data: T;
  readonly status: number;
  readonly header: HeaderLookup;
}

interface CursorPage {
  readonly meta?: { readonly has_more: boolean; readonly after_cursor?: string | null };
}

export const PAGE_SIZE = 100;

export class ZendeskApi {
  constructor(
    private readonly http: HttpClient,
    readonly label: string,
    private readonly budget: PollBudget,
    private readonly credential?: string,
  ) {}

  async get<T>(path: string, schema: z.ZodMiniType<T>, params: Params = {}, signal?: AbortSignal): Promise<SourceResult<Answer<T>>> {
    const answer = await this.http.get(path, schema, { params, signal });
    return this.note(answer);
  }

  /** A write; statuses in `answerStatuses` (a 409) come back as answers, their bodies read with the schema. */
  async send<T>(
    method: 'PUT' | 'POST',
    path: string,
    body: unknown,
    schema: z.ZodMiniType<T>,
    repeat: Repeat,
    answerStatuses: readonly number[] = [],
  ): Promise<SourceResult<Answer<T> | undefined>> {
    const answer = await this.http.send(method, path, body, schema, repeat, { answerStatuses });
    if (answer.kind === 'landed') return ok(undefined);
    return this.note(answer);
  }

  /**
   * Every page of a cursor-paged list, `take`n in order; stops with a failure that says so after
   * `maxPages`, whatever the server announces.
   */
  async walk<P extends CursorPage>(
    path: string,
    schema: z.ZodMiniType<P>,
    params: Params,
    take: (page: P, index: number) => void,
    maxPages: number,
    signal?: AbortSignal,
  ): Promise<SourceResult<void>> {
    let after: string | undefined;
    for (let index = 0; index < maxPages; index++) {
      const answer = await this.get(path, schema, { ...params, 'page[size]': PAGE_SIZE, 'page[after]': after }, signal);
      if (answer.kind !== 'ok') return answer;
      take(answer.value.data, index);
      const meta = answer.value.data.meta;
      if (!meta?.has_more) return ok(undefined);
      if (!meta.after_cursor) return fail('invalidResponse', `${this.label} announced more results without a cursor to them (${path}).`);
      after = meta.after_cursor;
    }
    return fail('invalidResponse', `${this.label} kept announcing more pages after ${maxPages} pages of ${path}; stopped reading.`);
  }

  private note<T>(
    answer: { kind: 'ok'; data: T; status: number; header: HeaderLookup } | Exclude<SourceResult<never>, { kind: 'ok' }>,
  ): SourceResult<Answer<T>> {
    if (answer.kind === 'ok') {
      this.budget.observe(answer.header);
      return ok({ data: answer.data, status: answer.status, header: answer.header });
    }
    if (answer.kind === 'rateLimited') this.budget.throttled(answer.retryAt);
    // Say which credential was refused: with several Zendesk sources, "sign in again" alone does not say where.
    if (answer.kind === 'unauthorised')
      return { ...answer, message: `${this.label} refused ${this.credential ?? 'the request: no one is signed in'}. Sign in again. (${answer.message})` };
    return answer;
  }
}
