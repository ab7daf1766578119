/**
 * A Zendesk Support account on 127.0.0.1, as far as a ticket source uses one, built from Zendesk's
 * API reference rather than from what our source sends:
 *
 * - authentication as `{email}/token:{api_token}` (Basic) or an OAuth access token (Bearer);
 *   `GET /api/v2/users/me`, and an anonymous user (`id: null`) for a refused token on that endpoint;
 * - tickets, with `include=users,organizations,groups,slas` side-loads (a deleted user is simply
 *   missing from them); `users/show_many`, `organizations/show_many`, `groups`;
 * - a view (`/views/{id}/tickets`): its conditions are "status less than solved" and the tag
 *   `support-escalation`; `sort_by` `created_at`, `updated_at` or `id`, `sort_order`;
 * - cursor pagination (`page[size]` at most 100, `page[after]`, `meta.has_more`,
 *   `meta.after_cursor`, `links.next`), whose cursor is a position in the order, so that tickets
 *   leaving the list shift nothing; offset pagination (`per_page`, `page`, `count`, `next_page`),
 *   refused with 400 past the first 10,000 records;
 * - search (`/search`, offset paged, with `include=tickets(…)`) and the search export
 *   (`/search/export`, cursor paged, `filter[type]`, no side-loads) on a query language of
 *   `type:`, `tags:`, `status:`/`status<`, `group:`, `updated>`, whose index can lag the tickets;
 * - the account's tickets (`/tickets`, offset paged, `sort_by`, `sort_order`), not lagged by the index;
 * - deleted tickets (`/deleted_tickets`, `sort_order`, cursor paged);
 * - the cursor-based incremental ticket export (`/incremental/tickets/cursor`), for admins only,
 *   10 requests a minute, leaving out the last minute's changes, with `end_of_stream`, and the
 *   `metric_sets` side-load (also on search) that Zendesk's ticket metrics keep;
 * - `PUT /tickets/{id}`: `safe_update` with `updated_stamp`, compared to the second (409
 *   `UpdateConflict` when they differ); `assignee_id`, `group_id`, `status`, `subject`, `tags`,
 *   `additional_tags`, `comment: { body, public }`; each update writes an audit whose `Change`
 *   events carry `previous_value`, and answers `{ ticket, audit }`;
 * - comments (oldest first) and audits (`sort_order`), cursor paged;
 * - an account rate limit per minute, with `X-Rate-Limit`, `X-Rate-Limit-Remaining`,
 *   `ratelimit-reset` on every answer and `Retry-After` on a 429;
 * - a `Date` header in the server's own clock, which can be set minutes from ours.
 *
 * And what a real account does now and then, on demand: a colleague's write at a chosen moment of
 * one of our operations, faults, lost answers, pages without end, a malformed ticket, a 409 that is
 * not about the ticket having changed.
 */
import type { ServerResponse } from 'node:http';
import { loopbackServer, type LoopbackServer, type RecordedRequest } from '../../support/loopbackServer';
import type { Fault, FaultTarget, Moment } from '../conformanceSubject';
import {
  groupJson,
  metricSetJson,
  organizationJson,
  ticketJson,
  userJson,
  zendeskTime,
  type AuditEvent,
  type GroupRecord,
  type OrganizationRecord,
  type TicketRecord,
  type UserRecord,
} from './zendeskRecords';

export const SAM: UserRecord = { id: 7, name: 'Sam Taylor', email: 'sam.taylor@example.com', role: 'agent' };
export const MEI: UserRecord = { id: 9, name: 'Mei Chen', email: 'mei.chen@example.com', role: 'agent' };
const LENA: UserRecord = { id: 100, name: 'Lena Fischer', email: 'lena.fischer@nordlicht.example', role: 'end-user' };
/** The account's admin: the incremental exports are for admins only. */
export const ADA: UserRecord = { id: 5, name: 'Ada Brandt', email: 'ada.brandt@example.com', role: 'admin' };
const API_TOKENS: Readonly<Record<string, UserRecord>> = { 'zd-sam': SAM, 'zd-mei': MEI, 'zd-ada': ADA };
const OAUTH_TOKENS: Readonly<Record<string, UserRecord>> = { 'oauth-sam': SAM };
export const QUEUE_TAG = 'support-escalation';
export const VIEW_ID = 360;
export const GROUPS: readonly GroupRecord[] = [
  { id: 21, name: 'search' },
  { id: 22, name: 'billing' },
  { id: 23, name: 'platform' },
];
const NORDLICHT: OrganizationRecord = { id: 50, name: 'Nordlicht Logistik GmbH', organization_fields: { support_region: 'EMEA' } };
const OFFSET_LIMIT = 10_000;
/** The incremental exports' own limit, per minute, beside the account's. */
const EXPORT_RATE_LIMIT = 10;
/** The incremental exports leave out what changed in the last minute, so that they never show a ticket half-written. */
const EXPORT_DELAY_MS = 60_000;
const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
const STATUS_ORDER = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface NewTicket {
  readonly subject?: string;
  readonly description?: string;
  readonly assignee?: UserRecord | null;
  readonly requester?: UserRecord | number;
  readonly tags?: readonly string[];
  readonly createdAt?: number;
  readonly slaBreachAt?: number;
}

export interface ZendeskServerOptions {
  /** Requests the account may make per minute; Zendesk's plans allow 200 to 2,500. */
  readonly rateLimit?: number;
  /** The server's clock in ms, before any skew; a simulation gives its own. */
  readonly now?: () => number;
}

type Sorted = { key: number | string; id: number };

export class ZendeskServer {
  readonly tickets = new Map<number, TicketRecord>();
  readonly users = new Map<number, UserRecord>([SAM, MEI, LENA, ADA].map((u) => [u.id, u]));
  skewMs = 0;
  readonly malformed = new Set<number>();
  /** Deleted tickets, as `GET /deleted_tickets` lists them, oldest first. */
  readonly deleted: { id: number; subject: string; deleted_at: string; actor: { id: number; name: string } }[] = [];
  /** How long the search index takes to show a change: a ticket updated since is found by its older state. */
  searchLagMs = 0;
  readonly endless = new Set<'queue' | 'comments'>();
  losingAnswers = false;
  /** Answers with status 429, sent because the account's limit was reached. */
  throttled = 0;
  /** The next write meets a 409 that is not about the ticket having changed. */
  otherConflicts = 0;
  private readonly lost = new Set<string>();
  private faults: { fault: Fault; target: FaultTarget; remaining: number }[] = [];
  private hooks: { moment: Moment; action: () => Promise<unknown> }[] = [];
  private nextTicketId = 1;
  private nextEventId = 1000;
  private window = { start: 0, used: 0 };
  private exportWindow = { start: 0, used: 0 };
  private http: LoopbackServer | undefined;
  private readonly rateLimit: number;
  private readonly clock: () => number;

  constructor(options: ZendeskServerOptions = {}) {
    this.rateLimit = options.rateLimit ?? 2_500;
    this.clock = options.now ?? Date.now;
  }

  async listen(): Promise<void> {
    this.http = await loopbackServer((request, response) => this.respond(request, response));
  }

  get server(): LoopbackServer {
    if (!this.http) throw new Error('the Zendesk fake is not listening');
    return this.http;
  }

  /** The server's time, in ms. */
  nowMs(): number {
    return this.clock() + this.skewMs;
  }

  now(): string {
    return zendeskTime(this.nowMs());
  }

  createTicket(ticket: NewTicket = {}): TicketRecord {
    const id = this.nextTicketId++;
    const at = zendeskTime(ticket.createdAt ?? this.nowMs());
    const requester = ticket.requester ?? LENA;
    const record: TicketRecord = {
      id,
      subject: ticket.subject ?? `Ticket ${id}`,
      description: ticket.description ?? `Customer report for ticket ${id}`,
      status: 'open',
      priority: PRIORITIES[id % 4] ?? 'normal',
      assignee_id: ticket.assignee?.id ?? null,
      requester_id: typeof requester === 'number' ? requester : requester.id,
      organization_id: NORDLICHT.id,
      group_id: GROUPS[0]?.id ?? null,
      tags: [...(ticket.tags ?? [QUEUE_TAG])],
      custom_fields: [{ id: 9001, value: id % 2 === 0 ? 'APAC' : null }],
      created_at: at,
      updated_at: at,
      sla_breach_at: ticket.slaBreachAt === undefined ? null : zendeskTime(ticket.slaBreachAt),
      initially_assigned_at: ticket.assignee ? at : null,
      assigned_at: ticket.assignee ? at : null,
      solved_at: null,
      reopens: 0,
      comments: [],
      audits: [],
    };
    // The description is the ticket's first comment, as Zendesk keeps it.
    record.comments.push({
      id: this.nextEventId++,
      type: 'Comment',
      author_id: record.requester_id,
      body: record.description,
      public: true,
      created_at: at,
      attachments: [],
    });
    this.tickets.set(id, record);
    return record;
  }

  /** As an agent's update in Zendesk's own interface: no safe_update, it simply lands. */
  update(ticket: TicketRecord, changes: Record<string, unknown>, actor: UserRecord): void {
    this.apply(ticket, changes, actor);
  }

  /** Ends the record as a deletion does: gone from every list and every read. */
  delete(id: number): void {
    const ticket = this.tickets.get(id);
    if (ticket) this.deleted.push({ id, subject: ticket.subject, deleted_at: this.now(), actor: { id: MEI.id, name: MEI.name } });
    this.tickets.delete(id);
  }

  fail(fault: Fault, target: FaultTarget, times: number): void {
    this.faults.push({ fault, target, remaining: times });
  }

  restore(): void {
    this.faults = [];
    this.losingAnswers = false;
    this.lost.clear();
    this.endless.clear();
  }

  at(moment: Moment, action: () => Promise<unknown>): void {
    this.hooks.push({ moment, action });
  }

  private async respond(request: RecordedRequest, response: ServerResponse): Promise<void> {
    const kind: FaultTarget = request.method === 'GET' ? 'read' : 'write';
    const limited = this.countRequest();
    if (limited) return this.send(response, limited);
    const fault = this.takeFault(kind);
    if (fault?.kind === 'drop') return void response.socket?.destroy();
    if (fault?.kind === 'status') return this.send(response, this.faultAnswer(fault));
    await this.runHook((m) => m === 'beforeRead' || (kind === 'write' && m === 'betweenReadAndWrite'));
    const answer = this.handle(request);
    await this.runHook((m) => (kind === 'write' && m === 'afterWrite') || (m === 'afterFirstListPage' && isQueueList(request)));
    if (fault?.kind === 'timeout') return;
    if (kind === 'write' && this.losingAnswers) {
      const key = `${request.method} ${request.url} ${request.body}`;
      if (!this.lost.has(key)) {
        this.lost.add(key);
        return void response.socket?.destroy();
      }
    }
    this.send(response, answer);
  }

  /** The account's minute: a request past the limit is answered 429 with the seconds left in it. */
  private countRequest(): Answer | undefined {
    const now = this.nowMs();
    const start = Math.floor(now / 60_000) * 60_000;
    if (start !== this.window.start) this.window = { start, used: 0 };
    this.window.used++;
    if (this.window.used <= this.rateLimit) return undefined;
    this.throttled++;
    const wait = Math.max(1, Math.ceil((start + 60_000 - now) / 1000));
    return { status: 429, headers: { 'Content-Type': 'text/plain', 'Retry-After': String(wait) }, body: 'Too Many Requests' };
  }

  private rateHeaders(): Record<string, string> {
    const remaining = String(Math.max(0, this.rateLimit - this.window.used));
    const reset = String(Math.max(0, Math.ceil((this.window.start + 60_000 - this.nowMs()) / 1000)));
    const limit = String(this.rateLimit);
    return { 'X-Rate-Limit': limit, 'X-Rate-Limit-Remaining': remaining, 'ratelimit-limit': limit, 'ratelimit-remaining': remaining, 'ratelimit-reset': reset };
  }

  private takeFault(kind: FaultTarget): Fault | undefined {
    const found = this.faults.find((f) => f.remaining > 0 && (f.target === 'any' || f.target === kind));
    if (!found) return undefined;
    found.remaining--;
    return found.fault;
  }

  private async runHook(matches: (moment: Moment) => boolean): Promise<void> {
    const index = this.hooks.findIndex((h) => matches(h.moment));
    if (index < 0) return;
    const [hook] = this.hooks.splice(index, 1);
    await hook?.action();
  }

  private faultAnswer(fault: Extract<Fault, { kind: 'status' }>): Answer {
    if (fault.status !== 429) return json(fault.status, { error: STATUS_ERROR[fault.status] ?? 'Error', description: `${fault.status}` });
    const headers: Record<string, string> = { 'Content-Type': 'text/plain' };
    if (fault.retryAfterSeconds !== undefined) headers['Retry-After'] = String(fault.retryAfterSeconds);
    // Zendesk's list endpoints say when the minute ends, in seconds from now.
    if (fault.resetInSeconds !== undefined)
      Object.assign(headers, { 'ratelimit-remaining': '0', 'X-Rate-Limit-Remaining': '0', 'ratelimit-reset': String(fault.resetInSeconds) });
    return { status: 429, headers, body: 'Too Many Requests' };
  }

  private send(response: ServerResponse, answer: Answer): void {
    const headers = { Date: new Date(this.nowMs()).toUTCString(), ...this.rateHeaders(), ...answer.headers };
    response.writeHead(answer.status, headers);
    response.end(answer.body);
  }

  private handle(request: RecordedRequest): Answer {
    const url = new URL(request.url, 'http://zendesk');
    const segments = url.pathname
      .replace(/\.json$/, '')
      .split('/')
      .filter(Boolean)
      .map(decodeURIComponent);
    if (segments[0] !== 'api' || segments[1] !== 'v2') return json(404, { error: 'InvalidEndpoint', description: 'Not found' });
    const actor = this.authenticate(String(request.headers.authorization ?? ''));
    const [resource, idText, sub] = segments.slice(2);
    const q = url.searchParams;
    if (resource === 'users' && idText === 'me') {
      return json(200, { user: actor ? userJson(actor, this.origin) : { id: null, name: 'Anonymous user', email: 'invalid@example.com', role: 'end-user' } });
    }
    if (!actor) return json(401, { error: "Couldn't authenticate you" });
    if (resource === 'users' && idText === 'show_many') return json(200, { users: this.idsOf(q).flatMap((id) => this.userAnswer(id)) });
    if (resource === 'organizations' && idText === 'show_many')
      return json(200, { organizations: this.idsOf(q).flatMap((id) => (id === NORDLICHT.id ? [organizationJson(NORDLICHT, this.origin)] : [])) });
    if (resource === 'groups' && idText === undefined) {
      const sorted = GROUPS.map((g) => ({ key: g.id, id: g.id, group: g }));
      return this.cursorPages(request, q, sorted, 1, (items) => ({ groups: items.map((i) => groupJson(i.group, this.origin)) }), false);
    }
    if (resource === 'views' && Number(idText) === VIEW_ID && sub === 'tickets') return this.viewTickets(request, q);
    if (resource === 'views') return json(404, { error: 'RecordNotFound', description: 'Not found' });
    if (resource === 'deleted_tickets' && idText === undefined) {
      const direction = q.get('sort_order') === 'desc' ? -1 : 1;
      const sorted = this.deleted.map((d, i) => ({ key: i, id: d.id, record: d })).sort((a, b) => direction * (a.key - b.key));
      return this.cursorPages(request, q, sorted, direction, (list) => ({ deleted_tickets: list.map((d) => d.record) }), false);
    }
    if (resource === 'incremental' && idText === 'tickets' && sub === 'cursor') return this.incrementalTickets(request, q, actor);
    if (resource === 'search' && idText === 'export') return this.searchExport(request, q);
    if (resource === 'search' && idText === undefined) return this.search(q);
    if (resource !== 'tickets') return json(404, { error: 'InvalidEndpoint', description: 'Not found' });
    if (resource === 'tickets' && idText === undefined && request.method === 'GET') return this.listTickets(request, q);
    const ticket = this.tickets.get(Number(idText));
    if (!ticket) return json(404, { error: 'RecordNotFound', description: 'Not found' });
    if (sub === undefined && request.method === 'GET')
      return json(200, { ticket: this.ticketAnswer(ticket, q), ...this.sideLoads([ticket], q.get('include')) });
    if (sub === undefined && request.method === 'PUT') return this.updateTicket(ticket, body(request), actor, q);
    if (sub === 'comments' && request.method === 'GET') return this.comments(request, ticket, q);
    if (sub === 'audits' && request.method === 'GET') return this.audits(request, ticket, q);
    return json(405, { error: 'MethodNotAllowed' });
  }

  get origin(): string {
    return this.server.url;
  }

  private authenticate(header: string): UserRecord | undefined {
    const bearer = /^Bearer (.+)$/.exec(header)?.[1];
    if (bearer) return OAUTH_TOKENS[bearer];
    const basic = /^Basic (.+)$/.exec(header)?.[1];
    if (!basic) return undefined;
    const [email, token] = Buffer.from(basic, 'base64').toString('utf8').split('/token:');
    const user = token === undefined ? undefined : API_TOKENS[token];
    return user && user.email === email ? user : undefined;
  }

  private idsOf(q: URLSearchParams): number[] {
    return (q.get('ids') ?? '')
      .split(',')
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0);
  }

  private userAnswer(id: number): Record<string, unknown>[] {
    const user = this.users.get(id);
    return user ? [userJson(user, this.origin)] : [];
  }

  private ticketAnswer(ticket: TicketRecord, q: URLSearchParams): Record<string, unknown> {
    const shown = ticketJson(ticket, this.origin, includes(q.get('include')).includes('slas'));
    if (this.malformed.has(ticket.id)) delete shown.subject;
    return shown;
  }

  private sideLoads(tickets: readonly TicketRecord[], include: string | null): Record<string, unknown> {
    const wanted = includes(include);
    const loads: Record<string, unknown> = {};
    if (wanted.includes('users')) {
      const ids = new Set(tickets.flatMap((t) => [t.assignee_id, t.requester_id].filter((id): id is number => id !== null)));
      loads.users = [...ids].flatMap((id) => this.userAnswer(id));
    }
    if (wanted.includes('organizations'))
      loads.organizations = tickets.some((t) => t.organization_id === NORDLICHT.id) ? [organizationJson(NORDLICHT, this.origin)] : [];
    if (wanted.includes('groups')) loads.groups = GROUPS.filter((g) => tickets.some((t) => t.group_id === g.id)).map((g) => groupJson(g, this.origin));
    if (wanted.includes('metric_sets')) loads.metric_sets = tickets.map((t) => metricSetJson(t, this.origin));
    return loads;
  }

  private inView(ticket: TicketRecord): boolean {
    return STATUS_ORDER.indexOf(ticket.status) < STATUS_ORDER.indexOf('solved') && ticket.tags.includes(QUEUE_TAG);
  }

  /**
   * Zendesk's reference for List Tickets From a View (developer.zendesk.com/api-reference/ticketing/business-rules/views):
   * `sort_by` is a column of the view ("the subject and submitter columns are not supported") and
   * `sort_order` "defaults to asc for alphabetical and position sort, desc for all others", so a
   * sort by time or id is newest first unless asked otherwise. The answer is the live view, not
   * the search index; offset pages carry the view's `count`. The separate count endpoint
   * (`/views/{id}/count`) answers from a cache (`value: null`, `fresh: false` until it is built,
   * `poll_wait` seconds between asks, six asks in five minutes: support.zendesk.com article
   * 7428859901978) and is not offered here: nothing may rely on it to see a change.
   */
  private viewTickets(request: RecordedRequest, q: URLSearchParams): Answer {
    const sortBy = q.get('sort_by') ?? 'id';
    if (!['id', 'created_at', 'updated_at'].includes(sortBy))
      return json(400, { error: 'InvalidValue', description: `sort_by: ${sortBy} is not a column of the view` });
    const direction = q.get('sort_order') === 'asc' ? 1 : -1;
    const field = sortBy as 'id' | 'created_at' | 'updated_at';
    const matching = [...this.tickets.values()].filter((t) => this.inView(t));
    const sorted = matching
      .map((t) => ({ key: field === 'id' ? t.id : Date.parse(t[field]), id: t.id, ticket: t }))
      .sort((a, b) => direction * (Number(a.key) - Number(b.key) || a.id - b.id));
    const include = q.get('include');
    const shown = (list: typeof sorted): Record<string, unknown> => ({
      tickets: list.map((s) => this.ticketAnswer(s.ticket, q)),
      ...this.sideLoads(
        list.map((s) => s.ticket),
        include,
      ),
    });
    if (q.has('page[size]') || q.has('page[after]')) return this.cursorPages(request, q, sorted, direction, shown, this.endless.has('queue'));
    return this.offsetPage(request, q, sorted, shown, this.endless.has('queue'));
  }

  /**
   * List Tickets (`/tickets`): every ticket of the account, read from the tickets themselves rather
   * than the search index, offset paged with `sort_by` (`id`, `created_at`, `updated_at`) and
   * `sort_order`; by default oldest first.
   */
  private listTickets(request: RecordedRequest, q: URLSearchParams): Answer {
    const sortBy = q.get('sort_by') ?? 'created_at';
    if (!['id', 'created_at', 'updated_at'].includes(sortBy)) return json(400, { error: 'InvalidValue', description: `sort_by: ${sortBy}` });
    const field = sortBy as 'id' | 'created_at' | 'updated_at';
    const direction = q.get('sort_order') === 'desc' ? -1 : 1;
    const sorted = [...this.tickets.values()]
      .map((t) => ({ key: field === 'id' ? t.id : Date.parse(t[field]), id: t.id, ticket: t }))
      .sort((a, b) => direction * (a.key - b.key || a.id - b.id));
    return this.offsetPage(request, q, sorted, (list) => ({ tickets: list.map((s) => this.ticketAnswer(s.ticket, q)) }), false);
  }

  private search(q: URLSearchParams): Answer {
    const found = this.query(q.get('query') ?? '');
    const direction = q.get('sort_order') === 'asc' ? 1 : -1;
    const field = q.get('sort_by') === 'created_at' ? 'created_at' : 'updated_at';
    const sorted = found.map((t) => ({ key: Date.parse(t[field]), id: t.id, ticket: t })).sort((a, b) => direction * (a.key - b.key || a.id - b.id));
    const include = /^tickets\((.*)\)$/.exec(q.get('include') ?? '')?.[1] ?? null;
    const shown = (list: typeof sorted): Record<string, unknown> => ({
      results: list.map((s) => ({ ...this.ticketAnswer(s.ticket, new URLSearchParams({ include: include ?? '' })), result_type: 'ticket' })),
      ...this.sideLoads(
        list.map((s) => s.ticket),
        include,
      ),
    });
    const perPage = Math.min(100, Math.max(1, Number(q.get('per_page') ?? 100) || 100));
    const page = Math.max(1, Number(q.get('page') ?? 1) || 1);
    // Search answers at most 1,000 results, by offset.
    if (page * perPage > 1_000) return json(422, { error: 'InvalidPaginationParameter', description: 'Search results are limited to 1,000' });
    const slice = sorted.slice((page - 1) * perPage, page * perPage);
    return json(200, {
      ...shown(slice),
      count: sorted.length,
      next_page: page * perPage < sorted.length ? `${this.origin}/api/v2/search.json?page=${page + 1}` : null,
      previous_page: null,
    });
  }

  /**
   * The cursor-based incremental ticket export: admins only, at most 10 requests a minute; from
   * `start_time` (Unix seconds) or an `after_cursor`, every ticket updated since, oldest update
   * first, up to a minute ago; `per_page` at most 1,000; `end_of_stream` once it reaches then, and
   * an `after_cursor` always, to come back with later. Side-loads `metric_sets` (and the others).
   */
  private incrementalTickets(request: RecordedRequest, q: URLSearchParams, actor: UserRecord): Answer {
    if (actor.role !== 'admin')
      return json(403, {
        error: 'Forbidden',
        description: 'You do not have access to this page. Please contact the account owner of this help desk for further help.',
      });
    const now = this.nowMs();
    const minute = Math.floor(now / 60_000) * 60_000;
    if (minute !== this.exportWindow.start) this.exportWindow = { start: minute, used: 0 };
    if (++this.exportWindow.used > EXPORT_RATE_LIMIT) {
      this.throttled++;
      const wait = Math.max(1, Math.ceil((minute + 60_000 - now) / 1000));
      return { status: 429, headers: { 'Content-Type': 'text/plain', 'Retry-After': String(wait) }, body: 'Too Many Requests' };
    }
    const start = q.get('start_time');
    const from =
      decodeCursor(q.get('cursor')) ?? (start !== null && /^\d+$/.test(start) ? { key: Number(start) * 1000 - 1, id: Number.MAX_SAFE_INTEGER } : undefined);
    if (!from) return json(400, { error: 'InvalidValue', description: 'start_time or cursor is required' });
    const perPage = Math.min(1000, Math.max(1, Number(q.get('per_page') ?? 1000) || 1000));
    const until = now - EXPORT_DELAY_MS;
    const rest = [...this.tickets.values()]
      .map((t) => ({ key: Date.parse(t.updated_at), id: t.id, ticket: t }))
      .filter((s) => s.key <= until && (s.key > Number(from.key) || (s.key === Number(from.key) && s.id > from.id)))
      .sort((a, b) => a.key - b.key || a.id - b.id);
    const page = rest.slice(0, perPage);
    const last = page[page.length - 1];
    const after = encodeCursor(last ?? from);
    const next = new URL(request.url, this.origin);
    next.search = '';
    next.searchParams.set('cursor', after);
    return json(200, {
      tickets: page.map((s) => this.ticketAnswer(s.ticket, q)),
      ...this.sideLoads(
        page.map((s) => s.ticket),
        q.get('include'),
      ),
      after_url: next.toString(),
      after_cursor: after,
      before_url: null,
      before_cursor: null,
      end_of_stream: rest.length <= perPage,
    });
  }

  private searchExport(request: RecordedRequest, q: URLSearchParams): Answer {
    if (q.get('filter[type]') !== 'ticket') return json(400, { error: 'InvalidValue', description: 'filter[type] is required' });
    const found = this.query(q.get('query') ?? '').map((t) => ({ key: t.id, id: t.id, ticket: t }));
    const shown = (list: typeof found): Record<string, unknown> => ({
      results: list.map((s) => ({ ...this.ticketAnswer(s.ticket, new URLSearchParams()), result_type: 'ticket' })),
    });
    return this.cursorPages(request, q, found, 1, shown, this.endless.has('queue'));
  }

  /** The search language, as far as a queue is written in it: `type:ticket status<solved tags:support-escalation group:search`. */
  private query(text: string): TicketRecord[] {
    const terms = text.split(/\s+/).filter(Boolean);
    return [...this.tickets.values()].filter((t) =>
      terms.every((term) => {
        const [, key = '', op = '', value = ''] = /^(\w+)([:<>])(.*)$/.exec(term) ?? [];
        if (key === 'type') return value === 'ticket';
        if (key === 'tags' || key === 'tag') return t.tags.includes(value);
        if (key === 'group') return GROUPS.find((g) => g.id === t.group_id)?.name === value;
        if (key === 'status' && op === '<') return STATUS_ORDER.indexOf(t.status) < STATUS_ORDER.indexOf(value);
        if (key === 'status') return t.status === value;
        // The index shows a change only after its lag: until then the ticket is found as it was, not as updated.
        if (key === 'updated' && op === '>') return Date.parse(t.updated_at) > Date.parse(value) && Date.parse(t.updated_at) <= this.nowMs() - this.searchLagMs;
        return t.subject.includes(term) || t.description.includes(term);
      }),
    );
  }

  private comments(request: RecordedRequest, ticket: TicketRecord, q: URLSearchParams): Answer {
    const direction = q.get('sort_order') === 'desc' ? -1 : 1;
    const list = ticket.comments.map((c) => ({ key: c.id, id: c.id, comment: c })).sort((a, b) => direction * (a.id - b.id));
    const shown = (items: typeof list): Record<string, unknown> => ({
      comments: items.map((c) => ({ ...c.comment, html_body: `<p>${escapeHtml(c.comment.body)}</p>`, plain_body: c.comment.body })),
      ...(includes(q.get('include')).includes('users')
        ? { users: [...new Set(items.map((c) => c.comment.author_id))].flatMap((id) => this.userAnswer(id)) }
        : {}),
    });
    return this.cursorPages(request, q, list, direction, shown, this.endless.has('comments'));
  }

  private audits(request: RecordedRequest, ticket: TicketRecord, q: URLSearchParams): Answer {
    const direction = q.get('sort_order') === 'desc' ? -1 : 1;
    const list = ticket.audits.map((a) => ({ key: a.id, id: a.id, audit: a })).sort((a, b) => direction * (a.id - b.id));
    return this.cursorPages(request, q, list, direction, (items) => ({ audits: items.map((a) => a.audit) }), false);
  }

  private updateTicket(ticket: TicketRecord, fields: Record<string, unknown>, actor: UserRecord, q: URLSearchParams): Answer {
    const changes = (fields.ticket ?? {}) as Record<string, unknown>;
    if (this.otherConflicts > 0) {
      this.otherConflicts--;
      return json(409, { error: 'TicketMerged', description: `Ticket ${ticket.id} was merged into another ticket and cannot be updated.` });
    }
    if (changes.safe_update === true && typeof changes.updated_stamp === 'string') {
      // Zendesk keeps update times to the second: two writes in one second look alike.
      if (zendeskTime(Date.parse(changes.updated_stamp)) !== ticket.updated_at)
        return json(409, {
          error: 'UpdateConflict',
          description: 'Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.',
        });
    }
    const audit = this.apply(ticket, changes, actor);
    return json(200, { ticket: this.ticketAnswer(ticket, q), audit: audit ?? null });
  }

  private apply(ticket: TicketRecord, changes: Record<string, unknown>, actor: UserRecord): TicketRecord['audits'][number] | undefined {
    const events: AuditEvent[] = [];
    const change = <K extends 'assignee_id' | 'group_id' | 'status' | 'subject' | 'priority'>(field: K, value: TicketRecord[K]): void => {
      if (ticket[field] === value) return;
      events.push({ id: this.nextEventId++, type: 'Change', field_name: field, value: stringOrNull(value), previous_value: stringOrNull(ticket[field]) });
      ticket[field] = value;
    };
    if ('assignee_id' in changes) change('assignee_id', typeof changes.assignee_id === 'number' ? changes.assignee_id : null);
    if (typeof changes.group_id === 'number') change('group_id', changes.group_id);
    if (typeof changes.status === 'string' && STATUS_ORDER.includes(changes.status)) change('status', changes.status as TicketRecord['status']);
    if (typeof changes.subject === 'string') change('subject', changes.subject);
    const tagsBefore = ticket.tags.join(' ');
    if (Array.isArray(changes.tags)) ticket.tags = changes.tags.map(String);
    for (const tag of Array.isArray(changes.additional_tags) ? changes.additional_tags.map(String) : []) if (!ticket.tags.includes(tag)) ticket.tags.push(tag);
    if (Array.isArray(changes.remove_tags)) ticket.tags = ticket.tags.filter((t) => !(changes.remove_tags as unknown[]).includes(t));
    if (ticket.tags.join(' ') !== tagsBefore)
      events.push({
        id: this.nextEventId++,
        type: 'Change',
        field_name: 'tags',
        value: [...ticket.tags],
        previous_value: tagsBefore.split(' ').filter(Boolean),
      });
    const comment = changes.comment as { body?: unknown; public?: unknown } | undefined;
    if (comment && typeof comment.body === 'string' && comment.body.trim() !== '') {
      const id = this.nextEventId++;
      const isPublic = comment.public !== false;
      ticket.comments.push({ id, type: 'Comment', author_id: actor.id, body: comment.body, public: isPublic, created_at: this.now(), attachments: [] });
      events.push({ id, type: 'Comment', body: comment.body, public: isPublic, author_id: actor.id });
    }
    if (events.length === 0) return undefined;
    ticket.updated_at = this.now();
    this.measure(ticket, events);
    const audit = { id: this.nextEventId++, ticket_id: ticket.id, author_id: actor.id, created_at: ticket.updated_at, events };
    ticket.audits.push(audit);
    return audit;
  }

  /** What Zendesk's ticket metrics record of an update: assignments, solves and reopens. */
  private measure(ticket: TicketRecord, events: readonly AuditEvent[]): void {
    for (const event of events) {
      if (event.type !== 'Change') continue;
      if (event.field_name === 'assignee_id' && event.value !== null) {
        ticket.assigned_at = ticket.updated_at;
        ticket.initially_assigned_at ??= ticket.updated_at;
      }
      const solved = (status: unknown): boolean => status === 'solved' || status === 'closed';
      if (event.field_name === 'status' && solved(event.value) && !solved(event.previous_value)) ticket.solved_at = ticket.updated_at;
      if (event.field_name === 'status' && !solved(event.value) && solved(event.previous_value)) ticket.reopens++;
    }
  }

  /** Cursor pages: the cursor names the last item's place in the order, so that items leaving the list shift nothing. */
  private cursorPages<T extends Sorted>(
    request: RecordedRequest,
    q: URLSearchParams,
    sorted: readonly T[],
    direction: number,
    shown: (items: T[]) => Record<string, unknown>,
    endless: boolean,
  ): Answer {
    const size = Math.min(100, Math.max(1, Number(q.get('page[size]') ?? 100) || 100));
    const after = decodeCursor(q.get('page[after]'));
    const rest = after
      ? sorted.filter((s) => {
          const byKey = direction * compare(s.key, after.key);
          return byKey > 0 || (byKey === 0 && direction * (s.id - after.id) > 0);
        })
      : sorted;
    // A server that always announces another page shows the first one again and again.
    const page = endless ? sorted.slice(0, size) : rest.slice(0, size);
    const hasMore = endless || rest.length > size;
    const last = page[page.length - 1];
    const first = page[0];
    const cursor = last ? encodeCursor(last) : null;
    const next = new URL(request.url, this.origin);
    if (cursor) next.searchParams.set('page[after]', cursor);
    return json(200, {
      ...shown(page),
      meta: { has_more: hasMore, after_cursor: cursor, before_cursor: first ? encodeCursor(first) : null },
      links: { next: hasMore ? next.toString() : null, prev: null },
    });
  }

  /** Offset pages, with `count`; Zendesk refuses offset paging past the first 10,000 records. */
  private offsetPage<T extends Sorted>(
    request: RecordedRequest,
    q: URLSearchParams,
    sorted: readonly T[],
    shown: (items: T[]) => Record<string, unknown>,
    endless: boolean,
  ): Answer {
    const perPage = Math.min(100, Math.max(1, Number(q.get('per_page') ?? 100) || 100));
    const page = Math.max(1, Number(q.get('page') ?? 1) || 1);
    if (page * perPage > OFFSET_LIMIT)
      return json(400, {
        error: 'InvalidPaginationParameter',
        description: 'Offset pagination is limited to the first 10,000 records. Use cursor pagination.',
      });
    const slice = endless ? sorted.slice(0, perPage) : sorted.slice((page - 1) * perPage, page * perPage);
    const more = endless || page * perPage < sorted.length;
    const next = new URL(request.url, this.origin);
    next.searchParams.set('page', String(page + 1));
    return json(200, { ...shown(slice), count: sorted.length, next_page: more ? next.toString() : null, previous_page: null });
  }
}

const STATUS_ERROR: Readonly<Record<number, string>> = {
  401: "Couldn't authenticate you",
  403: 'Forbidden',
  500: 'InternalError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
};

function json(status: number, value: unknown): Answer {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify(value) };
}

function body(request: RecordedRequest): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(request.body || '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function includes(include: string | null): string[] {
  return (include ?? '').split(',').map((s) => s.trim());
}

function stringOrNull(value: string | number | null): string | null {
  return value === null ? null : String(value);
}

function compare(a: number | string, b: number | string): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

function encodeCursor(item: Sorted): string {
  return Buffer.from(JSON.stringify({ key: item.key, id: item.id })).toString('base64url');
}

function decodeCursor(text: string | null): Sorted | undefined {
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Sorted;
    return typeof parsed.id === 'number' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function isQueueList(request: RecordedRequest): boolean {
  return request.method === 'GET' && /\/api\/v2\/(views\/\d+\/tickets|search)(\.json)?(\?|$|\/export)/.test(request.url);
}

/** A Zendesk account with `count` tickets in the view, "Ticket 1" to "Ticket n", created a second apart. */
export async function fakeZendesk(count = 0, options: ZendeskServerOptions = {}): Promise<ZendeskServer> {
  const zendesk = new ZendeskServer(options);
  await zendesk.listen();
  const now = zendesk.nowMs();
  for (let i = 1; i <= count; i++) zendesk.createTicket({ createdAt: now - (count - i + 1) * 1000 });
  return zendesk;
}
