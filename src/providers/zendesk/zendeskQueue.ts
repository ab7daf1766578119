/**
 * A Zendesk source's queue: a view's tickets, or a search's, kept equal to the server's while
 * costing one request per refresh when little changed.
 *
 * - **The first read walks the whole queue by cursor** (`page[size]=100`), oldest first, with the
 *   users, organisations, groups and SLAs side-loaded: a ticket changed during the walk cannot slide
 *   between pages, and no request is made per ticket. Offset paging fails past 10,000 records.
 * - **A refresh asks one question**: the queue's 100 most recently updated tickets, with the
 *   queue's count. When the oldest of them is older than the newest ticket seen before, every
 *   change since is on that page, and it is merged; the count then tells whether a ticket left
 *   (solved, deleted, moved out of the view). Only when the page cannot hold every change is the
 *   whole queue read again. No clock is compared: the page is ordered by the server's own
 *   `updated_at`.
 * - **A ticket that left a view** is not on the view's page. When the count says some left, the
 *   account's 100 most recently updated tickets (List Tickets, read from the tickets and not from
 *   the search index, so without its lag) name them: updated after the page's oldest, yet not on
 *   it, so no longer in the view. When more than a page of the account changed since, a search
 *   for the tickets updated since a little before the newest seen (`updated>`) names the rest:
 *   Zendesk's search index shows a change minutes after it is made, so it starts `SEARCH_LAG_MS`
 *   earlier, and a ticket the index does not show yet is looked for again on a later refresh. A
 *   deleted ticket, which neither shows, is named by the most recent page of deleted tickets. A
 *   count that still differs after `MISMATCH_GRACE_MS`, or one larger than ours (a view whose
 *   conditions let a ticket in without an update), reads the whole queue.
 * - **And the whole queue is read again** every `fullReadEveryMs` (an hour for a view, ten minutes
 *   for a search, whose own lag the page cannot see past), for what neither the page nor the count
 *   can show.
 * - **Every loop is bounded**: a server that keeps announcing pages ends in a clear failure.
 */
import type { Ticket } from '../../core/ticket';
import { fieldMessages } from '../../core/zodMessages';
import { ok, type SourceResult } from '../sourceResult';
import type { QueuePage, QueueProblem } from '../ticketSource';
import { PAGE_SIZE, type Params, type ZendeskApi } from './zendeskApi';
import { ZendeskDirectory, zendeskTicketToTicket, type ZendeskMapping } from './zendeskMapping';
import { zendeskDeletedTicketsSchema, zendeskTicketPageSchema, zendeskTicketSchema, type ZendeskTicketPage } from './zendeskSchemas';
import type { ZendeskLookups } from './zendeskLookups';

const TICKET_MESSAGES = fieldMessages('the ticket');

export type ZendeskScope = { readonly view: number } | { readonly query: string };

export interface ZendeskQueueOptions {
  readonly sourceId: string;
  readonly label: string;
  readonly origin: string;
  readonly scope: ZendeskScope;
  readonly mapping: ZendeskMapping;
  /** A monotonic clock in ms, for the interval between full reads only. */
  readonly elapsed?: () => number;
}

/** 20,000 tickets; a server that keeps announcing more pages stops here, with a failure. */
const MAX_QUEUE_PAGES = 200;
const VIEW_FULL_READ_EVERY_MS = 60 * 60_000;
const SEARCH_FULL_READ_EVERY_MS = 10 * 60_000;
const SIDE_LOADS = 'users,organizations,groups,slas';
/** Longer than Zendesk's search index takes to show a change ("a few minutes"). */
const SEARCH_LAG_MS = 10 * 60_000;
/** How long the count may differ from ours, while searches look for what left, before the whole queue is read. */
const MISMATCH_GRACE_MS = 12 * 60_000;
/** While the counts differ, the search is asked again at most this often: each ask is one more request against the account's limit. */
const SEARCH_AGAIN_AFTER_MS = 2 * 60_000;

interface Read {
  readonly tickets: Map<string, Ticket>;
  readonly problems: Map<string, QueueProblem>;
  newest: string | undefined;
}

export class ZendeskQueue {
  private tickets = new Map<string, Ticket>();
  private problems = new Map<string, QueueProblem>();
  /** The newest `updated_at` seen, as the server wrote it; unset until a full read. */
  private newest: string | undefined;
  private loaded = false;
  private lastFullRead = -Infinity;
  /** Since when the server's count has differed from ours; unset while they agree. */
  private mismatchSince: number | undefined;
  private lastSearch = -Infinity;
  private readonly elapsed: () => number;
  private readonly fullReadEveryMs: number;

  constructor(
    private readonly api: ZendeskApi,
    private readonly lookups: ZendeskLookups,
    private readonly options: ZendeskQueueOptions,
  ) {
    this.elapsed = options.elapsed ?? (() => performance.now());
    this.fullReadEveryMs = 'view' in options.scope ? VIEW_FULL_READ_EVERY_MS : SEARCH_FULL_READ_EVERY_MS;
  }

  async list(signal?: AbortSignal): Promise<SourceResult<QueuePage>> {
    if (!this.loaded || this.elapsed() - this.lastFullRead >= this.fullReadEveryMs) return this.readAll(signal);
    const recent = await this.readRecent(signal);
    if (recent.kind !== 'ok') return recent;
    return recent.value ? ok(this.page()) : this.readAll(signal);
  }

  private async readAll(signal?: AbortSignal): Promise<SourceResult<QueuePage>> {
    const startedAt = this.elapsed();
    const read: Read = { tickets: new Map(), problems: new Map(), newest: undefined };
    const pages: ZendeskTicketPage[] = [];
    const walked = await this.api.walk(this.fullPath(), zendeskTicketPageSchema, this.fullParams(), (page) => pages.push(page), MAX_QUEUE_PAGES, signal);
    if (walked.kind !== 'ok') return walked;
    const directory = await this.directoryFor(pages, signal);
    if (directory.kind !== 'ok') return directory;
    pages.forEach((page, index) => this.take(page, `page ${index + 1}`, directory.value, read));
    [this.tickets, this.problems, this.newest] = [read.tickets, read.problems, read.newest];
    this.mismatchSince = undefined;
    this.loaded = true;
    this.lastFullRead = startedAt;
    return ok(this.page());
  }

  /** Merges the most recently updated page; false when it cannot hold every change, or the queue's count differs from ours. */
  private async readRecent(signal?: AbortSignal): Promise<SourceResult<boolean>> {
    const answer = await this.api.get(this.recentPath(), zendeskTicketPageSchema, this.recentParams(), signal);
    if (answer.kind !== 'ok') return answer;
    const page = answer.value.data;
    const directory = await this.directoryFor([page], signal);
    if (directory.kind !== 'ok') return directory;
    const read: Read = { tickets: new Map(), problems: new Map(), newest: undefined };
    const oldest = this.take(page, 'the most recent changes', directory.value, read);
    const whole = !page.next_page;
    if (!whole && (this.newest === undefined || oldest === undefined || !(Date.parse(oldest) < Date.parse(this.newest)))) return ok(false);
    for (const [id, ticket] of read.tickets) {
      this.tickets.set(id, ticket);
      this.problems.delete(id);
    }
    for (const [id, problem] of read.problems) {
      this.problems.set(id, problem);
      this.tickets.delete(id);
    }
    const newestBefore = this.newest;
    if (read.newest !== undefined && (this.newest === undefined || Date.parse(read.newest) > Date.parse(this.newest))) this.newest = read.newest;
    const count = page.count ?? items(page).length;
    const searchDue = this.mismatchSince === undefined || this.elapsed() - this.lastSearch >= SEARCH_AGAIN_AFTER_MS;
    if (count < this.size() && searchDue && !whole && 'view' in this.options.scope && newestBefore !== undefined && oldest !== undefined) {
      this.lastSearch = this.elapsed();
      const recentParams = { sort_by: 'updated_at', sort_order: 'desc', per_page: PAGE_SIZE, page: 1 };
      const recent = await this.dropLeavers('/tickets', recentParams, { oldest, since: newestBefore }, read, signal);
      if (recent.kind !== 'ok') return recent;
      // Deletions are looked for once when the counts start to differ; what is left after that is the index's lag.
      if (count < this.size() && this.mismatchSince === undefined) {
        const deleted = await this.dropDeleted(signal);
        if (deleted.kind !== 'ok') return deleted;
      }
      if (count < this.size() && !recent.value) {
        const since = new Date(Date.parse(newestBefore) - SEARCH_LAG_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
        const params = { query: `type:ticket updated>${since}`, sort_by: 'updated_at', sort_order: 'desc', per_page: PAGE_SIZE, page: 1 };
        const searched = await this.dropLeavers('/search', params, { oldest, since: newestBefore }, read, signal);
        if (searched.kind !== 'ok') return searched;
      }
    }
    if (whole && count === items(page).length) this.dropAllBut(read);
    if (count === this.size()) {
      this.mismatchSince = undefined;
      return ok(true);
    }
    this.mismatchSince ??= this.elapsed();
    return ok(count < this.size() && this.elapsed() - this.mismatchSince < MISMATCH_GRACE_MS);
  }

  /**
   * Drops the tickets a list of recently updated ones shows updated after the view page's oldest
   * that the page did not hold: they left the view. True when the list held every update `since`.
   */
  private async dropLeavers(
    path: string,
    params: Params,
    { oldest, since }: { readonly oldest: string; readonly since: string },
    onPage: Read,
    signal?: AbortSignal,
  ): Promise<SourceResult<boolean>> {
    const answer = await this.api.get(path, zendeskTicketPageSchema, params, signal);
    if (answer.kind !== 'ok') return answer;
    const page = answer.value.data;
    let reached: string | undefined;
    for (const raw of items(page)) {
      const { id, updated_at: updated } = (raw ?? {}) as { id?: unknown; updated_at?: unknown };
      if (typeof id !== 'number' || typeof updated !== 'string' || !Number.isFinite(Date.parse(updated))) continue;
      if (reached === undefined || Date.parse(updated) < Date.parse(reached)) reached = updated;
      if (onPage.tickets.has(String(id)) || onPage.problems.has(String(id))) continue;
      // Equal to the oldest, it may be in the view on the page after: only a later update says it left.
      if (Date.parse(updated) > Date.parse(oldest)) {
        this.tickets.delete(String(id));
        this.problems.delete(String(id));
      }
    }
    return ok(!page.next_page || (reached !== undefined && Date.parse(reached) <= Date.parse(since)));
  }

  /** Drops the tickets among the most recently deleted. */
  private async dropDeleted(signal?: AbortSignal): Promise<SourceResult<void>> {
    const answer = await this.api.get(
      '/deleted_tickets',
      zendeskDeletedTicketsSchema,
      { sort_by: 'deleted_at', sort_order: 'desc', 'page[size]': PAGE_SIZE },
      signal,
    );
    if (answer.kind !== 'ok') return answer;
    for (const { id } of answer.value.data.deleted_tickets) {
      this.tickets.delete(String(id));
      this.problems.delete(String(id));
    }
    return ok(undefined);
  }

  /** The page held the whole queue: nothing else is in it. */
  private dropAllBut(read: Read): void {
    for (const id of this.tickets.keys()) if (!read.tickets.has(id)) this.tickets.delete(id);
    for (const id of this.problems.keys()) if (!read.problems.has(id)) this.problems.delete(id);
  }

  private size(): number {
    return this.tickets.size + this.problems.size;
  }

  /** Reads a page's tickets into `read`; returns the oldest `updated_at` on it. */
  private take(page: ZendeskTicketPage, where: string, directory: ZendeskDirectory, read: Read): string | undefined {
    let oldest: string | undefined;
    items(page).forEach((raw, index) => {
      const updated = (raw as { updated_at?: unknown } | null)?.updated_at;
      if (typeof updated === 'string' && Number.isFinite(Date.parse(updated))) {
        if (oldest === undefined || Date.parse(updated) < Date.parse(oldest)) oldest = updated;
        if (read.newest === undefined || Date.parse(updated) > Date.parse(read.newest)) read.newest = updated;
      }
      const parsed = zendeskTicketSchema.safeParse(raw, TICKET_MESSAGES);
      if (parsed.success) {
        const context = { sourceId: this.options.sourceId, origin: this.options.origin, mapping: this.options.mapping, directory };
        read.tickets.set(String(parsed.data.id), zendeskTicketToTicket(parsed.data, context));
        return;
      }
      const id = (raw as { id?: unknown } | null)?.id;
      const issue = parsed.error.issues[0];
      read.problems.set(typeof id === 'number' ? String(id) : `${where}:${index}`, {
        sourceId: this.options.sourceId,
        location: `${this.options.label}, ${where}, item ${index}${typeof id === 'number' ? ` (#${id})` : ''}`,
        field: issue?.path.join('.'),
        message: issue?.message ?? 'invalid',
      });
    });
    return oldest;
  }

  /** The side-loads a page brought, and, for a search export (which brings none), the people, organisations and groups it names. */
  private async directoryFor(pages: readonly ZendeskTicketPage[], signal?: AbortSignal): Promise<SourceResult<ZendeskDirectory>> {
    const directory = new ZendeskDirectory();
    for (const page of pages) directory.add(page);
    return this.lookups.complete(directory, pages.flatMap(items), signal);
  }

  private fullPath(): string {
    return 'view' in this.options.scope ? `/views/${this.options.scope.view}/tickets` : '/search/export';
  }

  private fullParams(): Params {
    const { scope } = this.options;
    // Oldest first: a ticket updated during the walk keeps its place, so none slides past a page boundary.
    if ('view' in scope) return { sort_by: 'created_at', sort_order: 'asc', include: SIDE_LOADS };
    return { query: scope.query, 'filter[type]': 'ticket' };
  }

  private recentPath(): string {
    return 'view' in this.options.scope ? `/views/${this.options.scope.view}/tickets` : '/search';
  }

  private recentParams(): Params {
    const { scope } = this.options;
    const recent = { sort_by: 'updated_at', sort_order: 'desc', per_page: PAGE_SIZE, page: 1 };
    if ('view' in scope) return { ...recent, include: SIDE_LOADS };
    return { ...recent, query: `type:ticket ${scope.query}`, include: `tickets(${SIDE_LOADS})` };
  }

  private page(): QueuePage {
    return { tickets: [...this.tickets.values()], problems: [...this.problems.values()] };
  }
}

function items(page: ZendeskTicketPage): unknown[] {
  return page.tickets ?? page.results ?? [];
}
