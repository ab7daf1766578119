/**
 * A Zendesk source's ticket history, read on demand, never by the refresh loop: the account's
 * rate limit is shared with every agent, and a 10-requests-a-minute export has its own.
 *
 * - **The cursor-based incremental ticket export** (`start_time` the window's start, then its
 *   `after_cursor` until `end_of_stream`) lists every ticket updated since, deleted ones left out,
 *   with each ticket's metric set side-loaded: when it was first assigned (the first claim) and
 *   last solved. Zendesk makes it for admins only.
 * - **For anyone else, search** (`updated>` the window's start) with the metric sets side-loaded,
 *   in keyset pages as the queue's searches are, since search answers at most 1,000 results.
 * - A solved or closed ticket is resolved when its metrics say it was solved; a reopened one is
 *   open again (its metrics keep the old `solved_at`). Never assigned is `null`; without a metric
 *   set the first claim is unknown. The breach is the SLA policy's, where the ticket carries it
 *   (none applies: `null`); otherwise unknown, because a fulfilled target no longer says when it
 *   would have breached.
 * - A rate limit is honoured by the HTTP layer: its `Retry-After` is waited out, or, when longer
 *   than that waits, handed to the caller as the time to come back.
 */
import type { TicketHistoryRecord } from '../../core/history/ticketHistory';
import { fieldMessages } from '../../core/zodMessages';
import { inHistoryWindow, keysetHistoryPage, unreadable, type HistoryItem } from '../keysetHistory';
import { fail, ok, type SourceResult } from '../sourceResult';
import type { HistoryPage, HistoryRequest, QueueProblem } from '../ticketSource';
import type { ZendeskApi } from './zendeskApi';
import { ZendeskDirectory, zendeskTicketToTicket, type TicketContext } from './zendeskMapping';
import { zendeskHistorySearchSchema, zendeskIncrementalPageSchema, zendeskMetricSetSchema, type ZendeskMetricSet } from './zendeskHistorySchemas';
import type { ZendeskLookups } from './zendeskLookups';
import { zendeskTicketSchema, type ZendeskTicket } from './zendeskSchemas';

const TICKET_MESSAGES = fieldMessages('the ticket');
const EXPORT_PAGE_SIZE = 1_000;
const SEARCH_PAGE_SIZE = 100;
/** Cursors say which way they read: the export's own, or the search's keyset. */
const EXPORT = 'export:';
const SEARCH = 'search:';

export interface ZendeskHistoryOptions {
  readonly sourceId: string;
  readonly label: string;
  readonly origin: string;
  readonly mapping: TicketContext['mapping'];
}

interface Listed {
  readonly raw: unknown;
  readonly metrics: ZendeskMetricSet | undefined;
}

export class ZendeskHistory {
  /** Set once the export is refused: the signed-in agent is no admin, and each later read goes to search without asking again. */
  private exportRefused = false;

  constructor(
    private readonly api: ZendeskApi,
    private readonly lookups: ZendeskLookups,
    private readonly options: ZendeskHistoryOptions,
  ) {}

  async page(request: HistoryRequest): Promise<SourceResult<HistoryPage>> {
    if (request.cursor?.startsWith(SEARCH)) return this.searchPage({ ...request, cursor: request.cursor.slice(SEARCH.length) });
    if (request.cursor !== undefined && !request.cursor.startsWith(EXPORT))
      return fail('invalidResponse', `${this.options.label}: the history cursor was not written by this source.`);
    if (request.cursor === undefined && this.exportRefused) return this.searchPage(request);
    const exported = await this.exportPage(request);
    // The export is for admins: an agent reads the same history through search.
    if (request.cursor === undefined && (exported.kind === 'unauthorised' || exported.kind === 'refused')) {
      this.exportRefused = true;
      return this.searchPage(request);
    }
    return exported;
  }

  private async exportPage(request: HistoryRequest): Promise<SourceResult<HistoryPage>> {
    const from = request.cursor === undefined ? { start_time: Math.floor(request.since.getTime() / 1000) } : { cursor: request.cursor.slice(EXPORT.length) };
    const params = { ...from, include: 'metric_sets', exclude_deleted: 'true', per_page: EXPORT_PAGE_SIZE };
    const answer = await this.api.get('/incremental/tickets/cursor', zendeskIncrementalPageSchema, params, request.signal);
    if (answer.kind !== 'ok') return answer;
    const { tickets, metric_sets: metricSets, after_cursor: after, end_of_stream: ended } = answer.value.data;
    if (!ended && !after) return fail('invalidResponse', `${this.options.label} announced more history without a cursor to it.`);
    const context = await this.context(request.signal);
    if (context.kind !== 'ok') return context;
    const metrics = metricsByTicket(metricSets);
    const records: TicketHistoryRecord[] = [];
    const problems: QueueProblem[] = [];
    tickets.forEach((raw, index) => {
      const item = this.read({ raw, metrics: metrics(raw) }, `${this.options.label}, history export, item ${index}`, context.value);
      if (item.kind === 'problem') problems.push(item.problem);
      if (item.kind === 'record' && inHistoryWindow(item.record, request.since)) records.push(item.record);
    });
    return ok({ records, problems, ...(ended ? {} : { nextCursor: `${EXPORT}${after ?? ''}` }) });
  }

  private async searchPage(request: HistoryRequest): Promise<SourceResult<HistoryPage>> {
    const context = await this.context(request.signal);
    if (context.kind !== 'ok') return context;
    const page = await keysetHistoryPage<Listed>(
      {
        label: this.options.label,
        // `updated>` leaves out its boundary: asked a second early, the boundary's tickets come again and are known.
        inclusive: false,
        fetch: async (after, number, signal) => {
          const params = {
            query: `type:ticket updated>${new Date(after).toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
            sort_by: 'updated_at',
            sort_order: 'asc',
            include: 'tickets(metric_sets,slas)',
            per_page: SEARCH_PAGE_SIZE,
            page: number,
          };
          const answer = await this.api.get('/search', zendeskHistorySearchSchema, params, signal);
          if (answer.kind !== 'ok') return answer;
          const metrics = metricsByTicket(answer.value.data.metric_sets);
          return ok({ items: answer.value.data.results.map((raw) => ({ raw, metrics: metrics(raw) })), more: !!answer.value.data.next_page });
        },
        stamp: ({ raw }) => {
          const { id, updated_at: updated } = (raw ?? {}) as { id?: unknown; updated_at?: unknown };
          return typeof id === 'number' && typeof updated === 'string' ? { id: String(id), updated } : undefined;
        },
        read: (listed, location) => this.read(listed, location, context.value),
      },
      request,
    );
    if (page.kind !== 'ok' || page.value.nextCursor === undefined) return page;
    return ok({ ...page.value, nextCursor: `${SEARCH}${page.value.nextCursor}` });
  }

  private read({ raw, metrics }: Listed, location: string, context: TicketContext): HistoryItem {
    const parsed = zendeskTicketSchema.safeParse(raw, TICKET_MESSAGES);
    const id = idOf(raw);
    const where = `${location}${id !== undefined ? ` (#${id})` : ''}`;
    if (!parsed.success) return unreadable(this.options.sourceId, where, parsed.error.issues[0]);
    const ticket = parsed.data;
    const solved = ticket.status === 'solved' || ticket.status === 'closed';
    const solvedAt = time(metrics?.solved_at);
    if (solved && solvedAt === undefined)
      return unreadable(this.options.sourceId, where, { path: ['metric_sets', 'solved_at'], message: 'solved_at must be a time on a solved ticket' });
    const shown = zendeskTicketToTicket(ticket, context);
    return {
      kind: 'record',
      record: {
        sourceId: this.options.sourceId,
        id: shown.id,
        key: shown.key,
        title: shown.title,
        text: shown.description,
        severity: shown.severity,
        team: shown.team,
        createdAt: shown.createdAt,
        firstClaimedAt: metrics === undefined ? undefined : (time(metrics.initially_assigned_at) ?? (ticket.assignee_id === null ? null : undefined)),
        resolvedAt: solved ? (solvedAt ?? null) : null,
        breachAt: breachOf(ticket),
        url: shown.url,
      },
    };
  }

  /** The groups, read once, for the team's name. */
  private async context(signal?: AbortSignal): Promise<SourceResult<TicketContext>> {
    const groups = await this.lookups.groups(signal);
    if (groups.kind !== 'ok') return groups;
    const directory = new ZendeskDirectory().add({ groups: [...groups.value.values()] });
    return ok({ sourceId: this.options.sourceId, origin: this.options.origin, mapping: this.options.mapping, directory });
  }
}

/** A page's metric sets, looked up by the raw ticket they belong to; a malformed set is as good as none. */
function metricsByTicket(raw: readonly unknown[]): (ticket: unknown) => ZendeskMetricSet | undefined {
  const sets = new Map(raw.flatMap((item) => zendeskMetricSetSchema.safeParse(item).data ?? []).map((set) => [set.ticket_id, set]));
  return (ticket) => {
    const id = idOf(ticket);
    return id === undefined ? undefined : sets.get(id);
  };
}

function idOf(raw: unknown): number | undefined {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'number' ? id : undefined;
}

function time(value: string | null | undefined): Date | undefined {
  const at = value ? new Date(value) : undefined;
  return at && Number.isFinite(at.getTime()) ? at : undefined;
}

/** The soonest breach of the SLA policy's targets; null when the ticket carries none; unknown when the targets no longer say. */
function breachOf(ticket: ZendeskTicket): Date | null | undefined {
  if (!ticket.slas) return undefined;
  const metrics = ticket.slas.policy_metrics;
  if (metrics.length === 0) return null;
  const times = metrics.flatMap((m) => time(m.breach_at) ?? []).map((d) => d.getTime());
  return times.length > 0 ? new Date(Math.min(...times)) : undefined;
}
