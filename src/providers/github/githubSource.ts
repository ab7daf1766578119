/**
 * GitHub (or GitHub Enterprise Server) issues as a ticket source.
 *
 * - **Claims**: GitHub's assignees are additive and take no precondition, so two people claiming at
 *   once both end up assigned. A claim checks the issue is free, adds us, reads again, and if
 *   anyone else holds it too, takes us off and says who: the other claim stands.
 * - **Comments are public.** GitHub issues have no internal notes. Only with a private companion
 *   repository configured (`GithubCompanion`) does the source have internal notes; otherwise it
 *   says so in its capabilities, and its public comments are posted only after the user confirms.
 * - **Hand-off**: the team label swapped, or the issue transferred to the team's repository; then
 *   the note; then the release, a failed step named with what was already done.
 * - The queue is `GithubQueue`'s.
 */
import * as z from 'zod/mini';
import type { Ticket, TicketLink } from '../../core/ticket';
import type { HttpClient } from '../http/httpClient';
import { fail, ok, type SourceResult } from '../sourceResult';
import type {
  CommentAudience,
  CreatedMergeRequest,
  Handoff,
  HistoryPage,
  HistoryRequest,
  ListRequest,
  MergeRequestDraft,
  QueuePage,
  SourceCapabilities,
  TicketSeen,
  TicketSource,
} from '../ticketSource';
import { GithubComments } from './githubComments';
import { GithubCompanion } from './githubCompanion';
import { githubHistory } from './githubHistory';
import { hasPrefix, teamLabel, type GithubLabelScheme } from './githubLabels';
import { addressOf, issueToTicket, person, ticketIdOf, type IssueAddress, type TicketContext } from './githubMapping';
import { GithubQueue } from './githubQueue';
import {
  githubIssueSchema,
  githubListSchema,
  githubPullSchema,
  githubRepositorySchema,
  githubTimelineEventSchema,
  type GithubIssue,
  type GithubPull,
} from './githubSchemas';
import { transferIssue } from './githubTransfer';

export interface GithubSourceOptions {
  readonly id: string;
  readonly label: string;
  /** `owner/name`; or, for a queue across repositories, a GitHub issue search. */
  readonly scope: { readonly repository: string } | { readonly query: string };
  readonly queueLabels: readonly string[];
  readonly scheme: GithubLabelScheme;
  /** The signed-in user's login, once known: GitHub sign-in happens on first use. */
  readonly me: () => string | undefined;
  /** `owner/name` of a private repository that keeps the tickets' internal notes. */
  readonly notesRepository?: string;
  /** Where `transferIssue` is sent (`graphqlUrl`). */
  readonly graphqlUrl: string;
  readonly elapsed?: () => number;
}

const MAX_TIMELINE_PAGES = 10;

export class GithubSource implements TicketSource {
  readonly kind = 'github';
  readonly capabilities: SourceCapabilities;

  private readonly queue: GithubQueue;
  private readonly comments: GithubComments;
  private readonly companion: GithubCompanion | undefined;
  private readonly context: TicketContext;
  private readonly audiences = new Map<string, CommentAudience>();

  constructor(
    private readonly http: HttpClient,
    private readonly options: GithubSourceOptions,
  ) {
    const repository = 'repository' in options.scope ? options.scope.repository : undefined;
    this.context = { sourceId: options.id, scheme: options.scheme, repository };
    this.queue = new GithubQueue(http, {
      context: this.context,
      label: options.label,
      queueLabels: options.queueLabels,
      query: 'query' in options.scope ? options.scope.query : undefined,
      elapsed: options.elapsed,
    });
    this.comments = new GithubComments(http, options.label);
    this.companion = options.notesRepository ? new GithubCompanion(http, options.notesRepository, options.label) : undefined;
    const privateNotes = this.companion !== undefined;
    this.capabilities = { claim: true, internalNotes: privateNotes, publicReplies: true, handoff: true, linkChanges: privateNotes, mergeRequests: true };
  }

  get id(): string {
    return this.options.id;
  }

  get label(): string {
    return this.options.label;
  }

  get me(): string | undefined {
    return this.options.me();
  }

  listQueue(request: ListRequest): Promise<SourceResult<QueuePage>> {
    return this.queue.list(request.signal);
  }

  /** Every issue created or closed since `request.since`, open or closed, pull requests left out, in pages. */
  history(request: HistoryRequest): Promise<SourceResult<HistoryPage>> {
    const query = 'query' in this.options.scope ? this.options.scope.query : undefined;
    return githubHistory(this.http, { context: this.context, label: this.options.label, query }, request);
  }

  async getTicket(id: string, signal?: AbortSignal): Promise<SourceResult<Ticket>> {
    const address = this.address(id);
    if (!address) return fail('notFound', `${id} is not an issue of ${this.label}.`);
    const issue = await this.readIssue(address, signal);
    if (issue.kind !== 'ok') return issue;
    const comments = await this.comments.all(issuePath(address), signal);
    if (comments.kind !== 'ok') return comments;
    const privateNotes = this.companion ? await this.companion.notes(address, signal) : ok([]);
    if (privateNotes.kind !== 'ok') return privateNotes;
    // Linked pull requests are context: without them the ticket still shows.
    const timeline = await this.timeline(address, signal);
    return ok(issueToTicket(issue.value, this.context, { comments: comments.value, privateNotes: privateNotes.value, timeline }));
  }

  /** Whether the ticket's comments are public, from its repository's visibility; undefined when that cannot be read. */
  async commentAudience(id: string): Promise<CommentAudience | undefined> {
    const repository = this.address(id)?.repository;
    if (!repository) return undefined;
    const known = this.audiences.get(repository.toLowerCase());
    if (known) return known;
    const answer = await this.http.get(`/repos/${repository}`, githubRepositorySchema);
    if (answer.kind !== 'ok') return undefined;
    const visibility = answer.data.visibility;
    const audience: CommentAudience =
      visibility === 'internal' || visibility === 'private' || visibility === 'public' ? visibility : answer.data.private ? 'private' : 'public';
    this.audiences.set(repository.toLowerCase(), audience);
    return audience;
  }

  async claim(seen: TicketSeen): Promise<SourceResult<Ticket>> {
    const me = this.options.me();
    if (!me) return fail('unauthorised', `Sign in to ${this.label} to claim tickets.`);
    const address = this.address(seen.id);
    if (!address) return fail('notFound', `${seen.id} is not an issue of ${this.label}.`);
    const before = await this.readIssue(address);
    if (before.kind !== 'ok') return before;
    const holder = others(before.value, me)[0];
    if (holder) return this.conflict(before.value, holder.login, `${keyOf(address)} is already claimed by ${holder.login}.`);
    if (isAssigned(before.value, me)) return this.getTicket(seen.id);
    if (before.value.updated_at !== seen.revision) {
      return {
        kind: 'conflict',
        holder: null,
        current: issueToTicket(before.value, this.context),
        message: `${keyOf(address)} changed since the queue was loaded.`,
      };
    }
    // Adding an assignee never removes one, so repeating it after a lost answer changes nothing more.
    const added = await this.assignees('POST', address, me);
    if (added.kind !== 'ok') return added;
    const after = await this.readIssue(address);
    if (after.kind !== 'ok') return after;
    const other = others(after.value, me)[0];
    if (other) {
      const removed = await this.assignees('DELETE', address, me);
      const stepAside = removed.kind === 'ok' ? '' : ` Taking you off failed (${removed.message}): you are both assigned; unassign yourself on GitHub.`;
      return this.conflict(after.value, other.login, `${keyOf(address)} was claimed by ${other.login} at the same moment; it stays theirs.${stepAside}`);
    }
    if (!isAssigned(after.value, me))
      return fail('refused', `${this.label} did not assign ${me} to ${keyOf(address)}: the account may lack write access to ${address.repository}.`);
    return this.getTicket(seen.id);
  }

  async release(seen: TicketSeen): Promise<SourceResult<Ticket>> {
    const me = this.options.me();
    if (!me) return fail('unauthorised', `Sign in to ${this.label} first.`);
    const address = this.address(seen.id);
    if (!address) return fail('notFound', `${seen.id} is not an issue of ${this.label}.`);
    const before = await this.readIssue(address);
    if (before.kind !== 'ok') return before;
    const holder = others(before.value, me)[0];
    if (holder && !isAssigned(before.value, me)) return this.conflict(before.value, holder.login, `${keyOf(address)} is held by ${holder.login}, not by you.`);
    if (!isAssigned(before.value, me)) return this.getTicket(seen.id);
    // Only we are taken off: a colleague who claimed meanwhile keeps the issue.
    const removed = await this.assignees('DELETE', address, me);
    return removed.kind === 'ok' ? this.getTicket(seen.id) : removed;
  }

  async addInternalNote(id: string, body: string): Promise<SourceResult<Ticket>> {
    const written = await this.privateNote(id, body);
    return written.kind === 'ok' ? this.getTicket(id) : written;
  }

  /** A comment on the issue: public to everyone who can read the repository. */
  async addPublicReply(id: string, body: string): Promise<SourceResult<Ticket>> {
    const written = await this.publicComment(id, body);
    return written.kind === 'ok' ? this.getTicket(id) : written;
  }

  /**
   * `team` is a team id (its label is swapped in), `label:<name>` (that label instead), or
   * `repository:<owner/name>` (the issue is transferred there). The note goes where the source's
   * notes go: the companion repository, or else a public comment, which the caller confirmed.
   */
  async handOff(seen: TicketSeen, handoff: Handoff): Promise<SourceResult<Ticket>> {
    const me = this.options.me();
    if (!me) return fail('unauthorised', `Sign in to ${this.label} first.`);
    const start = this.address(seen.id);
    if (!start) return fail('notFound', `${seen.id} is not an issue of ${this.label}.`);
    const before = await this.readIssue(start);
    if (before.kind !== 'ok') return before;
    const holder = others(before.value, me)[0];
    if (holder && !isAssigned(before.value, me))
      return this.conflict(before.value, holder.login, `${keyOf(start)} is held by ${holder.login}; only they can hand it off.`);
    let address = start;
    const target = handoff.team.startsWith('repository:') ? handoff.team.slice('repository:'.length) : undefined;
    const label = handoff.team.startsWith('label:') ? handoff.team.slice('label:'.length) : teamLabel(handoff.team, this.options.scheme);
    const move = async (): Promise<SourceResult<unknown>> => {
      if (!target) return this.swapTeamLabel(start, before.value, label);
      const moved = await transferIssue(this.http, this.options.graphqlUrl, start, target, this.label);
      if (moved.kind === 'ok') {
        address = moved.value;
        this.queue.forget(seen.id);
      }
      return moved;
    };
    const steps: [string, () => Promise<SourceResult<unknown>>][] = [
      [target ? `transfer it to ${target}` : `move it to ${handoff.team}`, move],
      [
        'add the hand-off note',
        () => (this.companion ? this.privateNote(this.idOf(address), handoff.note) : this.publicComment(this.idOf(address), handoff.note)),
      ],
      ['release the claim', () => this.assignees('DELETE', address, me)],
    ];
    const done: string[] = [];
    for (const [name, step] of steps) {
      const result = await step();
      if (result.kind !== 'ok') {
        const already = done.length > 0 ? ` Already done: ${done.join(', ')}.` : ' Nothing was changed.';
        return { ...result, message: `Could not ${name} on ${keyOf(start)}: ${result.message}${already}` };
      }
      done.push(name);
    }
    return this.getTicket(this.idOf(address));
  }

  /**
   * A pull request needs no record: GitHub shows it on the issue from its `Fixes #n`. A fix
   * branch is recorded in the companion issue, once; without one there is nowhere private to put it.
   */
  async linkChange(id: string, link: TicketLink): Promise<SourceResult<Ticket>> {
    if (link.kind === 'mergeRequest' || !this.companion) return this.getTicket(id);
    const address = this.address(id);
    if (!address) return fail('notFound', `${id} is not an issue of ${this.label}.`);
    const what = `Fix branch \`${link.name}\``;
    const notes = await this.companion.notes(address);
    if (notes.kind !== 'ok') return notes;
    if (notes.value.some((n) => (n.body ?? '').startsWith(what))) return this.getTicket(id);
    return this.addInternalNote(id, `${what} is linked to this issue.`);
  }

  async createMergeRequest(draft: MergeRequestDraft): Promise<SourceResult<CreatedMergeRequest>> {
    const address = this.address(draft.ticketId);
    if (!address) return fail('notFound', `${draft.ticketId} is not an issue of ${this.label}.`);
    const owner = address.repository.split('/')[0] ?? '';
    const open = (): Promise<SourceResult<GithubPull | undefined>> => this.openPull(address.repository, `${owner}:${draft.sourceBranch}`);
    const created = await this.http.send(
      'POST',
      `/repos/${address.repository}/pulls`,
      { title: draft.title, head: draft.sourceBranch, base: draft.targetBranch, body: draft.description, draft: draft.draft },
      githubPullSchema,
      {
        idempotent: false,
        // GitHub allows one open pull request per head branch and base: if one is open now, ours landed.
        landed: async () => {
          const found = await open();
          return found.kind === 'ok' ? found.value !== undefined : undefined;
        },
      },
    );
    if (created.kind === 'ok') return ok(createdPull(created.data));
    if (created.kind !== 'landed') return created;
    const found = await open();
    if (found.kind !== 'ok') return found;
    return found.value ? ok(createdPull(found.value)) : fail('notFound', `The pull request for ${draft.sourceBranch} was created, but is no longer open.`);
  }

  private async privateNote(id: string, body: string): Promise<SourceResult<void>> {
    const me = this.options.me();
    if (!me) return fail('unauthorised', `Sign in to ${this.label} first.`);
    if (!this.companion) return fail('refused', `GitHub issues have no internal notes, and ${this.label} has no private notes repository configured.`);
    const address = this.address(id);
    if (!address) return fail('notFound', `${id} is not an issue of ${this.label}.`);
    return this.companion.post(address, body, me);
  }

  private async publicComment(id: string, body: string): Promise<SourceResult<void>> {
    const me = this.options.me();
    if (!me) return fail('unauthorised', `Sign in to ${this.label} first.`);
    const address = this.address(id);
    if (!address) return fail('notFound', `${id} is not an issue of ${this.label}.`);
    return this.comments.post(issuePath(address), body, me);
  }

  /** Adds the new team's label, then takes the old team labels off; either, repeated, changes nothing more. */
  private async swapTeamLabel(address: IssueAddress, issue: GithubIssue, label: string): Promise<SourceResult<unknown>> {
    const added = await this.http.send('POST', `${issuePath(address)}/labels`, { labels: [label] }, githubListSchema, { idempotent: true });
    if (added.kind !== 'ok' && added.kind !== 'landed') return added;
    for (const old of issue.labels.filter((l) => hasPrefix(l, this.options.scheme.teamPrefix) && l.toLowerCase() !== label.toLowerCase())) {
      const removed = await this.http.send('DELETE', `${issuePath(address)}/labels/${encodeURIComponent(old)}`, undefined, githubListSchema, {
        idempotent: true,
      });
      // Already gone (taken off by a repeat, or by someone else): what was wanted.
      if (removed.kind !== 'ok' && removed.kind !== 'landed' && removed.kind !== 'notFound') return removed;
    }
    return ok(undefined);
  }

  private async assignees(method: 'POST' | 'DELETE', address: IssueAddress, login: string): Promise<SourceResult<unknown>> {
    const sent = await this.http.send(method, `${issuePath(address)}/assignees`, { assignees: [login] }, githubIssueSchema, { idempotent: true });
    return sent.kind === 'ok' || sent.kind === 'landed' ? ok(undefined) : sent;
  }

  private async timeline(address: IssueAddress, signal?: AbortSignal): Promise<z.infer<typeof githubTimelineEventSchema>[]> {
    const events: z.infer<typeof githubTimelineEventSchema>[] = [];
    for (let page = 1; page <= MAX_TIMELINE_PAGES; page++) {
      const answer = await this.http.get(`${issuePath(address)}/timeline`, z.array(githubTimelineEventSchema), { params: { per_page: 100, page }, signal });
      if (answer.kind !== 'ok') return events;
      events.push(...answer.data);
      if (!/rel="next"/.test(answer.header('link') ?? '')) return events;
    }
    return events;
  }

  private async openPull(repository: string, head: string): Promise<SourceResult<GithubPull | undefined>> {
    const open = await this.http.get(`/repos/${repository}/pulls`, z.array(githubPullSchema), { params: { head, state: 'open' } });
    return open.kind === 'ok' ? ok(open.data[0]) : open;
  }

  private async readIssue(address: IssueAddress, signal?: AbortSignal): Promise<SourceResult<GithubIssue>> {
    const answer = await this.http.get(issuePath(address), githubIssueSchema, { signal });
    return answer.kind === 'ok' ? ok(answer.data) : answer;
  }

  private conflict(issue: GithubIssue, login: string, message: string): SourceResult<Ticket> {
    const holder = (issue.assignees ?? []).find((a) => a.login === login);
    return { kind: 'conflict', holder: holder ? person(holder) : { id: login, name: login }, current: issueToTicket(issue, this.context), message };
  }

  private address(id: string): IssueAddress | undefined {
    return addressOf(id, this.context);
  }

  private idOf(address: IssueAddress): string {
    return ticketIdOf(address, this.context);
  }
}

function issuePath(address: IssueAddress): string {
  return `/repos/${address.repository}/issues/${address.number}`;
}

function keyOf(address: IssueAddress): string {
  return `${address.repository}#${address.number}`;
}

function others(issue: GithubIssue, me: string): NonNullable<GithubIssue['assignees']> {
  return (issue.assignees ?? []).filter((a) => a.login.toLowerCase() !== me.toLowerCase());
}

function isAssigned(issue: GithubIssue, me: string): boolean {
  return (issue.assignees ?? []).some((a) => a.login.toLowerCase() === me.toLowerCase());
}

function createdPull(pull: GithubPull): CreatedMergeRequest {
  return { url: pull.html_url, reference: `#${pull.number}` };
}
