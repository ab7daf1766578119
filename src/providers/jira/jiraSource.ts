/**
 * Jira (Cloud or Data Center, with or without Jira Service Management) as a ticket source. The queue
 * is `JiraQueue`'s. A claim reads, checks the assignee, sets it, reads again with the changelog and
 * puts back a colleague our write replaced (see `displacedBy`). Internal notes are service desk
 * comments with `public: false`, or comments restricted to a configured role or group; a source
 * with neither has none. A hand-off sets the team (a field or the component), optionally runs a
 * named transition, adds the note, clears the assignee; a failed step is named with what was
 * already done. Fix branches are remote links whose `globalId` makes recording one twice an update.
 */
import type { Ticket, TicketLink } from '../../core/ticket';
import type { HttpClient } from '../http/httpClient';
import { fail, ok, type SourceFailure, type SourceResult } from '../sourceResult';
import type { Handoff, HistoryPage, HistoryRequest, ListRequest, QueuePage, SourceCapabilities, TicketSeen, TicketSource } from '../ticketSource';
import { JiraApi, type JiraSite } from './jiraApi';
import { displacedBy } from './jiraAssignment';
import { cloudBodies, dataCenterBodies, type JiraBodies } from './jiraBodies';
import { JiraComments, type CommentRoute, type CommentVisibility, type IssueAt } from './jiraComments';
import { jiraHistory } from './jiraHistory';
import { jiraIssueToTicket, jiraPerson, jiraUserId, remoteLinkFor, type JiraMapping } from './jiraMapping';
import { RecentWrites } from './jiraRecentWrites';
import { JiraQueue, type JiraScope } from './jiraQueue';
import { jiraIssueSchema, jiraRemoteLinkAnswerSchema, jiraRemoteLinkSchema, jiraTransitionsSchema, noContentSchema, type JiraIssue } from './jiraSchemas';
import * as z from 'zod/mini';

export interface JiraMe {
  /** `accountId` on Cloud, the user `name` on Data Center: what the assignee endpoint takes. */
  readonly id: string;
  readonly name: string;
}

export interface JiraSourceOptions {
  readonly id: string;
  readonly label: string;
  /** `https://acme.atlassian.net`, or a Data Center site with its context path. */
  readonly siteUrl: string;
  readonly scope: JiraScope;
  readonly mapping: JiraMapping;
  readonly me?: JiraMe;
  /** The credential in words ("the API token of sam@example.com"), for a refusal to name it. */
  readonly credential?: string;
  /** On plain Jira, the role or group an internal note is restricted to; without it there are no internal notes. */
  readonly internalVisibility?: CommentVisibility;
  /** A transition (by name) a hand-off runs after moving the issue to the team. */
  readonly handoffTransition?: string;
  /** The issues whose history the rotation reads, open and resolved; by default the queue's JQL. */
  readonly historyJql?: string;
  /** The kind of site when already known (from sign-in); otherwise read from `serverInfo`. */
  readonly site?: JiraSite;
  /** A monotonic clock in ms: how long the source's own writes are kept over Cloud's lagging search. */
  readonly elapsed?: () => number;
}

/** Rounds of putting back colleagues replaced by our writes: each round only finds someone who slipped in during the last. */
const MAX_RESTORE_ROUNDS = 3;

/** An issue read before a write of mine, with who holds it: me or nobody. */
interface HeldIssue {
  readonly me: JiraMe;
  readonly at: IssueAt;
  readonly before: JiraIssue;
  readonly holder: string | undefined;
}

export class JiraSource implements TicketSource {
  readonly kind = 'jira';
  readonly capabilities: SourceCapabilities;
  private readonly api: JiraApi;
  private readonly queue: JiraQueue;
  private readonly comments: JiraComments;
  private readonly recent: RecentWrites;

  constructor(
    http: HttpClient,
    private readonly options: JiraSourceOptions,
  ) {
    this.api = new JiraApi(http, options.label, options.credential, options.site);
    this.recent = new RecentWrites(options.elapsed ?? (() => performance.now()));
    this.queue = new JiraQueue(this.api, { ...options, sourceId: options.id, bodies: bodiesOf }, this.recent);
    this.comments = new JiraComments(this.api, options.label);
    const internalNotes = this.serviceDesk !== undefined || options.internalVisibility !== undefined;
    // A hand-off note goes where the customer cannot read it, or there is no hand-off.
    this.capabilities = { claim: true, internalNotes, publicReplies: true, handoff: internalNotes, linkChanges: true };
  }

  get id(): string {
    return this.options.id;
  }

  get label(): string {
    return this.options.label;
  }

  get me(): string | undefined {
    return this.options.me?.id;
  }

  listQueue(request: ListRequest): Promise<SourceResult<QueuePage>> {
    return this.queue.list(request.signal);
  }

  async getTicket(id: string, signal?: AbortSignal): Promise<SourceResult<Ticket>> {
    const at = await this.issueAt(id, signal);
    if (at.kind !== 'ok') return at;
    const issue = await this.readIssue(at.value, signal);
    if (issue.kind !== 'ok') return issue;
    const comments = await this.comments.all(at.value.path, signal);
    if (comments.kind !== 'ok') return comments;
    const links = await this.api.get(`${at.value.path}/remotelink`, z.array(jiraRemoteLinkSchema), {}, signal);
    if (links.kind !== 'ok') return links;
    const sla = this.serviceDesk !== undefined ? await this.queue.sla(issue.value.key, signal) : undefined;
    return ok(
      jiraIssueToTicket(issue.value, this.context(at.value.bodies), {
        comments: comments.value,
        links: links.value,
        sla: sla?.kind === 'ok' ? sla.value : undefined,
      }),
    );
  }

  async claim(seen: TicketSeen): Promise<SourceResult<Ticket>> {
    const held = await this.beforeMyWrite(seen.id, `Sign in to ${this.label} to claim tickets.`, (key) => `${key} is already claimed by {holder}.`);
    if (held.kind !== 'ok') return held;
    const { me, at, before, holder } = held.value;
    if (holder === me.id) return this.afterWrite(seen.id);
    if (before.fields.updated !== seen.revision) return this.changed(before, at, `${before.key} changed since the queue was loaded.`);
    const written = await this.assign(at, me.id, before.fields.updated, null);
    if (written.kind !== 'ok') return written;
    const after = await this.readIssue(at);
    if (after.kind !== 'ok') return after;
    // Someone assigned between our read and our write (put back), or just after it: theirs either way.
    if (written.value.length > 0 || jiraUserId(after.value.fields.assignee) !== me.id)
      return this.conflict(after.value, at, `${after.value.key} was claimed by {holder} at the same moment; it stays theirs.`);
    return this.afterWrite(seen.id);
  }

  async release(seen: TicketSeen): Promise<SourceResult<Ticket>> {
    const held = await this.beforeMyWrite(seen.id, `Sign in to ${this.label} first.`, (key) => `${key} is held by {holder}, not by you.`);
    if (held.kind !== 'ok') return held;
    const { me, at, before, holder } = held.value;
    if (holder === undefined) return this.afterWrite(seen.id);
    const written = await this.assign(at, null, before.fields.updated, me.id);
    if (written.kind !== 'ok') return written;
    const after = await this.readIssue(at);
    if (after.kind !== 'ok') return after;
    if (after.value.fields.assignee) return this.conflict(after.value, at, `${after.value.key} was claimed by {holder} as you released it; it stays theirs.`);
    return this.afterWrite(seen.id);
  }

  addInternalNote(id: string, body: string): Promise<SourceResult<Ticket>> {
    return this.comment(id, body, true);
  }

  addPublicReply(id: string, body: string): Promise<SourceResult<Ticket>> {
    return this.comment(id, body, false);
  }

  async handOff(seen: TicketSeen, handoff: Handoff): Promise<SourceResult<Ticket>> {
    const held = await this.beforeMyWrite(seen.id, `Sign in to ${this.label} first.`, (key) => `${key} is held by {holder}; only they can hand it off.`);
    if (held.kind !== 'ok') return held;
    const { me, at, before } = held.value;
    const transition = this.options.handoffTransition;
    const steps: [string, () => Promise<SourceResult<unknown>>][] = [
      [`move it to ${handoff.team}`, () => this.moveToTeam(at, handoff.team)],
      ...(transition
        ? [[`run the transition "${transition}"`, () => this.transition(at, transition, before)] as [string, () => Promise<SourceResult<unknown>>]]
        : []),
      ['add the hand-off note', () => this.comments.post(at, handoff.note, this.route(at.bodies, true), me.id)],
      ['release the claim', () => this.assign(at, null, before.fields.updated, me.id)],
    ];
    const done: string[] = [];
    for (const [name, step] of steps) {
      const result = await step();
      if (result.kind !== 'ok') {
        const already = done.length > 0 ? ` Already done: ${done.join(', ')}.` : ' Nothing was changed.';
        return { ...result, message: `Could not ${name} on ${before.key}: ${result.message}${already}` };
      }
      done.push(name);
    }
    return this.afterWrite(seen.id);
  }

  async linkChange(id: string, link: TicketLink): Promise<SourceResult<Ticket>> {
    const at = await this.issueAt(id);
    if (at.kind !== 'ok') return at;
    const issue = await this.readIssue(at.value);
    if (issue.kind !== 'ok') return issue;
    const url = `${this.options.siteUrl.replace(/\/+$/, '')}/browse/${issue.value.key}`;
    // The same globalId updates the link it names: posting it again changes nothing.
    const posted = await this.api.send('POST', `${at.value.path}/remotelink`, remoteLinkFor(link, url), jiraRemoteLinkAnswerSchema, { idempotent: true });
    return posted.kind === 'ok' ? this.afterWrite(id) : posted;
  }

  async history(request: HistoryRequest): Promise<SourceResult<HistoryPage>> {
    const site = await this.api.kind(request.signal);
    if (site.kind !== 'ok') return site;
    return jiraHistory(this.api, this.queue, { ...this.options, serviceDesk: this.serviceDesk, site: site.value, bodies: bodiesOf(site.value) }, request);
  }

  private async comment(id: string, body: string, internal: boolean): Promise<SourceResult<Ticket>> {
    const me = this.options.me;
    if (!me) return fail('unauthorised', `Sign in to ${this.label} first.`);
    if (internal && !this.capabilities.internalNotes)
      return fail('refused', `${this.label} has no internal notes: set "internalCommentVisibility" to a role or group, or use a service desk queue.`);
    const at = await this.issueAt(id);
    if (at.kind !== 'ok') return at;
    const posted = await this.comments.post(at.value, body, this.route(at.value.bodies, internal), me.id);
    return posted.kind === 'ok' ? this.afterWrite(id) : posted;
  }

  private route(bodies: JiraBodies, internal: boolean): CommentRoute {
    // The service desk API takes its comments as wiki markup on every kind of site.
    if (this.serviceDesk !== undefined) return { kind: 'serviceDesk', public: !internal, bodies: dataCenterBodies };
    return { kind: 'platform', visibility: internal ? this.options.internalVisibility : undefined, bodies };
  }

  /**
   * Sets the assignee (null: clears it), then puts back anyone our write replaced other than
   * `expected`, and steps aside. Returns who was put back.
   */
  private async assign(at: IssueAt, assignee: string | null, since: string, expected: string | null): Promise<SourceResult<string[]>> {
    const me = this.options.me?.id ?? '';
    // Setting the assignee to a value is idempotent: repeating the PUT changes nothing more.
    const written = await this.putAssignee(at, assignee);
    if (written.kind !== 'ok') return written.kind === 'offline' || written.kind === 'cancelled' ? unchecked(at.id, written) : written;
    const restored: string[] = [];
    for (let round = 0; round < MAX_RESTORE_ROUNDS; round++) {
      const after = await this.readIssue(at, undefined, true);
      if (after.kind !== 'ok') return unchecked(at.id, after);
      const displaced = displacedBy(after.value.changelog?.histories ?? [], me, since, expected).filter((p) => !restored.includes(p));
      const put = displaced.at(-1);
      if (put === undefined) return ok(restored);
      const current = jiraUserId(after.value.fields.assignee) ?? null;
      // Someone who took it after our write keeps it; only our own write is undone.
      if (current !== assignee) return ok(restored);
      const back = await this.putAssignee(at, put);
      if (back.kind !== 'ok')
        return {
          ...back,
          message: `${back.message} A colleague's claim on ${at.id} was replaced by ours and could not be put back: look at the issue's history.`,
        };
      restored.push(...displaced);
    }
    return ok(restored);
  }

  private async putAssignee(at: IssueAt, assignee: string | null): Promise<SourceResult<unknown>> {
    const site = await this.api.kind();
    if (site.kind !== 'ok') return site;
    const body = site.value === 'cloud' ? { accountId: assignee } : { name: assignee };
    return this.api.send('PUT', `${at.path}/assignee`, body, noContentSchema, { idempotent: true });
  }

  /** The team field (or the component) the team map's `routing.jira` names, or the team id in the configured team field. */
  private moveToTeam(at: IssueAt, team: string): Promise<SourceResult<unknown>> {
    const { teamField, teamFieldIsSelect } = this.options.mapping;
    const component = team.startsWith('component:') ? team.slice('component:'.length) : undefined;
    const value = team.startsWith('team:') ? team.slice('team:'.length) : team;
    const fields =
      component !== undefined || teamField === undefined || teamField === 'components'
        ? { components: [{ name: component ?? value }] }
        : { [teamField]: teamFieldIsSelect ? { value } : value };
    return this.api.send('PUT', at.path, { fields }, noContentSchema, { idempotent: true });
  }

  /** Runs the transition by name; after a lost answer it landed when the status moved on. */
  private async transition(at: IssueAt, name: string, before: JiraIssue): Promise<SourceResult<unknown>> {
    const offered = await this.api.get(`${at.path}/transitions`, jiraTransitionsSchema);
    if (offered.kind !== 'ok') return offered;
    const found = offered.value.transitions.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (!found)
      return fail(
        'notFound',
        `${before.key} offers no transition "${name}" now (it offers ${offered.value.transitions.map((t) => `"${t.name}"`).join(', ') || 'none'}).`,
      );
    const landed = async (): Promise<boolean | undefined> => {
      const now = await this.readIssue(at);
      return now.kind === 'ok' ? now.value.fields.status?.name !== before.fields.status?.name : undefined;
    };
    return this.api.send('POST', `${at.path}/transitions`, { transition: { id: found.id } }, noContentSchema, { idempotent: false, landed });
  }

  /**
   * Me, and the issue as it is before a write only its holder or anyone while nobody holds it may
   * make: a conflict, worded by `heldByOther` (`{holder}` is their name), when someone else holds it.
   */
  private async beforeMyWrite(id: string, signIn: string, heldByOther: (key: string) => string): Promise<SourceResult<HeldIssue>> {
    const me = this.options.me;
    if (!me) return fail('unauthorised', signIn);
    const at = await this.issueAt(id);
    if (at.kind !== 'ok') return at;
    const before = await this.readIssue(at.value);
    if (before.kind !== 'ok') return before;
    const holder = jiraUserId(before.value.fields.assignee);
    if (holder !== undefined && holder !== me.id) return this.conflict(before.value, at.value, heldByOther(before.value.key));
    return ok({ me, at: at.value, before: before.value, holder });
  }

  /** The ticket after our write; on Cloud it is kept over the lagging search until the search agrees. */
  private async afterWrite(id: string): Promise<SourceResult<Ticket>> {
    const ticket = await this.getTicket(id);
    if (ticket.kind === 'ok') this.recent.remember(ticket.value);
    return ticket;
  }

  private async issueAt(id: string, signal?: AbortSignal): Promise<SourceResult<IssueAt>> {
    if (!/^\d+$|^[A-Za-z][A-Za-z0-9_]*-\d+$/.test(id)) return fail('notFound', `${this.label} has no issue "${id}".`);
    const site = await this.api.kind(signal);
    if (site.kind !== 'ok') return site;
    const bodies = bodiesOf(site.value);
    return ok({ id, path: `${bodies.api}/issue/${id}`, bodies });
  }

  private async readIssue(at: IssueAt, signal?: AbortSignal, changelog = false): Promise<SourceResult<JiraIssue>> {
    return this.api.get(at.path, jiraIssueSchema, { fields: '*navigable', expand: changelog ? 'changelog' : undefined }, signal);
  }

  private context(bodies: JiraBodies): Parameters<typeof jiraIssueToTicket>[1] {
    return { sourceId: this.id, siteUrl: this.options.siteUrl, mapping: this.options.mapping, bodies };
  }

  private conflict(issue: JiraIssue, at: IssueAt, message: string): SourceResult<never> {
    const ticket = jiraIssueToTicket(issue, this.context(at.bodies));
    const holder = issue.fields.assignee ? jiraPerson(issue.fields.assignee) : null;
    return { kind: 'conflict', holder, current: ticket, message: message.replace('{holder}', holder?.name ?? 'someone else') };
  }

  private changed(issue: JiraIssue, at: IssueAt, message: string): SourceResult<Ticket> {
    return { kind: 'conflict', holder: null, current: jiraIssueToTicket(issue, this.context(at.bodies)), message };
  }

  private get serviceDesk(): string | undefined {
    return 'serviceDesk' in this.options.scope ? this.options.scope.serviceDesk : undefined;
  }
}

function bodiesOf(site: JiraSite): JiraBodies {
  return site === 'cloud' ? cloudBodies : dataCenterBodies;
}

/** A failure after a change of assignee may have landed: say what could not be checked. */
function unchecked(id: string, failure: SourceFailure): SourceFailure {
  return {
    ...failure,
    message: `${failure.message} The assignee of ${id} may have changed; whether a colleague was assigned at the same moment could not be checked: look at the issue's history.`,
  };
}
