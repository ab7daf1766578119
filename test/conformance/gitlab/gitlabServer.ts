/**
 * A GitLab on 127.0.0.1, as far as a ticket source uses one, built from GitLab's REST documentation
 * rather than from what our source sends:
 *
 * - issues of one project (`acme/support`, id 42) and its group (`acme`), listed with `state`,
 *   `labels` (all must match), `created_after/before` and `updated_after/before` (inclusive),
 *   `order_by` `created_at` (default) or `updated_at`, `sort` `desc` (default) or `asc`, `page` and
 *   `per_page` (default 20, at most 100); the `x-page`, `x-per-page`, `x-next-page`, `x-prev-page`,
 *   `Link` headers, and `x-total`/`x-total-pages` only up to 10,000 items; a weak ETag, with 304
 *   for a matching `If-None-Match`;
 * - `issues_statistics`, whose `scope` defaults to `created_by_me`, and which ignores `state`;
 * - the issue PUT without precondition: `assignee_ids` replaces, `add_labels`/`remove_labels`
 *   (comma-separated; removed, then added), `state_event` `close` and `reopen`;
 *   each change of assignees writes the system note GitLab writes, authored by whoever made it
 *   ("assigned to @a and unassigned @b");
 * - notes (default `sort=desc`, `order_by=created_at`; `internal`, or the deprecated
 *   `confidential`), merge requests (one open per source branch, a second is 409), moves, users;
 * - a `Date` header in the server's own clock, which can be set minutes from ours.
 *
 * And what a real GitLab does now and then, on demand: a colleague's write at a chosen moment of
 * one of our operations, faults, lost answers, pages without end, a malformed item.
 */
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { loopbackServer, type LoopbackServer, type RecordedRequest } from '../../support/loopbackServer';
import type { Fault, FaultTarget, Moment } from '../conformanceSubject';
import {
  issueJson,
  mergeRequestJson,
  noteJson,
  toSentence,
  userJson,
  type IssueRecord,
  type MergeRequestRecord,
  type NoteRecord,
  type UserRecord,
} from './gitlabRecords';

export const SAM: UserRecord = { id: 7, username: 'sam.taylor', name: 'Sam Taylor' };
export const MEI: UserRecord = { id: 9, username: 'mei.chen', name: 'Mei Chen' };
export const BEN: UserRecord = { id: 100, username: 'ben.cartwright', name: 'Ben Cartwright' };
const TOKENS: Readonly<Record<string, UserRecord>> = { 'glpat-test': SAM, 'glpat-mei': MEI };
export const QUEUE_LABEL = 'support-escalation';
const PROJECTS = [
  { id: 42, path: 'acme/support' },
  { id: 77, path: 'acme/billing-support' },
];
const MAIN_PROJECT = 42;

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface NewIssue {
  readonly title?: string;
  readonly description?: string;
  readonly labels?: readonly string[];
  readonly assignees?: readonly UserRecord[];
  readonly createdAt?: string;
}

export class GitlabServer {
  readonly issues = new Map<number, IssueRecord>();
  readonly mergeRequests: MergeRequestRecord[] = [];
  /** Totals are sent only up to this many items, as GitLab does above 10,000. */
  totalLimit = 10_000;
  skewMs = 0;
  /** Issues listed without their title: what a list with a malformed item looks like. */
  readonly malformed = new Set<number>();
  readonly endless = new Set<'queue' | 'comments'>();
  losingAnswers = false;
  /** Bytes of answers sent, status lines and headers included. */
  bytesSent = 0;
  private readonly users = new Map<number, UserRecord>([SAM, MEI, BEN].map((u) => [u.id, u]));
  private readonly lost = new Set<string>();
  private faults: { fault: Fault; target: FaultTarget; remaining: number }[] = [];
  private hooks: { moment: Moment; action: () => Promise<unknown> }[] = [];
  private nextId = 5000;
  private nextNoteId = 1;
  private http: LoopbackServer | undefined;

  async listen(): Promise<void> {
    this.http = await loopbackServer((request, response) => this.respond(request, response));
  }

  /** The HTTP server underneath: its `url` is the instance's base URL, its `requests` what it received. */
  get server(): LoopbackServer {
    if (!this.http) throw new Error('the GitLab fake is not listening');
    return this.http;
  }

  now(): string {
    return new Date(Date.now() + this.skewMs).toISOString();
  }

  createIssue(issue: NewIssue): IssueRecord {
    const iid = Math.max(0, ...this.issues.keys()) + 1;
    const at = issue.createdAt ?? this.now();
    const record: IssueRecord = {
      id: this.nextId++,
      iid,
      project_id: MAIN_PROJECT,
      title: issue.title ?? `Issue ${iid}`,
      description: issue.description ?? `Customer report for Issue ${iid}`,
      state: 'opened',
      labels: [...(issue.labels ?? [QUEUE_LABEL, `severity::${(iid % 4) + 1}`, 'team::search'])],
      assignees: [...(issue.assignees ?? [])],
      author: BEN,
      created_at: at,
      updated_at: at,
      closed_at: null,
      moved_to_id: null,
      notes: [],
    };
    this.issues.set(iid, record);
    return record;
  }

  /** As GitLab's issue update does it: replace, and write the system note when something changed. */
  setAssignees(issue: IssueRecord, ids: readonly number[], actor: UserRecord): void {
    const next = [...new Set(ids)].flatMap((id) => this.users.get(id) ?? []);
    const added = next.filter((u) => !issue.assignees.includes(u));
    const removed = issue.assignees.filter((u) => !next.includes(u));
    if (added.length === 0 && removed.length === 0) return;
    const names = (list: UserRecord[]): string => toSentence(list.map((u) => `@${u.username}`));
    const parts = [...(added.length > 0 ? [`assigned to ${names(added)}`] : []), ...(removed.length > 0 ? [`unassigned ${names(removed)}`] : [])];
    issue.assignees = next;
    this.addNote(issue, parts.join(' and '), false, actor, true);
  }

  addNote(issue: IssueRecord, body: string, internal: boolean, actor: UserRecord, system = false): NoteRecord {
    const note: NoteRecord = { id: this.nextNoteId++, body, author: actor, created_at: this.now(), system, internal };
    issue.notes.push(note);
    this.touch(issue);
    return note;
  }

  touch(issue: IssueRecord): void {
    issue.updated_at = this.now();
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
    const fault = this.takeFault(kind);
    if (fault?.kind === 'drop') return void response.socket?.destroy();
    if (fault?.kind === 'status') return this.send(response, this.faultAnswer(fault));
    await this.runHook((m) => m === 'beforeRead' || (kind === 'write' && m === 'betweenReadAndWrite'));
    const answer = this.handle(request);
    await this.runHook((m) => (kind === 'write' && m === 'afterWrite') || (m === 'afterFirstListPage' && isQueueList(request)));
    // A timeout: the server did the work and its answer never comes; the client gives up.
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
    if (fault.status !== 429) return json(fault.status, { message: `${fault.status} ${STATUS_TEXT[fault.status] ?? 'Error'}` });
    const headers: Record<string, string> = {};
    const wait = fault.retryAfterSeconds ?? fault.resetInSeconds;
    if (wait !== undefined) {
      const reset = Math.floor((Date.now() + this.skewMs) / 1000) + wait;
      Object.assign(headers, {
        'RateLimit-Name': 'throttle_authenticated_api',
        'RateLimit-Limit': '600',
        'RateLimit-Observed': '601',
        'RateLimit-Remaining': '0',
        'RateLimit-Reset': String(reset),
        'RateLimit-ResetTime': new Date(reset * 1000).toUTCString(),
      });
    }
    if (fault.retryAfterSeconds !== undefined) headers['Retry-After'] = String(fault.retryAfterSeconds);
    return { status: 429, headers: { 'Content-Type': 'text/plain', ...headers }, body: 'Retry later\n' };
  }

  private send(response: ServerResponse, answer: Answer): void {
    const headers = { Date: new Date(Date.now() + this.skewMs).toUTCString(), ...answer.headers };
    this.bytesSent += 17 + Object.entries(headers).reduce((sum, [k, v]) => sum + k.length + v.length + 4, 0) + Buffer.byteLength(answer.body);
    response.writeHead(answer.status, headers);
    response.end(answer.body);
  }

  private handle(request: RecordedRequest): Answer {
    const url = new URL(request.url, 'http://gitlab');
    const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (segments[0] !== 'api' || segments[1] !== 'v4') return json(404, { message: '404 Not Found' });
    const actor = TOKENS[String(request.headers['private-token'] ?? '')];
    if (!actor) return json(401, { message: '401 Unauthorized' });
    const [resource, scope, collection, iidText, sub] = segments.slice(2);
    const q = url.searchParams;
    if (resource === 'user' && scope === undefined) return json(200, userJson(actor));
    if (resource === 'users' && scope === undefined) return json(200, [...this.users.values()].filter((u) => u.username === q.get('username')).map(userJson));
    if (resource === 'groups' && scope === 'acme' && collection === 'issues') return this.listIssues(request, q, true);
    if (resource === 'groups' && scope === 'acme' && collection === 'issues_statistics') return this.statistics(q, actor);
    const project = PROJECTS.find((p) => p.path === scope || String(p.id) === scope);
    if (resource !== 'projects' || !project) return json(404, { message: '404 Project Not Found' });
    if (collection === undefined) return json(200, { id: project.id, path_with_namespace: project.path });
    if (project.id !== MAIN_PROJECT) return json(404, { message: '404 Not found' });
    if (collection === 'issues_statistics') return this.statistics(q, actor);
    if (collection === 'merge_requests') return request.method === 'POST' ? this.createMergeRequest(request, actor) : this.listMergeRequests(request, q);
    if (collection !== 'issues') return json(404, { message: '404 Not found' });
    if (iidText === undefined) return this.listIssues(request, q, false);
    const issue = this.issues.get(Number(iidText));
    if (!issue) return json(404, { message: '404 Not found' });
    if (sub === undefined && request.method === 'GET') return json(200, this.issueJson(issue));
    if (sub === undefined && request.method === 'PUT') return this.updateIssue(issue, body(request), actor);
    if (sub === 'notes' && request.method === 'GET') return this.listNotes(request, issue, q);
    if (sub === 'notes' && request.method === 'POST') return this.postNote(issue, body(request), actor);
    if (sub === 'related_merge_requests') return this.paginate(request, q, this.relatedMergeRequests(issue), false);
    if (sub === 'move' && request.method === 'POST') return this.moveIssue(issue, body(request));
    return json(405, { message: '405 Method Not Allowed' });
  }

  private issueJson(issue: IssueRecord): Record<string, unknown> {
    const shown = issueJson(issue, 'acme/support');
    if (this.malformed.has(issue.iid)) delete shown.title;
    return shown;
  }

  private matching(q: URLSearchParams): IssueRecord[] {
    const state = q.get('state') ?? 'all';
    const labels = (q.get('labels') ?? '').split(',').filter(Boolean);
    const within = (value: string, after: string | null, before: string | null): boolean =>
      (after === null || Date.parse(value) >= Date.parse(after)) && (before === null || Date.parse(value) <= Date.parse(before));
    return [...this.issues.values()].filter(
      (i) =>
        (state === 'all' || i.state === state) &&
        labels.every((l) => i.labels.includes(l)) &&
        within(i.created_at, q.get('created_after'), q.get('created_before')) &&
        within(i.updated_at, q.get('updated_after'), q.get('updated_before')),
    );
  }

  private listIssues(request: RecordedRequest, q: URLSearchParams, grouped: boolean): Answer {
    const orderBy = q.get('order_by') ?? 'created_at';
    if (orderBy !== 'created_at' && orderBy !== 'updated_at') return json(400, { error: 'order_by does not have a valid value' });
    const field = orderBy;
    const direction = q.get('sort') === 'asc' ? 1 : -1;
    const sorted = this.matching(q).sort((a, b) => direction * (Date.parse(a[field]) - Date.parse(b[field]) || a.id - b.id));
    const shown = sorted.map((issue) => {
      const item = this.issueJson(issue);
      return grouped ? { ...item, references: { short: `#${issue.iid}`, relative: `acme/support#${issue.iid}`, full: `acme/support#${issue.iid}` } } : item;
    });
    return this.paginate(request, q, shown, this.endless.has('queue'));
  }

  private statistics(q: URLSearchParams, actor: UserRecord): Answer {
    const scope = q.get('scope') ?? 'created_by_me';
    const all = this.matching(new URLSearchParams({ labels: q.get('labels') ?? '' })).filter(
      (i) => scope === 'all' || (scope === 'created_by_me' ? i.author === actor : i.assignees.includes(actor)),
    );
    const opened = all.filter((i) => i.state === 'opened').length;
    return json(200, { statistics: { counts: { all: all.length, closed: all.length - opened, opened } } });
  }

  private updateIssue(issue: IssueRecord, changes: Record<string, unknown>, actor: UserRecord): Answer {
    if (Array.isArray(changes.assignee_ids)) this.setAssignees(issue, changes.assignee_ids.map(Number), actor);
    const labelsBefore = issue.labels.join(',');
    const list = (value: unknown): string[] => (typeof value === 'string' ? value.split(',').filter(Boolean) : []);
    if (typeof changes.labels === 'string') issue.labels = list(changes.labels);
    issue.labels = issue.labels.filter((l) => !list(changes.remove_labels).includes(l));
    for (const label of list(changes.add_labels)) if (!issue.labels.includes(label)) issue.labels.push(label);
    let changed = issue.labels.join(',') !== labelsBefore;
    if (typeof changes.title === 'string' && changes.title !== issue.title) [issue.title, changed] = [changes.title, true];
    if (changes.state_event === 'close' && issue.state === 'opened') [issue.state, issue.closed_at, changed] = ['closed', this.now(), true];
    if (changes.state_event === 'reopen' && issue.state === 'closed') [issue.state, issue.closed_at, changed] = ['opened', null, true];
    if (changed) this.touch(issue);
    return json(200, this.issueJson(issue));
  }

  private listNotes(request: RecordedRequest, issue: IssueRecord, q: URLSearchParams): Answer {
    const direction = q.get('sort') === 'asc' ? 1 : -1;
    const sorted = [...issue.notes].sort((a, b) => direction * (Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id));
    return this.paginate(
      request,
      q,
      sorted.map((n) => noteJson(n, issue)),
      this.endless.has('comments'),
    );
  }

  private postNote(issue: IssueRecord, changes: Record<string, unknown>, actor: UserRecord): Answer {
    if (typeof changes.body !== 'string' || changes.body.trim() === '') return json(400, { message: '400 Bad request - Note {:note=>["can\'t be blank"]}' });
    const internal = changes.internal === true || changes.confidential === true;
    return json(201, noteJson(this.addNote(issue, changes.body, internal, actor), issue));
  }

  private relatedMergeRequests(issue: IssueRecord): Record<string, unknown>[] {
    return this.mergeRequests.filter((mr) => new RegExp(`#${issue.iid}\\b`).test(mr.description)).map((mr) => mergeRequestJson(mr, 'acme/support'));
  }

  private listMergeRequests(request: RecordedRequest, q: URLSearchParams): Answer {
    const found = this.mergeRequests.filter(
      (mr) =>
        (!q.get('source_branch') || mr.source_branch === q.get('source_branch')) &&
        (!q.get('state') || q.get('state') === 'all' || mr.state === q.get('state')),
    );
    return this.paginate(
      request,
      q,
      found.map((mr) => mergeRequestJson(mr, 'acme/support')),
      false,
    );
  }

  private createMergeRequest(request: RecordedRequest, actor: UserRecord): Answer {
    const fields = body(request);
    const { source_branch: sourceBranch, target_branch: targetBranch, title } = fields;
    if (typeof sourceBranch !== 'string' || typeof targetBranch !== 'string' || typeof title !== 'string')
      return json(400, { error: 'source_branch, target_branch, title are missing' });
    const open = this.mergeRequests.find((mr) => mr.source_branch === sourceBranch && mr.state === 'opened');
    if (open) return json(409, { message: [`Another open merge request already exists for this source branch: !${open.iid}`] });
    const mr: MergeRequestRecord = {
      id: this.nextId++,
      iid: this.mergeRequests.length + 1,
      project_id: MAIN_PROJECT,
      title,
      description: typeof fields.description === 'string' ? fields.description : '',
      source_branch: sourceBranch,
      target_branch: targetBranch,
      author: actor,
      created_at: this.now(),
      state: 'opened',
    };
    this.mergeRequests.push(mr);
    return json(201, mergeRequestJson(mr, 'acme/support'));
  }

  private moveIssue(issue: IssueRecord, fields: Record<string, unknown>): Answer {
    const target = PROJECTS.find((p) => p.id === Number(fields.to_project_id));
    if (!target || target.id === MAIN_PROJECT) return json(400, { message: '400 Bad request - Cannot move issue to project it originates from!' });
    if (issue.moved_to_id !== null) return json(400, { message: '400 Bad request - Cannot move issue due to insufficient permissions!' });
    const moved: IssueRecord = {
      ...issue,
      id: this.nextId++,
      iid: 500 + issue.iid,
      project_id: target.id,
      created_at: this.now(),
      updated_at: this.now(),
      notes: [...issue.notes],
    };
    [issue.state, issue.closed_at, issue.moved_to_id] = ['closed', this.now(), moved.id];
    this.touch(issue);
    return json(201, issueJson(moved, target.path));
  }

  private paginate(request: RecordedRequest, q: URLSearchParams, items: readonly unknown[], endless: boolean): Answer {
    const perPage = Math.min(100, Math.max(1, Number(q.get('per_page') ?? 20) || 20));
    const page = Math.max(1, Number(q.get('page') ?? 1) || 1);
    const pages = Math.max(1, Math.ceil(items.length / perPage));
    // A server that always announces another page shows the first one again and again.
    const shown = endless ? items.slice(0, perPage) : items.slice((page - 1) * perPage, page * perPage);
    const next = endless || page < pages ? String(page + 1) : '';
    const text = JSON.stringify(shown);
    const etag = `W/"${createHash('sha1').update(text).digest('hex')}"`;
    if (request.headers['if-none-match'] === etag) return { status: 304, headers: { ETag: etag }, body: '' };
    const link = (p: number, rel: string): string => {
      const u = new URL(request.url, 'https://gitlab.example.com');
      u.searchParams.set('page', String(p));
      return `<${u.toString()}>; rel="${rel}"`;
    };
    const counted = items.length <= this.totalLimit && !endless;
    const links = [
      ...(page > 1 ? [link(page - 1, 'prev')] : []),
      ...(next ? [link(page + 1, 'next')] : []),
      link(1, 'first'),
      ...(counted ? [link(pages, 'last')] : []),
    ];
    return {
      status: 200,
      headers: {
        'Content-Type': 'application/json',
        ETag: etag,
        Link: links.join(', '),
        'x-page': String(page),
        'x-per-page': String(perPage),
        'x-next-page': next,
        'x-prev-page': page > 1 ? String(page - 1) : '',
        ...(counted ? { 'x-total': String(items.length), 'x-total-pages': String(pages) } : {}),
      },
      body: text,
    };
  }
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

function json(status: number, value: unknown): Answer {
  return { status, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(value) };
}

function body(request: RecordedRequest): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(request.body || '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function isQueueList(request: RecordedRequest): boolean {
  return request.method === 'GET' && /\/(projects|groups)\/[^/]+\/issues(\?|$)/.test(request.url);
}

/** A GitLab with `count` issues in the support queue, "Issue 1" to "Issue n", created a second apart. */
export async function fakeGitlab(count = 0): Promise<GitlabServer> {
  const gitlab = new GitlabServer();
  await gitlab.listen();
  for (let i = 1; i <= count; i++) gitlab.createIssue({ createdAt: new Date(Date.now() - (count - i + 1) * 1000).toISOString() });
  return gitlab;
}

export type FakeGitlab = GitlabServer;
