/**
 * Zendesk as a ticket source: a view's (or a search's) tickets, claims under Zendesk's own
 * `safe_update` locking, internal notes and public replies as comments, a hand-off to a group as
 * one update, fix branches and merge requests recorded once as an internal note.
 */
import type { Ticket, TicketLink } from '../../core/ticket';
import type { HttpClient } from '../http/httpClient';
import { fail, ok, type SourceResult } from '../sourceResult';
import type { Handoff, HistoryPage, HistoryRequest, ListRequest, QueuePage, SourceCapabilities, TicketSeen, TicketSource } from '../ticketSource';
import { PollBudget } from './pollBudget';
import { ZendeskApi } from './zendeskApi';
import { ZendeskHistory } from './zendeskHistory';
import { ZendeskLookups } from './zendeskLookups';
import { linkNote, ZendeskDirectory, zendeskTicketToTicket, type ZendeskMapping } from './zendeskMapping';
import { ZendeskQueue, type ZendeskScope } from './zendeskQueue';
import { zendeskCommentPageSchema, zendeskTicketAnswerSchema, type ZendeskComment, type ZendeskTicket } from './zendeskSchemas';
import { addsComment, replacedAssignee, setsAssignee, ZendeskUpdates, type UpdateOutcome } from './zendeskUpdates';

export interface ZendeskAgent {
  readonly id: number;
  readonly name: string;
}

export interface ZendeskSourceOptions {
  readonly id: string;
  readonly label: string;
  /** `https://acme.zendesk.com`; the API is under `/api/v2`, the agent's pages under `/agent`. */
  readonly origin: string;
  readonly scope: ZendeskScope;
  readonly mapping: ZendeskMapping;
  /** The signed-in agent; unset until sign-in. */
  readonly me?: ZendeskAgent;
  /** The credential in words ("the API token of sam@example.com"), for a refusal to name it. */
  readonly credential?: string;
  /** A tag added to a ticket when a fix branch or merge request is recorded on it. */
  readonly linkTag?: string;
  readonly elapsed?: () => number;
  readonly budget?: PollBudget;
}

/** 5,000 comments: far beyond any real ticket; a server that keeps announcing pages stops here. */
const MAX_COMMENT_PAGES = 50;
/** A write refused because the ticket changed is tried again on the fresh ticket at most this often. */
const MAX_STALE_ROUNDS = 3;
const SIDE_LOADS = 'users,organizations,groups,slas';

interface Current {
  readonly ticket: ZendeskTicket;
  readonly directory: ZendeskDirectory;
}

export class ZendeskSource implements TicketSource {
  readonly kind = 'zendesk';
  readonly capabilities: SourceCapabilities = { claim: true, internalNotes: true, publicReplies: true, handoff: true, linkChanges: true };
  private readonly api: ZendeskApi;
  private readonly lookups: ZendeskLookups;
  private readonly queue: ZendeskQueue;
  private readonly updates: ZendeskUpdates;
  private readonly budget: PollBudget;
  private readonly pastTickets: ZendeskHistory;

  constructor(
    http: HttpClient,
    private readonly options: ZendeskSourceOptions,
  ) {
    this.budget = options.budget ?? new PollBudget();
    this.api = new ZendeskApi(http, options.label, this.budget, options.credential);
    this.lookups = new ZendeskLookups(this.api, new ZendeskDirectory());
    this.queue = new ZendeskQueue(this.api, this.lookups, { ...options, sourceId: options.id });
    this.updates = new ZendeskUpdates(this.api, options.label);
    this.pastTickets = new ZendeskHistory(this.api, this.lookups, { ...options, sourceId: options.id });
  }

  get id(): string {
    return this.options.id;
  }

  get label(): string {
    return this.options.label;
  }

  get me(): string | undefined {
    return this.options.me ? String(this.options.me.id) : undefined;
  }

  /** How long to wait before the next automatic refresh, as the account's rate limit allows. */
  pollDelayMs(): number {
    return this.budget.nextDelayMs();
  }

  /** The whole queue in one page: `ZendeskQueue` pages through Zendesk itself. */
  async listQueue(request: ListRequest): Promise<SourceResult<QueuePage>> {
    const listed = await this.queue.list(request.signal);
    this.budget.refreshed();
    return listed;
  }

  /** Every ticket created or solved since `request.since`, in pages; read on demand, never by the refresh loop. */
  history(request: HistoryRequest): Promise<SourceResult<HistoryPage>> {
    return this.pastTickets.page(request);
  }

  async getTicket(id: string, signal?: AbortSignal): Promise<SourceResult<Ticket>> {
    const current = await this.read(id, signal);
    if (current.kind !== 'ok') return current;
    const comments: ZendeskComment[] = [];
    const directory = current.value.directory;
    const walked = await this.api.walk(
      `/tickets/${id}/comments`,
      zendeskCommentPageSchema,
      { include: 'users' },
      (page) => {
        comments.push(...page.comments);
        directory.add(page);
      },
      MAX_COMMENT_PAGES,
      signal,
    );
    if (walked.kind !== 'ok') return walked;
    const complete = await this.lookups.complete(directory, comments, signal);
    if (complete.kind !== 'ok') return complete;
    return ok(this.toTicket(current.value.ticket, directory, comments));
  }

  async claim(seen: TicketSeen): Promise<SourceResult<Ticket>> {
    const me = this.options.me;
    if (!me) return fail('unauthorised', `Sign in to ${this.label} to claim tickets.`);
    const before = await this.read(seen.id);
    if (before.kind !== 'ok') return before;
    const { ticket } = before.value;
    if (ticket.assignee_id !== null && ticket.assignee_id !== me.id) return this.heldBy(before.value, `#${seen.id} is already claimed by {holder}.`);
    if (ticket.assignee_id === me.id) return this.getTicket(seen.id);
    if (ticket.updated_at !== seen.revision) return this.changed(before.value, `#${seen.id} changed since the queue was loaded.`);
    const written = await this.updates.update(seen.id, ticket.updated_at, { assignee_id: me.id }, (a) => setsAssignee(a, me.id, me.id));
    if (written.kind !== 'ok') return written;
    if (written.value.kind === 'stale') return this.afterStale(seen.id, me, `#${seen.id} changed while it was being claimed.`);
    const restored = await this.restoreReplaced(seen.id, written.value, null);
    if (restored.kind !== 'ok') return restored;
    const after = await this.getTicket(seen.id);
    if (after.kind !== 'ok') return after;
    // A colleague who wrote just after us holds it now, whoever wrote last: theirs either way.
    if (after.value.assignee?.id !== String(me.id)) return this.lostTo(after.value, `#${seen.id} was claimed by {holder} at the same moment; it stays theirs.`);
    return after;
  }

  async release(seen: TicketSeen): Promise<SourceResult<Ticket>> {
    const me = this.options.me;
    if (!me) return fail('unauthorised', `Sign in to ${this.label} first.`);
    const before = await this.read(seen.id);
    if (before.kind !== 'ok') return before;
    const { ticket } = before.value;
    if (ticket.assignee_id !== null && ticket.assignee_id !== me.id) return this.heldBy(before.value, `#${seen.id} is held by {holder}, not by you.`);
    if (ticket.assignee_id === null) return this.getTicket(seen.id);
    const written = await this.updates.update(seen.id, ticket.updated_at, { assignee_id: null }, (a) => setsAssignee(a, me.id, null));
    if (written.kind !== 'ok') return written;
    if (written.value.kind === 'stale') return this.afterStale(seen.id, me, `#${seen.id} changed while it was being released; release it again.`);
    const restored = await this.restoreReplaced(seen.id, written.value, me.id);
    if (restored.kind !== 'ok') return restored;
    const after = await this.getTicket(seen.id);
    if (after.kind !== 'ok') return after;
    if (after.value.assignee !== null) return this.lostTo(after.value, `#${seen.id} was claimed by {holder} as you released it; it stays theirs.`);
    return after;
  }

  addInternalNote(id: string, body: string): Promise<SourceResult<Ticket>> {
    return this.comment(id, body, false);
  }

  addPublicReply(id: string, body: string): Promise<SourceResult<Ticket>> {
    return this.comment(id, body, true);
  }

  /** One update: the team's group, no assignee, the note as an internal comment; all or nothing. */
  async handOff(seen: TicketSeen, handoff: Handoff): Promise<SourceResult<Ticket>> {
    const me = this.options.me;
    if (!me) return fail('unauthorised', `Sign in to ${this.label} first.`);
    const group = await this.groupFor(handoff.team);
    if (group.kind !== 'ok') return group;
    for (let round = 0; round < MAX_STALE_ROUNDS; round++) {
      const before = await this.read(seen.id);
      if (before.kind !== 'ok') return before;
      const { ticket } = before.value;
      if (ticket.assignee_id !== null && ticket.assignee_id !== me.id)
        return this.heldBy(before.value, `#${seen.id} is held by {holder}; only they can hand it off.`);
      const changes = { group_id: group.value, assignee_id: null, comment: { body: handoff.note, public: false } };
      const written = await this.updates.update(seen.id, ticket.updated_at, changes, (a) => addsComment(a, me.id, handoff.note));
      if (written.kind !== 'ok') return { ...written, message: `Could not hand off #${seen.id}: ${written.message} Nothing else was changed.` };
      if (written.value.kind === 'updated') return this.getTicket(seen.id);
    }
    return this.staleTooOften(seen.id);
  }

  async linkChange(id: string, link: TicketLink): Promise<SourceResult<Ticket>> {
    const current = await this.getTicket(id);
    if (current.kind !== 'ok') return current;
    const note = linkNote(link);
    // Recording the same link twice changes nothing.
    if (current.value.comments.some((c) => c.internal && c.body.startsWith(note.prefix))) return current;
    const tag = this.options.linkTag ? { additional_tags: [this.options.linkTag] } : {};
    return this.comment(id, note.body, false, tag);
  }

  /** A comment on the ticket; refused only for a reason other than the ticket having changed meanwhile. */
  private async comment(id: string, body: string, isPublic: boolean, extra: Record<string, unknown> = {}): Promise<SourceResult<Ticket>> {
    const me = this.options.me;
    if (!me) return fail('unauthorised', `Sign in to ${this.label} first.`);
    for (let round = 0; round < MAX_STALE_ROUNDS; round++) {
      const before = await this.read(id);
      if (before.kind !== 'ok') return before;
      const written = await this.updates.update(id, before.value.ticket.updated_at, { ...extra, comment: { body, public: isPublic } }, (a) =>
        addsComment(a, me.id, body),
      );
      if (written.kind !== 'ok') return written;
      if (written.value.kind === 'updated') return this.getTicket(id);
    }
    return this.staleTooOften(id);
  }

  /**
   * A write that changed the assignee, checked against what its audit says it replaced: a colleague
   * who claimed in the same second as our read (which `safe_update` cannot tell apart) is put back.
   */
  private async restoreReplaced(id: string, outcome: Extract<UpdateOutcome, { kind: 'updated' }>, expected: number | null): Promise<SourceResult<void>> {
    const replaced = replacedAssignee(outcome.audit);
    if (replaced === undefined || replaced === expected || replaced === this.options.me?.id) return ok(undefined);
    for (let round = 0; round < MAX_STALE_ROUNDS; round++) {
      const current = await this.read(id);
      if (current.kind !== 'ok') return current;
      if (current.value.ticket.assignee_id !== expected && current.value.ticket.assignee_id !== this.options.me?.id) return ok(undefined);
      const put = await this.updates.update(id, current.value.ticket.updated_at, { assignee_id: replaced }, (a) =>
        setsAssignee(a, this.options.me?.id ?? 0, replaced),
      );
      if (put.kind !== 'ok')
        return { ...put, message: `${put.message} A colleague's claim on #${id} was replaced by ours and could not be put back: look at the ticket's events.` };
      if (put.value.kind === 'updated') return ok(undefined);
    }
    return this.staleTooOften(id);
  }

  /** After a 409 `UpdateConflict`: who holds the ticket now decides what to say. */
  private async afterStale(id: string, me: ZendeskAgent, changedMessage: string): Promise<SourceResult<Ticket>> {
    const current = await this.read(id);
    if (current.kind !== 'ok') return current;
    const holder = current.value.ticket.assignee_id;
    if (holder !== null && holder !== me.id) return this.heldBy(current.value, `#${id} was claimed by {holder} first.`);
    return this.changed(current.value, changedMessage);
  }

  private async groupFor(team: string): Promise<SourceResult<number>> {
    const byId = /^group:(\d+)$/.exec(team)?.[1];
    if (byId) return ok(Number(byId));
    const name = team.startsWith('group:') ? team.slice('group:'.length) : team;
    const groups = await this.lookups.groups();
    if (groups.kind !== 'ok') return groups;
    const found = [...groups.value.values()].find((g) => g.name.toLowerCase() === name.toLowerCase());
    return found ? ok(found.id) : fail('notFound', `${this.label} has no group named "${name}": set routing.zendesk.group in the team map.`);
  }

  private async read(id: string, signal?: AbortSignal): Promise<SourceResult<Current>> {
    if (!/^\d+$/.test(id)) return fail('notFound', `${this.label} has no ticket "${id}".`);
    const answer = await this.api.get(`/tickets/${id}`, zendeskTicketAnswerSchema, { include: SIDE_LOADS }, signal);
    if (answer.kind !== 'ok') return answer;
    const directory = new ZendeskDirectory().add(answer.value.data);
    const complete = await this.lookups.complete(directory, [answer.value.data.ticket], signal);
    if (complete.kind !== 'ok') return complete;
    return ok({ ticket: answer.value.data.ticket, directory });
  }

  private toTicket(ticket: ZendeskTicket, directory: ZendeskDirectory, comments: readonly ZendeskComment[] = []): Ticket {
    return zendeskTicketToTicket(ticket, { sourceId: this.id, origin: this.options.origin, mapping: this.options.mapping, directory }, comments);
  }

  private heldBy(current: Current, message: string): SourceResult<Ticket> {
    const ticket = this.toTicket(current.ticket, current.directory);
    return { kind: 'conflict', holder: ticket.assignee, current: ticket, message: message.replace('{holder}', ticket.assignee?.name ?? 'someone else') };
  }

  private lostTo(ticket: Ticket, message: string): SourceResult<Ticket> {
    return { kind: 'conflict', holder: ticket.assignee, current: ticket, message: message.replace('{holder}', ticket.assignee?.name ?? 'someone else') };
  }

  private changed(current: Current, message: string): SourceResult<Ticket> {
    return { kind: 'conflict', holder: null, current: this.toTicket(current.ticket, current.directory), message };
  }

  private staleTooOften(id: string): SourceResult<never> {
    return { kind: 'conflict', holder: null, message: `#${id} kept changing while ${this.label} was being written to; try again.` };
  }
}
