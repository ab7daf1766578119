/**
 * A GitLab source's queue, kept equal to the server's set of matching open issues whatever changes
 * while it is read.
 *
 * - **Paging that changes cannot shift.** Offset pages move when an issue is closed, deleted or
 *   updated between two page requests, and an issue slides past unseen. Pages here are keyset
 *   pages: ordered by `created_at` (or `updated_at` for changes) ascending, each asking for
 *   `created_after` the newest value already seen. An issue that leaves the set moves nothing
 *   after it, and an update cannot move an issue in `created_at` order. The filter is inclusive, so
 *   the boundary issue comes twice and is kept once; when a whole page shares one timestamp the
 *   next page is asked by offset inside it.
 * - **Refreshes read changes since the server's own time** (its `Date` header when the last read
 *   began, less a minute for writes that commit late), never this machine's clock and never the
 *   newest `updated_at` seen, which would skip an issue changed early in a long read. A server
 *   that sends no `Date` leaves no such time, and every refresh reads the whole queue.
 * - **A cheap reconcile on every refresh.** After the changes are merged, one
 *   `issues_statistics` request gives the server's count of matching open issues. Changes are
 *   never missed, so the queue can only hold too many (a deleted issue, a project left); any
 *   difference, or an hour since the last full read, reads the whole queue again.
 * - **Every loop is bounded**: a server that keeps announcing pages ends in a clear failure.
 */
import { fieldMessages } from '../../core/zodMessages';
import type { Ticket } from '../../core/ticket';
import type { HttpClient, HttpResult } from '../http/httpClient';
import { fail, ok, type SourceResult } from '../sourceResult';
import type { QueuePage, QueueProblem } from '../ticketSource';
import { issueToTicket, ticketIdOf, type GitlabLabelScheme } from './gitlabMapping';
import { gitlabIssueSchema, gitlabIssueStatisticsSchema, gitlabListSchema } from './gitlabSchemas';

const ISSUE_MESSAGES = fieldMessages('the issue');

export interface GitlabQueueOptions {
  readonly sourceId: string;
  readonly label: string;
  readonly queueLabels: readonly string[];
  readonly scheme: GitlabLabelScheme;
  readonly grouped: boolean;
  /** `/projects/:id` or `/groups/:id`. */
  readonly scopePath: string;
  /** A monotonic clock in ms, for the interval between full reads only. */
  readonly elapsed?: () => number;
}

const PAGE_SIZE = 100;
/** 20,000 issues per read; a server that keeps announcing more pages stops here, with a failure. */
const MAX_QUEUE_PAGES = 200;
/**
 * However well the counts agree, the whole queue is read again this often: for what neither the
 * changes nor the count can show (a write that committed more than `LATE_COMMIT_MS` after its
 * timestamp, hidden in the count by a deletion). It costs what the first load costs, so not often.
 */
const FULL_READ_EVERY_MS = 60 * 60_000;
/** Changes are read again from this long before the last read began: `updated_at` is set when a write starts, seen when it commits. */
const LATE_COMMIT_MS = 60_000;

type KeysetField = 'created_at' | 'updated_at';

interface Walk {
  readonly issues: Map<string, { ticket: Ticket; inQueue: boolean }>;
  readonly problems: Map<string, QueueProblem>;
  /** The server's time when the walk's first answer was made. */
  serverStart: number | undefined;
  /** False when the pages ran past `MAX_QUEUE_PAGES`. */
  complete: boolean;
}

export class GitlabQueue {
  private tickets = new Map<string, Ticket>();
  /** Issues of the queue that could not be read, by id, so that they still count. */
  private problems = new Map<string, QueueProblem>();
  /** Where the next read of changes starts (the server's time, ISO 8601); unset until a full read. */
  private since: string | undefined;
  private lastFullRead = -Infinity;
  private readonly elapsed: () => number;
  private lastChanges: { key: string; etag: string } | undefined;

  constructor(
    private readonly http: HttpClient,
    private readonly options: GitlabQueueOptions,
  ) {
    this.elapsed = options.elapsed ?? (() => performance.now());
  }

  async list(signal?: AbortSignal): Promise<SourceResult<QueuePage>> {
    if (this.since === undefined || this.elapsed() - this.lastFullRead >= FULL_READ_EVERY_MS) return this.readAll(signal);
    const changes = await this.readChanges(this.since, signal);
    if (changes.kind !== 'ok') return changes;
    // More changes than pages allow (a long time offline in a busy project): the queue alone is smaller.
    if (!changes.value) return this.readAll(signal);
    const count = await this.serverCount(signal);
    if (count !== undefined && count !== this.tickets.size + this.problems.size) return this.readAll(signal);
    return ok(this.page());
  }

  private async readAll(signal?: AbortSignal): Promise<SourceResult<QueuePage>> {
    const startedAt = this.elapsed();
    const labels = this.options.queueLabels.join(',') || undefined;
    const walk = await this.walk({ state: 'opened', labels }, 'created_at', undefined, signal);
    if (walk.kind !== 'ok') return walk;
    if (!walk.value.complete)
      return fail('invalidResponse', `${this.options.label} kept announcing more issues after ${MAX_QUEUE_PAGES} pages; the queue shown is incomplete.`);
    this.tickets = new Map([...walk.value.issues].map(([id, { ticket }]) => [id, ticket]));
    this.problems = walk.value.problems;
    this.since = sinceFrom(walk.value.serverStart);
    this.lastFullRead = startedAt;
    return ok(this.page());
  }

  /** Merges every issue changed since `since`, in any state and with any labels: one that left the queue leaves. False when there were too many to read. */
  private async readChanges(since: string, signal?: AbortSignal): Promise<SourceResult<boolean>> {
    const walk = await this.walk({ state: 'all' }, 'updated_at', since, signal);
    if (walk.kind !== 'ok') return walk;
    if (!walk.value.complete) return ok(false);
    for (const [id, { ticket, inQueue }] of walk.value.issues) {
      this.problems.delete(id);
      if (inQueue) this.tickets.set(id, ticket);
      else this.tickets.delete(id);
    }
    for (const [id, problem] of walk.value.problems) {
      this.tickets.delete(id);
      this.problems.set(id, problem);
    }
    // Nothing changed: the same question next time, which an ETag can answer without a body.
    if (walk.value.issues.size > 0 || walk.value.problems.size > 0) this.since = sinceFrom(walk.value.serverStart) ?? since;
    return ok(true);
  }

  private async walk(
    filter: Record<string, string | undefined>,
    field: KeysetField,
    from: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<SourceResult<Walk>> {
    const walk: Walk = { issues: new Map(), problems: new Map(), serverStart: undefined, complete: true };
    let cursor = from;
    let offset = 1;
    for (let request = 0; request < MAX_QUEUE_PAGES; request++) {
      const params = { ...filter, order_by: field, sort: 'asc', per_page: PAGE_SIZE, page: offset, [`${field.replace('_at', '')}_after`]: cursor };
      const answer = await this.getPage(params, signal);
      if (answer.kind !== 'ok') return answer;
      walk.serverStart ??= Date.parse(answer.header('date') ?? '');
      answer.data.forEach((raw, index) => this.take(raw, `${this.options.label}, page ${request + 1}, item ${index}`, walk));
      const next = answer.header('x-next-page');
      if (next !== undefined ? next === '' : answer.data.length < PAGE_SIZE) return ok(walk);
      const newest = newestValue(answer.data, field);
      if (newest !== undefined && (cursor === undefined || Date.parse(newest) > Date.parse(cursor))) {
        cursor = newest;
        offset = 1;
      } else {
        offset++;
      }
    }
    return ok({ ...walk, complete: false });
  }

  private take(raw: unknown, location: string, walk: Walk): void {
    const parsed = gitlabIssueSchema.safeParse(raw, ISSUE_MESSAGES);
    if (parsed.success) {
      const issue = parsed.data;
      const id = ticketIdOf(issue, this.options.grouped);
      const inQueue = issue.state === 'opened' && this.options.queueLabels.every((l) => issue.labels.includes(l));
      walk.issues.set(id, { ticket: issueToTicket(issue, [], this.options.sourceId, this.options.scheme, [], this.options.grouped), inQueue });
      return;
    }
    const fields = (raw ?? {}) as { iid?: unknown; project_id?: unknown };
    const iid = typeof fields.iid === 'number' ? fields.iid : undefined;
    const id = iid !== undefined && typeof fields.project_id === 'number' ? ticketIdOf({ iid, project_id: fields.project_id }, this.options.grouped) : location;
    const issue = parsed.error.issues[0];
    walk.problems.set(id, {
      sourceId: this.options.sourceId,
      location: `${location}${iid !== undefined ? ` (#${iid})` : ''}`,
      field: issue?.path.join('.'),
      message: issue?.message ?? 'invalid',
    });
  }

  /** A page of issues; the read of changes asks with its last ETag, and a 304 is an empty page. */
  private async getPage(params: Record<string, string | number | undefined>, signal?: AbortSignal): Promise<HttpResult<unknown[]>> {
    const key = JSON.stringify(params);
    const etag = this.lastChanges?.key === key ? this.lastChanges.etag : undefined;
    const answer = await this.http.getIfChanged(`${this.options.scopePath}/issues`, gitlabListSchema, { params, signal, etag });
    if (answer.kind === 'notModified') return { kind: 'ok', data: [], header: (name) => (name === 'x-next-page' ? '' : undefined), status: 304 };
    if (answer.kind !== 'ok') return answer;
    const received = answer.header('etag');
    if (received && params.updated_after !== undefined) this.lastChanges = { key, etag: received };
    return answer;
  }

  /** The server's count of matching open issues; undefined when it cannot be had (the hourly full read still comes). */
  private async serverCount(signal?: AbortSignal): Promise<number | undefined> {
    const labels = this.options.queueLabels.join(',') || undefined;
    const answer = await this.http.get(`${this.options.scopePath}/issues_statistics`, gitlabIssueStatisticsSchema, {
      params: { labels, scope: 'all' },
      signal,
    });
    return answer.kind === 'ok' ? answer.data.statistics.counts.opened : undefined;
  }

  private page(): QueuePage {
    return { tickets: [...this.tickets.values()], problems: [...this.problems.values()] };
  }
}

function sinceFrom(serverStart: number | undefined): string | undefined {
  return serverStart !== undefined && Number.isFinite(serverStart) ? new Date(serverStart - LATE_COMMIT_MS).toISOString() : undefined;
}

/** The newest `created_at` or `updated_at` on a page, as the server wrote it. */
function newestValue(items: readonly unknown[], field: KeysetField): string | undefined {
  let newest: string | undefined;
  for (const item of items) {
    const value = (item as Record<string, unknown> | null)?.[field];
    if (typeof value === 'string' && Number.isFinite(Date.parse(value)) && (newest === undefined || Date.parse(value) > Date.parse(newest))) newest = value;
  }
  return newest;
}
