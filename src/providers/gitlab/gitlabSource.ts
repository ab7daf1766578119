/**
 * A GitLab project's issues as a ticket source. Claims follow the rule for systems without
 * locking: read, check the issue is unassigned (or mine), write, re-read, and report a lost race
 * with who holds it. Notes are never posted twice. A hand-off is labels, then the note, then the
 * release; a failed step is named, with what was already done.
 */
import * as z from 'zod/mini';
import type { Ticket, TicketLink } from '../../core/ticket';
import { fieldMessages } from '../../core/zodMessages';
import type { HttpClient, HttpResult, Landed } from '../http/httpClient';
import { fail, ok, type SourceResult } from '../sourceResult';
import type {
  CreatedMergeRequest,
  Handoff,
  ListRequest,
  MergeRequestDraft,
  QueuePage,
  QueueProblem,
  SourceCapabilities,
  TicketSeen,
  TicketSource,
} from '../ticketSource';
import { issueToTicket, person, ticketIdOf, type GitlabLabelScheme } from './gitlabMapping';
import {
  gitlabIssueSchema,
  gitlabListSchema,
  gitlabMergeRequestSchema,
  gitlabNoteSchema,
  type GitlabIssue,
  type GitlabNote,
  type GitlabUser,
} from './gitlabSchemas';

export interface GitlabSourceOptions {
  readonly id: string;
  readonly label: string;
  /** Project path (`acme/support`) or numeric id; or a group, for a queue across its projects. */
  readonly scope: { readonly project: string } | { readonly group: string };
  /** The queue: issues with all of these labels. */
  readonly queueLabels: readonly string[];
  readonly scheme: GitlabLabelScheme;
  /** The signed-in user, from `GET /user` at sign-in. */
  readonly me: GitlabUser | undefined;
}

const PAGE_SIZE = 100;

export class GitlabSource implements TicketSource {
  readonly kind = 'gitlab';
  readonly capabilities: SourceCapabilities = { claim: true, internalNotes: true, publicReplies: true, handoff: true, linkChanges: true, mergeRequests: true };

  constructor(
    private readonly http: HttpClient,
    private readonly options: GitlabSourceOptions,
  ) {}

  get id(): string {
    return this.options.id;
  }

  get label(): string {
    return this.options.label;
  }

  get me(): string | undefined {
    return this.options.me?.username;
  }

  /**
   * The queue. The first load reads every page (the next page from `x-next-page`, never from
   * `x-total`, which GitLab leaves out above 10,000 issues); later refreshes ask only for issues
   * updated since the last one, in any state and with any labels, and merge them: an issue that
   * was closed or lost the queue label leaves the queue.
   */
  async listQueue(request: ListRequest): Promise<SourceResult<QueuePage>> {
    if (!request.cursor && this.synced) return this.refreshChanged(this.synced, request.signal);
    const page = request.cursor ?? '1';
    if (page === '1') this.cache.clear();
    const answer = await this.issuePage({ state: 'opened', labels: this.options.queueLabels.join(',') || undefined, page }, request.signal);
    if (answer.kind !== 'ok') return answer;
    for (const ticket of answer.value.tickets) this.cache.set(ticket.id, ticket);
    if (!answer.value.nextCursor) this.synced = this.latestUpdate();
    return answer;
  }

  private readonly cache = new Map<string, Ticket>();
  /** `updated_at` of the newest issue seen: where the next refresh starts. */
  private synced: string | undefined;

  private async refreshChanged(since: string, signal?: AbortSignal): Promise<SourceResult<QueuePage>> {
    const problems: QueueProblem[] = [];
    for (let page: string | undefined = '1'; page;) {
      const answer = await this.issuePage({ state: 'all', updated_after: since, page }, signal);
      if (answer.kind !== 'ok') return answer;
      problems.push(...answer.value.problems);
      for (const ticket of answer.value.tickets) {
        const inQueue = ticket.status === 'opened' && this.options.queueLabels.every((l) => this.rawLabels.get(ticket.id)?.includes(l));
        if (inQueue) this.cache.set(ticket.id, ticket);
        else this.cache.delete(ticket.id);
      }
      page = answer.value.nextCursor;
    }
    this.synced = this.latestUpdate() ?? since;
    return ok({ tickets: [...this.cache.values()], problems });
  }

  /** Labels as GitLab has them (the ticket keeps only the unscoped ones). */
  private readonly rawLabels = new Map<string, readonly string[]>();

  /** The last answer to each page request, with its ETag: an unchanged page costs no body. */
  private readonly pages = new Map<string, { etag: string; page: QueuePage }>();

  private async issuePage(params: Record<string, string | undefined>, signal: AbortSignal | undefined): Promise<SourceResult<QueuePage>> {
    const query = { ...params, per_page: PAGE_SIZE, order_by: 'updated_at' };
    const key = JSON.stringify(query);
    const known = this.pages.get(key);
    const answer = await this.http.get(this.issuesPath(), gitlabListSchema, { params: query, signal, etag: known?.etag });
    if (answer.kind === 'notModified') return ok(known?.page ?? { tickets: [], problems: [] });
    if (answer.kind !== 'ok') return answer;
    const tickets: Ticket[] = [];
    const problems: QueueProblem[] = [];
    answer.data.forEach((raw, index) => {
      const parsed = gitlabIssueSchema.safeParse(raw, fieldMessages('the issue'));
      if (parsed.success) {
        tickets.push(issueToTicket(parsed.data, [], this.id, this.options.scheme, [], this.grouped));
        this.rawLabels.set(ticketIdOf(parsed.data, this.grouped), parsed.data.labels);
      } else {
        const issue = parsed.error.issues[0];
        const iid = (raw as { iid?: unknown } | null)?.iid;
        problems.push({
          sourceId: this.id,
          location: `${this.label}, page ${params.page}, item ${index}${typeof iid === 'number' ? ` (#${iid})` : ''}`,
          field: issue?.path.join('.'),
          message: issue?.message ?? 'invalid',
        });
      }
    });
    const next = answer.header('x-next-page');
    const page: QueuePage = { tickets, problems, nextCursor: next && next !== '' ? next : undefined };
    const etag = answer.header('etag');
    if (etag) this.pages.set(key, { etag, page });
    return ok(page);
  }

  private latestUpdate(): string | undefined {
    let latest: string | undefined;
    for (const ticket of this.cache.values()) if (!latest || ticket.revision > latest) latest = ticket.revision;
    return latest;
  }

  async getTicket(id: string, signal?: AbortSignal): Promise<SourceResult<Ticket>> {
    const issue = await this.readIssue(id, signal);
    if (issue.kind !== 'ok') return issue;
    const notes = await this.readNotes(id, signal);
    if (notes.kind !== 'ok') return notes;
    const related = await this.http.get(`${this.issuePath(id)}/related_merge_requests`, z.array(gitlabMergeRequestSchema), { signal });
    // Linked merge requests are extra context: without them the ticket still shows.
    const mergeRequests = related.kind === 'ok' ? related.data : [];
    return ok(issueToTicket(issue.value, notes.value, this.id, this.options.scheme, mergeRequests, this.grouped));
  }

  async createMergeRequest(draft: MergeRequestDraft): Promise<SourceResult<CreatedMergeRequest>> {
    const title = draft.draft && !/^draft:/i.test(draft.title) ? `Draft: ${draft.title}` : draft.title;
    const created = await this.http.send(
      'POST',
      `${this.projectPath(draft.ticketId)}/merge_requests`,
      { source_branch: draft.sourceBranch, target_branch: draft.targetBranch, title, description: draft.description, remove_source_branch: true },
      gitlabMergeRequestSchema,
      {
        idempotent: false,
        // GitLab allows one open merge request per source branch: if ours exists, it landed.
        landed: async () => {
          const open = await this.http.get(`${this.projectPath(draft.ticketId)}/merge_requests`, z.array(gitlabMergeRequestSchema), {
            params: { source_branch: draft.sourceBranch, state: 'opened' },
          });
          return open.kind === 'ok' && open.data.length > 0;
        },
      },
    );
    if (created.kind === 'landed')
      return fail('invalidResponse', `The merge request for ${draft.sourceBranch} was created, but GitLab's answer was lost; find it in the project.`);
    if (created.kind !== 'ok') return created;
    return ok({ url: created.data.web_url, reference: created.data.references?.short ?? `!${created.data.iid}` });
  }

  async claim(seen: TicketSeen): Promise<SourceResult<Ticket>> {
    const me = this.options.me;
    if (!me) return fail('unauthorised', `Sign in to ${this.label} to claim tickets.`);
    const before = await this.readIssue(seen.id);
    if (before.kind !== 'ok') return before;
    const holder = before.value.assignees.find((a) => a.id !== me.id);
    if (holder) return this.conflict(before.value, holder, `#${seen.id} is already claimed by ${holder.name}.`);
    if (before.value.assignees.some((a) => a.id === me.id)) return this.getTicket(seen.id);
    if (before.value.updated_at !== seen.revision) {
      return {
        kind: 'conflict',
        holder: null,
        current: issueToTicket(before.value, [], this.id, this.options.scheme, [], this.grouped),
        message: `#${seen.id} changed since the queue was loaded.`,
      };
    }
    const written = await this.updateIssue(seen.id, { assignee_ids: [me.id] });
    if (written.kind !== 'ok') return written;
    // No locking in GitLab: read again, and if someone else's claim landed too, say so.
    const after = await this.readIssue(seen.id);
    if (after.kind !== 'ok') return after;
    const other = after.value.assignees.find((a) => a.id !== me.id);
    if (other || !after.value.assignees.some((a) => a.id === me.id)) {
      return this.conflict(after.value, other ?? null, `#${seen.id} was claimed by ${other?.name ?? 'someone else'} at the same moment; it stays theirs.`);
    }
    return this.getTicket(seen.id);
  }

  async release(seen: TicketSeen): Promise<SourceResult<Ticket>> {
    const me = this.options.me;
    if (!me) return fail('unauthorised', `Sign in to ${this.label} first.`);
    const before = await this.readIssue(seen.id);
    if (before.kind !== 'ok') return before;
    const holder = before.value.assignees.find((a) => a.id !== me.id);
    if (holder) return this.conflict(before.value, holder, `#${seen.id} is held by ${holder.name}, not by you.`);
    if (before.value.assignees.length === 0) return this.getTicket(seen.id);
    const written = await this.updateIssue(seen.id, { assignee_ids: [] });
    return written.kind === 'ok' ? this.getTicket(seen.id) : written;
  }

  addInternalNote(id: string, body: string): Promise<SourceResult<Ticket>> {
    return this.addNote(id, body, true);
  }

  addPublicReply(id: string, body: string): Promise<SourceResult<Ticket>> {
    return this.addNote(id, body, false);
  }

  async handOff(seen: TicketSeen, handoff: Handoff): Promise<SourceResult<Ticket>> {
    const before = await this.readIssue(seen.id);
    if (before.kind !== 'ok') return before;
    const me = this.options.me;
    const holder = before.value.assignees.find((a) => a.id !== me?.id);
    if (holder) return this.conflict(before.value, holder, `#${seen.id} is held by ${holder.name}; only they can hand it off.`);
    const oldTeams = before.value.labels.filter((l) => l.startsWith(this.options.scheme.teamPrefix));
    const note: [string, () => Promise<SourceResult<unknown>>] = ['add the hand-off note', () => this.addNote(seen.id, handoff.note, true)];
    const release: [string, () => Promise<SourceResult<unknown>>] = ['release the claim', () => this.updateIssue(seen.id, { assignee_ids: [] })];
    const project = handoff.team.startsWith('project:') ? handoff.team.slice('project:'.length) : undefined;
    const label = handoff.team.startsWith('label:') ? handoff.team.slice('label:'.length) : `${this.options.scheme.teamPrefix}${handoff.team}`;
    // A move copies the notes and closes this issue, so the note and the release come first.
    const steps: [string, () => Promise<SourceResult<unknown>>][] = project
      ? [note, release, [`move it to the project ${project}`, () => this.moveIssue(seen.id, project)]]
      : [
          [
            `move it to ${handoff.team}`,
            () => this.updateIssue(seen.id, { add_labels: label, remove_labels: oldTeams.filter((l) => l !== label).join(',') || undefined }),
          ],
          note,
          release,
        ];
    const done: string[] = [];
    for (const [name, step] of steps) {
      const result = await step();
      if (result.kind !== 'ok') {
        const already = done.length > 0 ? ` Already done: ${done.join(', ')}.` : ' Nothing was changed.';
        return { ...result, message: `Could not ${name} on #${seen.id}: ${result.message}${already}` };
      }
      done.push(name);
    }
    return this.getTicket(seen.id);
  }

  async linkChange(id: string, link: TicketLink): Promise<SourceResult<Ticket>> {
    const what = link.kind === 'branch' ? `Fix branch \`${link.name}\`` : `Merge request ${link.url ?? link.name}`;
    const notes = await this.readNotes(id);
    if (notes.kind !== 'ok') return notes;
    // Recording the same link twice changes nothing.
    if (notes.value.some((n) => n.body.startsWith(what))) return this.getTicket(id);
    return this.addNote(id, `${what} is linked to this issue.`, true);
  }

  private async addNote(id: string, body: string, internal: boolean): Promise<SourceResult<Ticket>> {
    const startedAt = Date.now() - 60_000;
    const sent = await this.http.send('POST', `${this.issuePath(id)}/notes`, { body, internal }, gitlabNoteSchema, {
      idempotent: false,
      // Before re-sending after a lost answer: is our note there already?
      landed: async () => {
        const notes = await this.readNotes(id);
        return notes.kind === 'ok' && notes.value.some((n) => n.body === body && n.author.id === this.options.me?.id && Date.parse(n.created_at) >= startedAt);
      },
    });
    const outcome = settle(sent);
    return outcome.kind === 'ok' ? this.getTicket(id) : outcome;
  }

  /** GitLab wants the target's numeric id; a path is looked up first. */
  private async moveIssue(id: string, project: string): Promise<SourceResult<GitlabIssue | undefined>> {
    let target = project;
    if (!/^\d+$/.test(project)) {
      const found = await this.http.get(`/projects/${encodeURIComponent(project)}`, z.looseObject({ id: z.number() }));
      if (found.kind === 'notModified') return fail('invalidResponse', `${this.label} answered "not modified" for ${project}.`);
      if (found.kind !== 'ok') return found;
      target = String(found.data.id);
    }
    // Moving twice is refused by GitLab rather than duplicated, so a retry cannot make two copies.
    return settle(await this.http.send('POST', `${this.issuePath(id)}/move`, { to_project_id: Number(target) }, gitlabIssueSchema, { idempotent: true }));
  }

  private async readIssue(id: string, signal?: AbortSignal): Promise<SourceResult<GitlabIssue>> {
    const answer = await this.http.get(this.issuePath(id), gitlabIssueSchema, { signal });
    if (answer.kind === 'notModified') return fail('invalidResponse', `${this.label} answered "not modified" to an unconditional read.`);
    return answer.kind === 'ok' ? ok(answer.data) : answer;
  }

  /** Every note, page by page. */
  private async readNotes(id: string, signal?: AbortSignal): Promise<SourceResult<GitlabNote[]>> {
    const notes: GitlabNote[] = [];
    for (let page = '1'; page;) {
      const answer = await this.http.get(`${this.issuePath(id)}/notes`, z.array(gitlabNoteSchema), {
        params: { per_page: PAGE_SIZE, page, sort: 'asc' },
        signal,
      });
      if (answer.kind === 'notModified') break;
      if (answer.kind !== 'ok') return answer;
      notes.push(...answer.data);
      page = answer.header('x-next-page') ?? '';
    }
    return ok(notes);
  }

  private async updateIssue(id: string, changes: Record<string, unknown>): Promise<SourceResult<GitlabIssue | undefined>> {
    // Setting assignees or labels to a value is idempotent: repeating the PUT changes nothing more.
    return settle(await this.http.send('PUT', this.issuePath(id), changes, gitlabIssueSchema, { idempotent: true }));
  }

  private conflict(issue: GitlabIssue, holder: GitlabUser | null, message: string): SourceResult<Ticket> {
    return {
      kind: 'conflict',
      holder: holder ? person(holder) : null,
      current: issueToTicket(issue, [], this.id, this.options.scheme, [], this.grouped),
      message,
    };
  }

  private get grouped(): boolean {
    return 'group' in this.options.scope;
  }

  private issuesPath(): string {
    const { scope } = this.options;
    return 'group' in scope ? `/groups/${encodeURIComponent(scope.group)}/issues` : `/projects/${encodeURIComponent(scope.project)}/issues`;
  }

  /** The project a ticket lives in: the source's own, or (in a group) the one its id names. */
  private projectPath(ticketId: string): string {
    const { scope } = this.options;
    if ('project' in scope) return `/projects/${encodeURIComponent(scope.project)}`;
    const project = /^(\d+)-\d+$/.exec(ticketId)?.[1];
    if (!project) throw new Error(`Not a GitLab issue of a group: ${ticketId}`);
    return `/projects/${project}`;
  }

  private issuePath(id: string): string {
    const iid = this.grouped ? /^\d+-(\d+)$/.exec(id)?.[1] : /^\d+$/.exec(id)?.[0];
    if (!iid) throw new Error(`Not a GitLab issue number: ${id}`);
    return `${this.projectPath(id)}/issues/${iid}`;
  }
}

function settle<T>(result: HttpResult<T> | Landed): SourceResult<T | undefined> {
  if (result.kind === 'landed') return ok(undefined);
  return result.kind === 'ok' ? ok(result.data) : result;
}
