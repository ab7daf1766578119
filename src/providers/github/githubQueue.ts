/**
 * A GitHub source's queue, kept equal to GitHub's set of matching open issues whatever changes
 * while it is read.
 *
 * - **Pages that changes cannot shift.** GitHub pages by offset, and an issue closed between two
 *   page requests would slide one past unseen. So pages are keyset pages: sorted by `updated_at`
 *   ascending, each asking `since` the newest `updated_at` already seen (less a second, so that
 *   whether GitHub's `since` is inclusive does not matter; the boundary issues come twice and are
 *   kept once). An issue that leaves the queue moves nothing after it, and one that changes moves
 *   to the end, where the walk still comes. A page whose issues all share one second is left by
 *   its `Link: rel="next"`.
 * - **Pull requests are left out**: the issues endpoint lists them too (they carry `pull_request`).
 * - **Refreshes read what changed since GitHub's own time** (its `Date` header when the last read
 *   began, less a minute for writes that commit late), in any state and with any labels, so an
 *   issue closed or relabelled leaves. The same question asked again carries its ETag: an
 *   unchanged queue costs one 304, which GitHub does not count against the rate limit.
 * - **A reconcile on every refresh that changed something, and hourly**: the search API's count of
 *   the queue (`total_count`) against ours; a difference (a deleted or transferred issue) reads the
 *   whole queue again.
 * - **Every loop is bounded.**
 */
import * as z from 'zod/mini';
import { fieldMessages } from '../../core/zodMessages';
import type { Ticket } from '../../core/ticket';
import type { HttpClient } from '../http/httpClient';
import { fail, ok, type SourceResult } from '../sourceResult';
import type { QueuePage, QueueProblem } from '../ticketSource';
import { issueToTicket, repositoryOf, ticketIdOf, type TicketContext } from './githubMapping';
import { githubIssueSchema, githubListSchema, githubSearchSchema } from './githubSchemas';

const ISSUE_MESSAGES = fieldMessages('the issue');
const PAGE_SIZE = 100;
/** 20,000 issues per read; a server that keeps announcing pages stops here, with a failure. */
const MAX_QUEUE_PAGES = 200;
const FULL_READ_EVERY_MS = 60 * 60_000;
/** Changes are read again from this long before the last read began: `updated_at` is set when a write starts. */
const LATE_COMMIT_MS = 60_000;

export interface GithubQueueOptions {
  readonly context: TicketContext;
  readonly label: string;
  /** Open issues with all of these labels. */
  readonly queueLabels: readonly string[];
  /** Instead of one repository, a GitHub issue search (`org:acme is:issue`), narrowed by the labels. */
  readonly query?: string;
  readonly elapsed?: () => number;
}

interface Walk {
  readonly issues: Map<string, { ticket: Ticket; inQueue: boolean }>;
  readonly problems: Map<string, QueueProblem>;
  serverStart: number | undefined;
  complete: boolean;
}

interface Page {
  readonly items: readonly unknown[];
  readonly next: boolean;
  readonly date: string | undefined;
}

export class GithubQueue {
  private tickets = new Map<string, Ticket>();
  private problems = new Map<string, QueueProblem>();
  private since: string | undefined;
  private lastFullRead = -Infinity;
  private readonly elapsed: () => number;
  private readonly etags = new Map<string, string>();

  constructor(
    private readonly http: HttpClient,
    private readonly options: GithubQueueOptions,
  ) {
    this.elapsed = options.elapsed ?? (() => performance.now());
  }

  async list(signal?: AbortSignal): Promise<SourceResult<QueuePage>> {
    if (this.since === undefined || this.elapsed() - this.lastFullRead >= FULL_READ_EVERY_MS) return this.readAll(signal);
    const changes = await this.readChanges(this.since, signal);
    if (changes.kind !== 'ok') return changes;
    if (changes.value === 'tooMany') return this.readAll(signal);
    if (changes.value === 'changed') {
      const count = await this.serverCount(signal);
      if (count !== undefined && count !== this.tickets.size + this.problems.size) return this.readAll(signal);
    }
    return ok(this.page());
  }

  /** Drops a ticket that left this source (a transfer), without waiting for the next reconcile. */
  forget(id: string): void {
    this.tickets.delete(id);
  }

  private async readAll(signal?: AbortSignal): Promise<SourceResult<QueuePage>> {
    const startedAt = this.elapsed();
    const walk = await this.walk(true, undefined, signal);
    if (walk.kind !== 'ok') return walk;
    if (!walk.value.complete)
      return fail('invalidResponse', `${this.options.label} kept announcing more issues after ${MAX_QUEUE_PAGES} pages; the queue shown is incomplete.`);
    this.tickets = new Map([...walk.value.issues].filter(([, i]) => i.inQueue).map(([id, { ticket }]) => [id, ticket]));
    this.problems = walk.value.problems;
    this.since = sinceFrom(walk.value.serverStart);
    this.lastFullRead = startedAt;
    return ok(this.page());
  }

  private async readChanges(since: string, signal?: AbortSignal): Promise<SourceResult<'unchanged' | 'changed' | 'tooMany'>> {
    const walk = await this.walk(false, since, signal);
    if (walk.kind !== 'ok') return walk;
    if (!walk.value.complete) return ok('tooMany');
    // Issues seen last time come again within the minute's overlap: only a difference is a change, and
    // without one the same question is asked next time, which its ETag answers with a free 304.
    const changed = [...walk.value.issues].some(([id, { ticket, inQueue }]) =>
      inQueue ? this.tickets.get(id)?.revision !== ticket.revision : this.tickets.has(id),
    );
    if (!changed && [...walk.value.problems.keys()].every((id) => this.problems.has(id))) return ok('unchanged');
    for (const [id, { ticket, inQueue }] of walk.value.issues) {
      this.problems.delete(id);
      if (inQueue) this.tickets.set(id, ticket);
      else this.tickets.delete(id);
    }
    for (const [id, problem] of walk.value.problems) {
      this.tickets.delete(id);
      this.problems.set(id, problem);
    }
    this.since = sinceFrom(walk.value.serverStart) ?? since;
    return ok('changed');
  }

  /** The queue (`open`), or every issue changed since `from`; sorted by `updated_at`, keyset-paged. */
  private async walk(queueOnly: boolean, from: string | undefined, signal: AbortSignal | undefined): Promise<SourceResult<Walk>> {
    const walk: Walk = { issues: new Map(), problems: new Map(), serverStart: undefined, complete: true };
    let cursor = from;
    let page = 1;
    for (let request = 0; request < MAX_QUEUE_PAGES; request++) {
      const answer = await this.fetch(queueOnly, cursor, page, signal);
      if (answer.kind !== 'ok') return answer;
      walk.serverStart ??= Date.parse(answer.value.date ?? '');
      answer.value.items.forEach((raw, index) => this.take(raw, `${this.options.label}, page ${request + 1}, item ${index}`, walk));
      if (!answer.value.next) return ok(walk);
      const newest = newestUpdate(answer.value.items);
      const nextCursor = newest === undefined ? undefined : new Date(newest - 1_000).toISOString();
      if (nextCursor !== undefined && (cursor === undefined || Date.parse(nextCursor) > Date.parse(cursor))) {
        cursor = nextCursor;
        page = 1;
      } else {
        page++;
      }
    }
    return ok({ ...walk, complete: false });
  }

  private async fetch(queueOnly: boolean, since: string | undefined, page: number, signal?: AbortSignal): Promise<SourceResult<Page>> {
    const { query } = this.options;
    if (query !== undefined) {
      const q = [query, 'is:issue', ...(queueOnly ? ['is:open', ...this.labelQualifiers()] : []), ...(since ? [`updated:>=${since}`] : [])].join(' ');
      return this.get(
        '/search/issues',
        { q, sort: 'updated', order: 'asc', per_page: PAGE_SIZE, page },
        signal,
        (data) => githubSearchSchema.safeParse(data).data?.items,
      );
    }
    const params = {
      state: queueOnly ? 'open' : 'all',
      labels: queueOnly ? this.options.queueLabels.join(',') || undefined : undefined,
      sort: 'updated',
      direction: 'asc',
      since,
      per_page: PAGE_SIZE,
      page,
    };
    return this.get(`/repos/${this.options.context.repository ?? ''}/issues`, params, signal, (data) => githubListSchema.safeParse(data).data);
  }

  /** A page; a question asked before carries the ETag of its answer, and a 304 is an empty last page. */
  private async get(
    path: string,
    params: Record<string, string | number | undefined>,
    signal: AbortSignal | undefined,
    /** A list of issues, or a search result: each caller reads its own shape. */
    itemsOf: (data: unknown) => readonly unknown[] | undefined,
  ): Promise<SourceResult<Page>> {
    const key = `${path} ${JSON.stringify(params)}`;
    const answer = await this.http.getIfChanged(path, z.unknown(), { params, signal, etag: this.etags.get(key) });
    if (answer.kind === 'notModified') return ok({ items: [], next: false, date: undefined });
    if (answer.kind !== 'ok') return answer;
    const items = itemsOf(answer.data);
    if (!items) return fail('invalidResponse', `${this.options.label} sent an unexpected answer for ${path}.`);
    const etag = answer.header('etag');
    if (etag) this.etags.set(key, etag);
    return ok({ items, next: /rel="next"/.test(answer.header('link') ?? ''), date: answer.header('date') });
  }

  private take(raw: unknown, location: string, walk: Walk): void {
    const parsed = githubIssueSchema.safeParse(raw, ISSUE_MESSAGES);
    if (parsed.success) {
      const issue = parsed.data;
      if (issue.pull_request !== undefined) return;
      const ticket = issueToTicket(issue, this.options.context);
      const labels = issue.labels.map((l) => l.toLowerCase());
      const inQueue = issue.state === 'open' && this.options.queueLabels.every((l) => labels.includes(l.toLowerCase()));
      walk.issues.set(ticket.id, { ticket, inQueue });
      return;
    }
    const fields = (raw ?? {}) as { number?: unknown; repository_url?: unknown; pull_request?: unknown };
    if (fields.pull_request !== undefined) return;
    const number = typeof fields.number === 'number' ? fields.number : undefined;
    const repository = typeof fields.repository_url === 'string' ? repositoryOf({ repository_url: fields.repository_url }) : '';
    const id = number !== undefined && repository ? ticketIdOf({ repository, number }, this.options.context) : location;
    const issue = parsed.error.issues[0];
    walk.problems.set(id, {
      sourceId: this.options.context.sourceId,
      location: `${location}${number !== undefined ? ` (#${number})` : ''}`,
      field: issue?.path.join('.'),
      message: issue?.message ?? 'invalid',
    });
  }

  /** GitHub's count of the queue, from the search API; undefined when it cannot be had (the hourly full read still comes). */
  private async serverCount(signal?: AbortSignal): Promise<number | undefined> {
    const scope = this.options.query ?? `repo:${this.options.context.repository ?? ''}`;
    const q = [scope, 'is:issue', 'is:open', ...this.labelQualifiers()].join(' ');
    const answer = await this.http.get('/search/issues', githubSearchSchema, { params: { q, per_page: 1 }, signal });
    return answer.kind === 'ok' && !answer.data.incomplete_results ? answer.data.total_count : undefined;
  }

  private labelQualifiers(): string[] {
    return this.options.queueLabels.map((l) => `label:"${l.replace(/"/g, '')}"`);
  }

  private page(): QueuePage {
    return { tickets: [...this.tickets.values()], problems: [...this.problems.values()] };
  }
}

function sinceFrom(serverStart: number | undefined): string | undefined {
  return serverStart !== undefined && Number.isFinite(serverStart) ? new Date(serverStart - LATE_COMMIT_MS).toISOString() : undefined;
}

function newestUpdate(items: readonly unknown[]): number | undefined {
  let newest: number | undefined;
  for (const item of items) {
    const updated = (item as Record<string, unknown> | null)?.updated_at;
    const value = typeof updated === 'string' ? Date.parse(updated) : NaN;
    if (Number.isFinite(value) && (newest === undefined || value > newest)) newest = value;
  }
  return newest;
}
