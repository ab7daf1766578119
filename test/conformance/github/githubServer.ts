/**
 * A GitHub Enterprise Server on 127.0.0.1 (REST under `/api/v3`, GraphQL at `/api/graphql`), as far
 * as a ticket source uses one, built from GitHub's REST documentation and OpenAPI description
 * rather than from what our source sends:
 *
 * - issues of several repositories, pull requests among them (one number sequence per repository;
 *   the issues endpoint lists both, pull requests with a `pull_request` key), listed with `state`
 *   (default `open`), `labels` (all must match, without case), `since` (updated at or after),
 *   `sort` `created` (default) / `updated` / `comments`, `direction` (default `desc`), `page` and
 *   `per_page` (default 30, at most 100), the `Link` header; an ETag, 304 for a matching
 *   `If-None-Match`, which does not count against the rate limit;
 * - assignees added (`POST …/assignees`, never removing one) and removed (`DELETE`), silently
 *   leaving out people without push access; labels added and removed one by one (404 for a label
 *   not on the issue); comments (403 on a locked issue for people without push access); the
 *   timeline's `cross-referenced` events; pull requests (422 for a second open one from one head);
 *   the issue search (`repo:`, `is:`, `label:`, `updated:>=`, `total_count`); `transferIssue` over
 *   GraphQL, after which the old address answers 301; a deleted issue answers 410;
 * - `x-ratelimit-*` headers on every answer, and a `Date` header in the server's own clock.
 *
 * And what a real GitHub does now and then, on demand: a colleague's write at a chosen moment of
 * one of our operations, faults (a 403 or 429 secondary limit with `retry-after`, a spent primary
 * limit with its reset time), lost answers, pages without end, a malformed item.
 */
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { loopbackServer, type LoopbackServer, type RecordedRequest } from '../../support/loopbackServer';
import type { Fault, FaultTarget, Moment } from '../conformanceSubject';
import {
  commentJson,
  crossReferenceJson,
  fullUserJson,
  githubTime,
  issueJson,
  labelsJson,
  pullJson,
  repositoryJson,
  type CommentRecord,
  type IssueRecord,
  type RepositoryRecord,
  type UserRecord,
} from './githubRecords';

export const SAM: UserRecord = { id: 7, login: 'sam-taylor', name: 'Sam Taylor' };
export const MEI: UserRecord = { id: 9, login: 'mei-chen', name: 'Mei Chen' };
const BEN: UserRecord = { id: 100, login: 'ben-cartwright', name: 'Ben Cartwright' };
const TOKENS: Readonly<Record<string, UserRecord>> = { gho_sam: SAM, gho_mei: MEI };
export const QUEUE_LABEL = 'support-escalation';
export const SUPPORT = 'acme/support';
export const BILLING = 'acme/billing';
export const NOTES = 'acme/support-notes';
const RATE_LIMIT = 5_000;

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface NewIssue {
  readonly repository?: string;
  readonly title?: string;
  readonly body?: string | null;
  readonly labels?: readonly string[];
  readonly assignees?: readonly UserRecord[];
  readonly createdAt?: number;
  readonly author?: UserRecord;
  readonly pull?: IssueRecord['pull'];
}

export class GithubServer {
  readonly repositories = new Map<string, RepositoryRecord>(
    [
      { id: 1, fullName: SUPPORT, visibility: 'public' as const, nextNumber: 1 },
      { id: 2, fullName: BILLING, visibility: 'public' as const, nextNumber: 1 },
      { id: 3, fullName: NOTES, visibility: 'private' as const, nextNumber: 1 },
    ].map((r) => [r.fullName, r]),
  );
  /** Every issue and pull request, by `owner/name#number`. */
  readonly issues = new Map<string, IssueRecord>();
  /** People with push access: only they can be assigned, and comment on a locked issue. */
  readonly pushAccess = new Set<string>([SAM.login, MEI.login]);
  skewMs = 0;
  readonly malformed = new Set<string>();
  readonly endless = new Set<'queue' | 'comments'>();
  losingAnswers = false;
  /** Requests that cost a point of the primary rate limit. */
  counted = 0;
  private readonly lost = new Set<string>();
  private faults: { fault: Fault; target: FaultTarget; remaining: number }[] = [];
  private hooks: { moment: Moment; action: () => Promise<unknown> }[] = [];
  private nextId = 5000;
  private http: LoopbackServer | undefined;

  async listen(): Promise<void> {
    this.http = await loopbackServer((request, response) => this.respond(request, response));
  }

  get server(): LoopbackServer {
    if (!this.http) throw new Error('the GitHub fake is not listening');
    return this.http;
  }

  /** The REST root a client is given. */
  get apiUrl(): string {
    return `${this.server.url}/api/v3`;
  }

  now(): string {
    return githubTime(Date.now() + this.skewMs);
  }

  issue(repository: string, number: number): IssueRecord {
    const found = this.issues.get(`${repository}#${number}`);
    if (!found) throw new Error(`No issue ${repository}#${number} on the GitHub fake`);
    return found;
  }

  createIssue(issue: NewIssue): IssueRecord {
    const repository = this.repository(issue.repository ?? SUPPORT);
    const number = repository.nextNumber++;
    const at = issue.createdAt !== undefined ? githubTime(issue.createdAt) : this.now();
    const record: IssueRecord = {
      id: this.nextId++,
      repository: repository.fullName,
      number,
      title: issue.title ?? `Issue ${number}`,
      body: issue.body === undefined ? `Customer report for Issue ${number}` : issue.body,
      state: 'open',
      state_reason: null,
      labels: [...(issue.labels ?? [QUEUE_LABEL, `S${(number % 4) + 1}`, 'team:search'])],
      assignees: [...(issue.assignees ?? [])],
      locked: false,
      user: issue.author ?? BEN,
      created_at: at,
      updated_at: at,
      closed_at: null,
      comments: [],
      pull: issue.pull,
    };
    this.issues.set(`${record.repository}#${number}`, record);
    return record;
  }

  /** Adds assignees as `POST …/assignees` does: never removing one, leaving out people without push access. */
  addAssignees(issue: IssueRecord, logins: readonly string[]): void {
    const adding = logins.filter((l) => this.pushAccess.has(l) && !issue.assignees.some((a) => a.login === l)).flatMap((l) => this.user(l) ?? []);
    if (adding.length === 0) return;
    issue.assignees = [...issue.assignees, ...adding];
    this.touch(issue);
  }

  removeAssignees(issue: IssueRecord, logins: readonly string[]): void {
    const kept = issue.assignees.filter((a) => !logins.includes(a.login));
    if (kept.length === issue.assignees.length) return;
    issue.assignees = kept;
    this.touch(issue);
  }

  addComment(issue: IssueRecord, body: string, user: UserRecord): CommentRecord {
    const comment: CommentRecord = { id: this.nextId++, body, user, created_at: this.now() };
    issue.comments.push(comment);
    this.touch(issue);
    return comment;
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

  private repository(fullName: string): RepositoryRecord {
    const found = this.repositories.get(fullName);
    if (!found) throw new Error(`No repository ${fullName} on the GitHub fake`);
    return found;
  }

  private user(login: string): UserRecord | undefined {
    return [SAM, MEI, BEN].find((u) => u.login === login);
  }

  private async respond(request: RecordedRequest, response: ServerResponse): Promise<void> {
    const kind: FaultTarget = request.method === 'GET' ? 'read' : 'write';
    const fault = this.takeFault(kind);
    if (fault?.kind === 'drop') return void response.socket?.destroy();
    if (fault?.kind === 'status') return this.send(response, this.faultAnswer(fault), request);
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
    this.send(response, answer, request);
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

  /**
   * GitHub's documented answers: a secondary limit is 403 (or 429) with `retry-after`; a spent
   * primary limit is 403 (or 429) with `x-ratelimit-remaining: 0` and the reset time; a 403
   * without either is about the token.
   */
  private faultAnswer(fault: Extract<Fault, { kind: 'status' }>): Answer {
    if (fault.status === 403 && fault.retryAfterSeconds !== undefined) {
      const message = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
      return {
        status: 403,
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'retry-after': String(fault.retryAfterSeconds) },
        body: JSON.stringify({ message }),
      };
    }
    if (fault.status !== 429) {
      const message = fault.status === 403 ? 'Resource not accessible by integration' : fault.status === 401 ? 'Bad credentials' : 'Server Error';
      return json(fault.status, { message, documentation_url: 'https://docs.github.com/rest' });
    }
    const headers: Record<string, string> = {};
    if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
    if (fault.resetInSeconds !== undefined) {
      headers['x-ratelimit-remaining'] = '0';
      headers['x-ratelimit-reset'] = String(Math.floor((Date.now() + this.skewMs) / 1000) + fault.resetInSeconds);
    }
    const message = fault.retryAfterSeconds !== undefined ? 'You have exceeded a secondary rate limit.' : 'API rate limit exceeded.';
    return { status: 429, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify({ message }) };
  }

  private send(response: ServerResponse, answer: Answer, request: RecordedRequest): void {
    if (answer.status !== 304) this.counted++;
    const limits =
      answer.headers['x-ratelimit-remaining'] === undefined
        ? {
            'x-ratelimit-limit': String(RATE_LIMIT),
            'x-ratelimit-remaining': String(Math.max(0, RATE_LIMIT - this.counted)),
            'x-ratelimit-used': String(this.counted),
            'x-ratelimit-reset': String(Math.floor((Date.now() + this.skewMs) / 1000) + 3_600),
            'x-ratelimit-resource': request.url.includes('/search/') ? 'search' : 'core',
          }
        : {};
    response.writeHead(answer.status, { Date: new Date(Date.now() + this.skewMs).toUTCString(), ...limits, ...answer.headers });
    response.end(answer.body);
  }

  private handle(request: RecordedRequest): Answer {
    const url = new URL(request.url, 'http://github');
    const actor = TOKENS[/^(?:Bearer|token) (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1] ?? ''];
    if (!actor) return json(401, { message: 'Requires authentication', documentation_url: 'https://docs.github.com/rest' });
    if (url.pathname === '/api/graphql' && request.method === 'POST') return this.graphql(request, actor);
    if (!url.pathname.startsWith('/api/v3/')) return notFound();
    const segments = url.pathname.slice('/api/v3/'.length).split('/').filter(Boolean).map(decodeURIComponent);
    const q = url.searchParams;
    if (segments[0] === 'user' && segments.length === 1) return json(200, fullUserJson(actor));
    if (segments[0] === 'search' && segments[1] === 'issues') return this.search(request, q);
    if (segments[0] !== 'repos' || segments.length < 3) return notFound();
    const repository = this.repositories.get(`${segments[1]}/${segments[2]}`);
    if (!repository) return notFound();
    const [collection, numberText, sub, name] = segments.slice(3);
    if (collection === undefined) return json(200, repositoryJson(repository));
    if (collection === 'pulls' && numberText === undefined)
      return request.method === 'POST' ? this.createPull(repository, request, actor) : this.listPulls(repository, q, request);
    if (collection !== 'issues') return notFound();
    if (numberText === undefined) return request.method === 'POST' ? this.postIssue(repository, request, actor) : this.listIssues(repository, q, request);
    const issue = this.issues.get(`${repository.fullName}#${numberText}`);
    if (!issue) return notFound();
    if (issue.deleted) return json(410, { message: 'This issue was deleted', documentation_url: 'https://docs.github.com/rest/issues/issues#get-an-issue' });
    if (issue.movedTo) {
      if (request.method !== 'GET' || sub !== undefined) return json(301, { message: 'Moved Permanently' });
      const to = `${this.server.url}/api/v3/repos/${issue.movedTo.repository}/issues/${issue.movedTo.number}`;
      return { status: 301, headers: { Location: to, 'Content-Type': 'application/json' }, body: JSON.stringify({ message: 'Moved Permanently', url: to }) };
    }
    if (sub === undefined && request.method === 'GET') return json(200, this.issueJson(issue));
    if (sub === undefined && request.method === 'PATCH') return this.patchIssue(issue, body(request));
    if (sub === 'assignees' && (request.method === 'POST' || request.method === 'DELETE')) {
      const logins = stringList(body(request).assignees);
      if (request.method === 'POST') this.addAssignees(issue, logins);
      else this.removeAssignees(issue, logins);
      return json(request.method === 'POST' ? 201 : 200, this.issueJson(issue));
    }
    if (sub === 'labels') return this.labels(issue, request, name);
    if (sub === 'comments' && request.method === 'GET')
      return this.paginate(
        request,
        q,
        issue.comments.map((c) => commentJson(c, issue)),
        this.endless.has('comments'),
        30,
      );
    if (sub === 'comments' && request.method === 'POST') return this.postComment(issue, body(request), actor);
    if (sub === 'timeline' && request.method === 'GET') return this.paginate(request, q, this.crossReferences(issue), false, 30);
    return json(404, { message: 'Not Found' });
  }

  private issueJson(issue: IssueRecord): Record<string, unknown> {
    const shown = issueJson(issue);
    if (this.malformed.has(`${issue.repository}#${issue.number}`)) delete shown.title;
    return shown;
  }

  private listIssues(repository: RepositoryRecord, q: URLSearchParams, request: RecordedRequest): Answer {
    const state = q.get('state') ?? 'open';
    const labels = (q.get('labels') ?? '')
      .split(',')
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean);
    const since = q.get('since');
    const sort = q.get('sort') ?? 'created';
    const direction = q.get('direction') === 'asc' ? 1 : -1;
    const key = (i: IssueRecord): number =>
      sort === 'updated' ? Date.parse(i.updated_at) : sort === 'comments' ? i.comments.length : Date.parse(i.created_at);
    const found = [...this.issues.values()]
      .filter(
        (i) =>
          i.repository === repository.fullName &&
          !i.deleted &&
          !i.movedTo &&
          (state === 'all' || i.state === state) &&
          labels.every((l) => i.labels.some((own) => own.toLowerCase() === l)) &&
          (since === null || Date.parse(i.updated_at) >= Date.parse(since)),
      )
      .sort((a, b) => direction * (key(a) - key(b) || a.number - b.number));
    return this.paginate(
      request,
      q,
      found.map((i) => this.issueJson(i)),
      this.endless.has('queue'),
      30,
    );
  }

  private postIssue(repository: RepositoryRecord, request: RecordedRequest, actor: UserRecord): Answer {
    const fields = body(request);
    if (typeof fields.title !== 'string' || fields.title === '') return validationFailed('Issue', 'title', 'missing_field');
    const issue = this.createIssue({
      repository: repository.fullName,
      title: fields.title,
      body: typeof fields.body === 'string' ? fields.body : null,
      labels: stringList(fields.labels),
      author: actor,
      assignees: [],
    });
    return json(201, this.issueJson(issue));
  }

  private patchIssue(issue: IssueRecord, fields: Record<string, unknown>): Answer {
    if (typeof fields.title === 'string') issue.title = fields.title;
    if (Array.isArray(fields.labels)) issue.labels = stringList(fields.labels);
    if (fields.state === 'closed' && issue.state === 'open') {
      [issue.state, issue.closed_at, issue.state_reason] = ['closed', this.now(), fields.state_reason === 'not_planned' ? 'not_planned' : 'completed'];
    }
    if (fields.state === 'open' && issue.state === 'closed') [issue.state, issue.closed_at, issue.state_reason] = ['open', null, 'reopened'];
    this.touch(issue);
    return json(200, this.issueJson(issue));
  }

  private labels(issue: IssueRecord, request: RecordedRequest, name: string | undefined): Answer {
    if (request.method === 'GET') return json(200, labelsJson(issue.labels));
    if (request.method === 'POST' && name === undefined) {
      const adding = stringList(body(request).labels).filter((l) => !issue.labels.some((own) => own.toLowerCase() === l.toLowerCase()));
      if (adding.length > 0) {
        issue.labels.push(...adding);
        this.touch(issue);
      }
      return json(200, labelsJson(issue.labels));
    }
    if (request.method === 'DELETE' && name !== undefined) {
      const index = issue.labels.findIndex((l) => l.toLowerCase() === name.toLowerCase());
      if (index < 0)
        return json(404, { message: 'Label does not exist', documentation_url: 'https://docs.github.com/rest/issues/labels#remove-a-label-from-an-issue' });
      issue.labels.splice(index, 1);
      this.touch(issue);
      return json(200, labelsJson(issue.labels));
    }
    return json(404, { message: 'Not Found' });
  }

  private postComment(issue: IssueRecord, fields: Record<string, unknown>, actor: UserRecord): Answer {
    if (typeof fields.body !== 'string' || fields.body === '') return validationFailed('IssueComment', 'body', 'missing_field');
    if (issue.locked && !this.pushAccess.has(actor.login)) {
      return json(403, {
        message: 'Unable to create comment because issue is locked.',
        documentation_url: 'https://docs.github.com/articles/locking-conversations/',
      });
    }
    return json(201, commentJson(this.addComment(issue, fields.body, actor), issue));
  }

  /** Pull requests whose body mentions the issue (`#12` in its repository, `owner/name#12` anywhere). */
  private crossReferences(issue: IssueRecord): Record<string, unknown>[] {
    const local = new RegExp(`(^|[^\\w/])#${issue.number}\\b`);
    const full = new RegExp(`${issue.repository.replace('/', '\\/')}#${issue.number}\\b`);
    return [...this.issues.values()]
      .filter((p) => p.pull && !p.deleted && ((p.repository === issue.repository && local.test(p.body ?? '')) || full.test(p.body ?? '')))
      .map(crossReferenceJson);
  }

  private listPulls(repository: RepositoryRecord, q: URLSearchParams, request: RecordedRequest): Answer {
    const state = q.get('state') ?? 'open';
    const head = q.get('head');
    const owner = repository.fullName.split('/')[0];
    const found = [...this.issues.values()].filter(
      (p) => p.pull && p.repository === repository.fullName && (state === 'all' || p.state === state) && (head === null || head === `${owner}:${p.pull.head}`),
    );
    return this.paginate(request, q, found.map(pullJson), false, 30);
  }

  private createPull(repository: RepositoryRecord, request: RecordedRequest, actor: UserRecord): Answer {
    const fields = body(request);
    const { head, base, title } = fields;
    if (typeof head !== 'string' || typeof base !== 'string' || typeof title !== 'string') return validationFailed('PullRequest', 'head', 'missing_field');
    const owner = repository.fullName.split('/')[0] ?? '';
    if ([...this.issues.values()].some((p) => p.pull?.head === head && p.repository === repository.fullName && p.state === 'open')) {
      return json(422, {
        message: 'Validation Failed',
        errors: [{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${owner}:${head}.` }],
        documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
      });
    }
    const pull = this.createIssue({
      repository: repository.fullName,
      title,
      body: typeof fields.body === 'string' ? fields.body : null,
      labels: [],
      author: actor,
      pull: { head, base, draft: fields.draft === true },
    });
    return json(201, pullJson(pull));
  }

  private search(request: RecordedRequest, q: URLSearchParams): Answer {
    const terms = (q.get('q') ?? '').match(/(?:[^\s"]+|"[^"]*")+/g) ?? [];
    const filters: ((i: IssueRecord) => boolean)[] = [(i) => !i.deleted && !i.movedTo];
    for (const term of terms) {
      const [qualifier = '', ...rest] = term.split(':');
      const value = rest.join(':').replace(/^"|"$/g, '');
      if (qualifier === 'repo') filters.push((i) => i.repository.toLowerCase() === value.toLowerCase());
      else if (qualifier === 'org') filters.push((i) => i.repository.toLowerCase().startsWith(`${value.toLowerCase()}/`));
      else if (qualifier === 'is' && (value === 'issue' || value === 'pr')) filters.push((i) => (value === 'pr') === (i.pull !== undefined));
      else if (qualifier === 'is' && (value === 'open' || value === 'closed')) filters.push((i) => i.state === value);
      else if (qualifier === 'label') filters.push((i) => i.labels.some((l) => l.toLowerCase() === value.toLowerCase()));
      else if (qualifier === 'updated' && value.startsWith('>=')) filters.push((i) => Date.parse(i.updated_at) >= Date.parse(value.slice(2)));
      else return json(422, { message: 'Validation Failed', errors: [{ message: `The qualifier ${term} is not supported by this fake` }] });
    }
    const order = q.get('order') === 'asc' ? 1 : -1;
    const sort = q.get('sort');
    const found = [...this.issues.values()]
      .filter((i) => filters.every((f) => f(i)))
      .sort((a, b) => (sort === 'updated' ? order * (Date.parse(a.updated_at) - Date.parse(b.updated_at)) : 0) || a.id - b.id);
    const perPage = Math.min(100, Math.max(1, Number(q.get('per_page') ?? 30) || 30));
    const page = Math.max(1, Number(q.get('page') ?? 1) || 1);
    // The search API gives at most 1,000 results, whatever the count.
    const reachable = found.slice(0, 1_000);
    const items = reachable.slice((page - 1) * perPage, page * perPage).map((i) => ({ ...this.issueJson(i), score: 1 }));
    const next = page * perPage < reachable.length;
    const text = JSON.stringify({ total_count: found.length, incomplete_results: false, items });
    return this.conditional(
      request,
      { 'Content-Type': 'application/json; charset=utf-8', ...(next ? { Link: this.link(request, page + 1, 'next') } : {}) },
      text,
    );
  }

  private graphql(request: RecordedRequest, actor: UserRecord): Answer {
    const fields = body(request);
    const variables = (fields.variables ?? {}) as { issueId?: unknown; repositoryId?: unknown };
    if (typeof fields.query !== 'string' || !fields.query.includes('transferIssue'))
      return json(200, { errors: [{ message: 'Only transferIssue is served by this fake' }] });
    const issue = [...this.issues.values()].find((i) => `I_${i.id}` === variables.issueId && !i.movedTo && !i.deleted);
    const target = [...this.repositories.values()].find((r) => `R_${r.id}` === variables.repositoryId);
    if (!issue || !target)
      return json(200, { data: { transferIssue: null }, errors: [{ type: 'NOT_FOUND', message: 'Could not resolve to a node with the global id.' }] });
    if (!this.pushAccess.has(actor.login))
      return json(200, { data: { transferIssue: null }, errors: [{ type: 'FORBIDDEN', message: 'You do not have permission.' }] });
    if (issue.repository === target.fullName)
      return json(200, { data: { transferIssue: { issue: { number: issue.number, repository: { nameWithOwner: target.fullName } } } } });
    // The issue keeps its node id and comments, takes a number in its new repository, and its old address redirects.
    const number = target.nextNumber++;
    const old = { ...issue, comments: issue.comments, movedTo: { repository: target.fullName, number } };
    this.issues.set(`${issue.repository}#${issue.number}`, old);
    issue.repository = target.fullName;
    issue.number = number;
    this.issues.set(`${target.fullName}#${number}`, issue);
    this.touch(issue);
    return json(200, { data: { transferIssue: { issue: { number, repository: { nameWithOwner: target.fullName } } } } });
  }

  private paginate(request: RecordedRequest, q: URLSearchParams, items: readonly unknown[], endless: boolean, defaultPerPage: number): Answer {
    const perPage = Math.min(100, Math.max(1, Number(q.get('per_page') ?? defaultPerPage) || defaultPerPage));
    const page = Math.max(1, Number(q.get('page') ?? 1) || 1);
    const pages = Math.max(1, Math.ceil(items.length / perPage));
    const shown = endless ? items.slice(0, perPage) : items.slice((page - 1) * perPage, page * perPage);
    const links = [
      ...(endless || page < pages ? [this.link(request, page + 1, 'next')] : []),
      ...(!endless ? [this.link(request, pages, 'last')] : []),
      ...(page > 1 ? [this.link(request, 1, 'first'), this.link(request, page - 1, 'prev')] : []),
    ];
    return this.conditional(request, { 'Content-Type': 'application/json; charset=utf-8', Link: links.join(', ') }, JSON.stringify(shown));
  }

  private link(request: RecordedRequest, page: number, rel: string): string {
    const u = new URL(request.url, this.server.url);
    u.searchParams.set('page', String(page));
    return `<${u.toString()}>; rel="${rel}"`;
  }

  /** GitHub's ETags are per answer and per token; a matching `If-None-Match` is a 304 with no body. */
  private conditional(request: RecordedRequest, headers: Record<string, string>, text: string): Answer {
    const etag = `W/"${createHash('sha1').update(String(request.headers.authorization)).update(text).digest('hex')}"`;
    if (request.headers['if-none-match'] === etag) return { status: 304, headers: { ETag: etag }, body: '' };
    return { status: 200, headers: { ...headers, ETag: etag }, body: text };
  }
}

function json(status: number, value: unknown): Answer {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify(value) };
}

function notFound(): Answer {
  return json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
}

function validationFailed(resource: string, field: string, code: string): Answer {
  return json(422, { message: 'Validation Failed', errors: [{ resource, field, code }], documentation_url: 'https://docs.github.com/rest' });
}

function body(request: RecordedRequest): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(request.body || '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function isQueueList(request: RecordedRequest): boolean {
  return request.method === 'GET' && (/\/repos\/[^/]+\/[^/]+\/issues(\?|$)/.test(request.url) || request.url.includes('/search/issues'));
}

export async function fakeGithub(): Promise<GithubServer> {
  const github = new GithubServer();
  await github.listen();
  return github;
}
