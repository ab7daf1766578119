/**
 * A GitLab project's issues as a ticket source. Claims follow the rule for systems without
 * locking: read, check the issue is unassigned (or mine), write, then look at what the write did:
 * GitLab's system notes name anyone it unassigned, and they are put back (see `restoreDisplaced`).
 * Notes are never posted twice. A hand-off is labels, then the note, then the release; a failed
 * step is named, with what was already done. Severity and status are labels (and the issue's
 * state), added and removed one by one after the same check against what was seen as a claim's.
 * The queue is `GitlabQueue`'s.
 */
import * as z from 'zod/mini';
import type { Ticket, TicketLink } from '../../core/ticket';
import type { HttpClient } from '../http/httpClient';
import { fail, ok, type SourceFailure, type SourceResult } from '../sourceResult';
import type {
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
  TriagedSeverity,
} from '../ticketSource';
import { changedSinceSeen } from '../triageConflict';
import { displacedBy } from './assignmentNotes';
import {
  CLOSING_STATUSES,
  ISSUE_STATES,
  isSeverityLabel,
  issueToTicket,
  LABELLED_STATUSES,
  person,
  severityLabelFor,
  type GitlabLabelScheme,
} from './gitlabMapping';
import { gitlabHistory, type GitlabHistoryOptions } from './gitlabHistory';
import { GitlabNotes, settle } from './gitlabNotes';
import { GitlabQueue } from './gitlabQueue';
import { gitlabIssueSchema, gitlabMergeRequestSchema, gitlabUserSchema, type GitlabIssue, type GitlabMergeRequest, type GitlabUser } from './gitlabSchemas';

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
  /** A monotonic clock in ms, for the interval between full reads of the queue. */
  readonly elapsed?: () => number;
}

/** Rounds of putting back colleagues displaced by our writes: each round only finds someone who slipped in during the last. */
const MAX_RESTORE_ROUNDS = 3;

export class GitlabSource implements TicketSource {
  readonly kind = 'gitlab';
  readonly capabilities: SourceCapabilities = {
    claim: true,
    internalNotes: true,
    publicReplies: true,
    handoff: true,
    linkChanges: true,
    mergeRequests: true,
    setSeverity: true,
    setStatus: true,
  };
  readonly statuses: readonly string[];

  private readonly queue: GitlabQueue;
  private readonly notes: GitlabNotes;
  private readonly historyOptions: GitlabHistoryOptions;

  constructor(
    private readonly http: HttpClient,
    private readonly options: GitlabSourceOptions,
  ) {
    this.historyOptions = {
      sourceId: options.id,
      label: options.label,
      scheme: options.scheme,
      grouped: 'group' in options.scope,
      scopePath: 'group' in options.scope ? `/groups/${encodeURIComponent(options.scope.group)}` : `/projects/${encodeURIComponent(options.scope.project)}`,
    };
    this.queue = new GitlabQueue(http, { ...this.historyOptions, queueLabels: options.queueLabels, elapsed: options.elapsed });
    this.notes = new GitlabNotes(http, options.label);
    this.statuses = options.scheme.statusPrefix ? LABELLED_STATUSES : ISSUE_STATES;
  }

  get id(): string {
    return this.options.id;
  }

  get label(): string {
    return this.options.label;
  }

  get me(): string | undefined {
    return this.options.me?.username;
  }

  /** The whole queue in one page: `GitlabQueue` pages through GitLab itself, so that no page can shift under it. */
  listQueue(request: ListRequest): Promise<SourceResult<QueuePage>> {
    return this.queue.list(request.signal);
  }

  /** Every issue of the project or group created or closed since `request.since`, open or closed, in pages. */
  history(request: HistoryRequest): Promise<SourceResult<HistoryPage>> {
    return gitlabHistory(this.http, this.historyOptions, request);
  }

  async getTicket(id: string, signal?: AbortSignal): Promise<SourceResult<Ticket>> {
    const issue = await this.readIssue(id, signal);
    if (issue.kind !== 'ok') return issue;
    const notes = await this.notes.all(this.issuePath(id), signal);
    if (notes.kind !== 'ok') return notes;
    const related = await this.http.get(`${this.issuePath(id)}/related_merge_requests`, z.array(gitlabMergeRequestSchema), { signal });
    // Linked merge requests are extra context: without them the ticket still shows.
    const mergeRequests = related.kind === 'ok' ? related.data : [];
    return ok(issueToTicket(issue.value, notes.value, this.id, this.options.scheme, mergeRequests, this.grouped));
  }

  async createMergeRequest(draft: MergeRequestDraft): Promise<SourceResult<CreatedMergeRequest>> {
    const title = draft.draft && !/^draft:/i.test(draft.title) ? `Draft: ${draft.title}` : draft.title;
    const project = this.projectPath(draft.ticketId);
    const created = await this.http.send(
      'POST',
      `${project}/merge_requests`,
      { source_branch: draft.sourceBranch, target_branch: draft.targetBranch, title, description: draft.description, remove_source_branch: true },
      gitlabMergeRequestSchema,
      {
        idempotent: false,
        // GitLab allows one open merge request per source branch: if one is open now, ours landed.
        landed: async () => {
          const open = await this.openMergeRequest(project, draft.sourceBranch);
          return open.kind === 'ok' ? open.value !== undefined : undefined;
        },
      },
    );
    if (created.kind === 'landed') {
      const open = await this.openMergeRequest(project, draft.sourceBranch);
      if (open.kind !== 'ok') return open;
      if (!open.value) return fail('notFound', `The merge request for ${draft.sourceBranch} was created, but is no longer open.`);
      return ok(createdMergeRequest(open.value));
    }
    if (created.kind !== 'ok') return created;
    return ok(createdMergeRequest(created.data));
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
    const restored = await this.writeAssignees(seen.id, [me.id], me);
    if (restored.kind !== 'ok') return restored;
    const after = await this.readIssue(seen.id);
    if (after.kind !== 'ok') return after;
    // Someone assigned between our read and our write (put back), or just after it: theirs either way.
    const other = restored.value[0] ?? after.value.assignees.find((a) => a.id !== me.id);
    if (other || !after.value.assignees.some((a) => a.id === me.id)) {
      return this.conflict(after.value, other ?? null, `#${seen.id} was claimed by ${other?.name ?? 'someone else'} at the same moment; it stays theirs.`);
    }
    const opened = await this.openIfNew(seen.id, after.value);
    if (opened.kind !== 'ok') return { ...opened, message: `#${seen.id} is yours, but could not be marked open: ${opened.message}` };
    return this.getTicket(seen.id);
  }

  async setSeverity(seen: TicketSeen, severity: TriagedSeverity): Promise<SourceResult<Ticket>> {
    const label = severityLabelFor(severity, this.options.scheme);
    if (!label) return fail('invalidResponse', `${this.label} has no label for S${severity} in its "severityLabels".`);
    return this.triage(
      seen,
      (current) => current.severity === severity,
      (issue) => ({
        add_labels: label,
        remove_labels: issue.labels.filter((l) => l !== label && isSeverityLabel(l, this.options.scheme)).join(',') || undefined,
      }),
    );
  }

  async setStatus(seen: TicketSeen, status: string): Promise<SourceResult<Ticket>> {
    if (!this.statuses.includes(status)) return fail('invalidResponse', `${this.label} has no status "${status}"; it takes ${this.statuses.join(', ')}.`);
    const prefix = this.options.scheme.statusPrefix;
    return this.triage(
      seen,
      (current) => current.status === status,
      (issue) => {
        const closing = CLOSING_STATUSES.has(status);
        const stateEvent = closing && issue.state !== 'closed' ? 'close' : !closing && issue.state === 'closed' ? 'reopen' : undefined;
        if (!prefix) return { state_event: stateEvent };
        const label = `${prefix}${status}`;
        return {
          state_event: stateEvent,
          add_labels: label,
          remove_labels: issue.labels.filter((l) => l !== label && l.startsWith(prefix)).join(',') || undefined,
        };
      },
    );
  }

  async release(seen: TicketSeen): Promise<SourceResult<Ticket>> {
    const me = this.options.me;
    if (!me) return fail('unauthorised', `Sign in to ${this.label} first.`);
    const before = await this.readIssue(seen.id);
    if (before.kind !== 'ok') return before;
    const holder = before.value.assignees.find((a) => a.id !== me.id);
    if (holder) return this.conflict(before.value, holder, `#${seen.id} is held by ${holder.name}, not by you.`);
    if (before.value.assignees.length === 0) return this.getTicket(seen.id);
    const written = await this.writeAssignees(seen.id, [], me);
    return written.kind === 'ok' ? this.getTicket(seen.id) : written;
  }

  addInternalNote(id: string, body: string): Promise<SourceResult<Ticket>> {
    return this.addNote(id, body, true);
  }

  addPublicReply(id: string, body: string): Promise<SourceResult<Ticket>> {
    return this.addNote(id, body, false);
  }

  async handOff(seen: TicketSeen, handoff: Handoff): Promise<SourceResult<Ticket>> {
    const me = this.options.me;
    if (!me) return fail('unauthorised', `Sign in to ${this.label} first.`);
    const before = await this.readIssue(seen.id);
    if (before.kind !== 'ok') return before;
    const holder = before.value.assignees.find((a) => a.id !== me.id);
    if (holder) return this.conflict(before.value, holder, `#${seen.id} is held by ${holder.name}; only they can hand it off.`);
    const oldTeams = before.value.labels.filter((l) => l.startsWith(this.options.scheme.teamPrefix));
    const note: [string, () => Promise<SourceResult<unknown>>] = ['add the hand-off note', () => this.postNote(seen.id, handoff.note, true, me)];
    const release: [string, () => Promise<SourceResult<unknown>>] = ['release the claim', () => this.writeAssignees(seen.id, [], me)];
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
    const notes = await this.notes.all(this.issuePath(id));
    if (notes.kind !== 'ok') return notes;
    // Recording the same link twice changes nothing.
    if (notes.value.some((n) => n.body.startsWith(what))) return this.getTicket(id);
    return this.addNote(id, `${what} is linked to this issue.`, true);
  }

  /**
   * Read, compare with what was seen, write. GitLab's update takes no precondition, so the check is
   * as good as the read: a change landing between it and the write is not seen. The write adds and
   * removes single labels, never replacing the list, so a colleague's other labels survive.
   */
  private async triage(
    seen: TicketSeen,
    alreadySo: (current: Ticket) => boolean,
    changes: (issue: GitlabIssue) => Record<string, unknown>,
  ): Promise<SourceResult<Ticket>> {
    if (!this.options.me) return fail('unauthorised', `Sign in to ${this.label} first.`);
    const before = await this.readIssue(seen.id);
    if (before.kind !== 'ok') return before;
    const current = issueToTicket(before.value, [], this.id, this.options.scheme, [], this.grouped);
    if (alreadySo(current)) return this.getTicket(seen.id);
    if (before.value.updated_at !== seen.revision) return changedSinceSeen(current);
    const written = await this.updateIssue(seen.id, changes(before.value));
    return written.kind === 'ok' ? this.getTicket(seen.id) : written;
  }

  /** Where labels carry the status, a claim takes a new issue to open: someone is on it. */
  private async openIfNew(id: string, issue: GitlabIssue): Promise<SourceResult<unknown>> {
    const prefix = this.options.scheme.statusPrefix;
    if (!prefix || !issue.labels.includes(`${prefix}new`)) return ok(undefined);
    return this.updateIssue(id, { add_labels: `${prefix}open`, remove_labels: `${prefix}new` });
  }

  private async addNote(id: string, body: string, internal: boolean): Promise<SourceResult<Ticket>> {
    const me = this.options.me;
    if (!me) return fail('unauthorised', `Sign in to ${this.label} first.`);
    const posted = await this.postNote(id, body, internal, me);
    return posted.kind === 'ok' ? this.getTicket(id) : posted;
  }

  private postNote(id: string, body: string, internal: boolean, me: GitlabUser): Promise<SourceResult<unknown>> {
    return this.notes.post(this.issuePath(id), body, internal, me);
  }

  /**
   * Sets the assignees, then puts back anyone the write displaced: the PUT takes no precondition,
   * so a colleague assigned between our read and our write would be dropped without a word.
   * Returns who was put back.
   */
  private async writeAssignees(id: string, assigneeIds: readonly number[], me: GitlabUser): Promise<SourceResult<GitlabUser[]>> {
    const before = await this.notes.newestId(this.issuePath(id));
    if (before.kind !== 'ok') return before;
    const written = await this.updateIssue(id, { assignee_ids: assigneeIds });
    // Unreachable or cancelled after sending: the write may have landed, unchecked.
    if (written.kind !== 'ok') return written.kind === 'offline' || written.kind === 'cancelled' ? unchecked(id, written) : written;
    const restored = await this.restoreDisplaced(id, me, before.value);
    return restored.kind === 'ok' ? restored : unchecked(id, restored);
  }

  /**
   * GitLab writes a system note for every change of assignees, naming whom it unassigned
   * ("assigned to @me and unassigned @mei"). Anyone our own notes since `afterNote` unassigned,
   * other than us, is put back and we step aside; anyone else keeps what they have. A claim that
   * lands while this runs is caught by the next round, up to a bound.
   */
  private async restoreDisplaced(id: string, me: GitlabUser, afterNote: number): Promise<SourceResult<GitlabUser[]>> {
    const restored: GitlabUser[] = [];
    let seen = afterNote;
    for (let round = 0; round < MAX_RESTORE_ROUNDS; round++) {
      const newer = await this.notes.since(this.issuePath(id), seen);
      if (newer.kind !== 'ok') return newer;
      seen = Math.max(seen, ...newer.value.map((n) => n.id));
      const names = displacedBy(newer.value, me).filter((name) => !restored.some((u) => u.username === name));
      if (names.length === 0) return ok(restored);
      const users = await this.usersNamed(names);
      if (users.kind !== 'ok') return users;
      const current = await this.readIssue(id);
      if (current.kind !== 'ok') return current;
      const others = current.value.assignees.filter((a) => a.id !== me.id && !users.value.some((u) => u.id === a.id));
      const written = await this.updateIssue(id, { assignee_ids: [...users.value, ...others].map((u) => u.id) });
      if (written.kind !== 'ok') return written;
      restored.push(...users.value);
    }
    return ok(restored);
  }

  /** Users by username (system notes name people, the PUT wants ids); one deleted since is left out. */
  private async usersNamed(usernames: readonly string[]): Promise<SourceResult<GitlabUser[]>> {
    const users: GitlabUser[] = [];
    for (const username of usernames) {
      const found = await this.http.get('/users', z.array(gitlabUserSchema), { params: { username } });
      if (found.kind !== 'ok') return found;
      const user = found.data.find((u) => u.username.toLowerCase() === username.toLowerCase());
      if (user) users.push(user);
    }
    return ok(users);
  }

  private async openMergeRequest(project: string, sourceBranch: string): Promise<SourceResult<GitlabMergeRequest | undefined>> {
    const open = await this.http.get(`${project}/merge_requests`, z.array(gitlabMergeRequestSchema), {
      params: { source_branch: sourceBranch, state: 'opened' },
    });
    return open.kind === 'ok' ? ok(open.data[0]) : open;
  }

  /** GitLab wants the target's numeric id; a path is looked up first. */
  private async moveIssue(id: string, project: string): Promise<SourceResult<GitlabIssue | undefined>> {
    let target = project;
    if (!/^\d+$/.test(project)) {
      const found = await this.http.get(`/projects/${encodeURIComponent(project)}`, z.looseObject({ id: z.number() }));
      if (found.kind !== 'ok') return found;
      target = String(found.data.id);
    }
    // Moving twice is refused by GitLab rather than duplicated, so a retry cannot make two copies.
    return settle(await this.http.send('POST', `${this.issuePath(id)}/move`, { to_project_id: Number(target) }, gitlabIssueSchema, { idempotent: true }));
  }

  private async readIssue(id: string, signal?: AbortSignal): Promise<SourceResult<GitlabIssue>> {
    const answer = await this.http.get(this.issuePath(id), gitlabIssueSchema, { signal });
    return answer.kind === 'ok' ? ok(answer.data) : answer;
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

/** A failure after a change of assignees may have landed: say what could not be checked. */
function unchecked(id: string, failure: SourceFailure): SourceFailure {
  return {
    ...failure,
    message: `${failure.message} The assignees of #${id} may have changed; whether a colleague was assigned at the same moment could not be checked: look at the issue's history.`,
  };
}

function createdMergeRequest(mr: GitlabMergeRequest): CreatedMergeRequest {
  return { url: mr.web_url, reference: mr.references?.short ?? `!${mr.iid}` };
}
