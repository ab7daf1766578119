/**
 * A Jira site on 127.0.0.1, Cloud or Data Center, as far as a ticket source uses one, built from
 * Atlassian's REST references rather than from what our source sends:
 *
 * - `GET /rest/api/2/serverInfo` (`deploymentType`), unauthenticated; `myself` on v2 and v3;
 * - Cloud: e-mail and API token (Basic); Data Center: a personal access token (Bearer);
 * - Cloud's enhanced search `POST /rest/api/3/search/jql`: `fields` (only `id` when none are
 *   asked for), `maxResults` (at most 100), `nextPageToken`, whose token is a position in the
 *   order, and `isLast`; the old `GET /rest/api/2/search` is gone there (410). Data Center's
 *   `GET /rest/api/2/search`: `startAt`, `maxResults`, `total`, `fields` (all when absent);
 *   both on a JQL subset (`jql.ts`), and both able to lag behind the issues (`freezeSearch`);
 * - issues on v2 and v3 (`fields`, `expand=changelog`), edits of `fields`, the assignee endpoint
 *   (`accountId` on Cloud, `name` on Data Center) writing a changelog history that names whom it
 *   replaced, comments (offset paged, `visibility`), remote links (a `globalId` updates the link it
 *   names), transitions;
 * - the service desk API: a service desk, a queue's issues, a request's SLAs, request comments
 *   with `public`;
 * - 429 with `Retry-After`, or with `X-RateLimit-Remaining: 0` and `X-RateLimit-Reset` as a date;
 *   a `Date` header in the server's own clock, which can be set minutes from ours.
 *
 * And what a real site does now and then, on demand: a colleague's write at a chosen moment of one
 * of our operations, faults, lost answers, pages without end, a malformed issue, a sign-in page
 * answered in place of JSON.
 */
import type { ServerResponse } from 'node:http';
import { loopbackServer, type LoopbackServer, type RecordedRequest } from '../../support/loopbackServer';
import type { Fault, FaultTarget, Moment } from '../conformanceSubject';
import { parseJql } from './jql';
import {
  commentJson,
  historyJson,
  isAdf,
  issueFields,
  jiraTime,
  REGION_FIELD,
  TEAM_FIELD,
  TEAM_OPTIONS,
  userId,
  userJson,
  type Flavour,
  type IssueRecord,
  type UserRecord,
} from './jiraRecords';

export const SAM: UserRecord = { accountId: '5b10a2844c20165700ede21g', name: 'sam', displayName: 'Sam Taylor', email: 'sam.taylor@example.com' };
export const MEI: UserRecord = { accountId: '5b10ac8d82e05b22cc7d4ef5', name: 'mei', displayName: 'Mei Chen', email: 'mei.chen@example.com' };
const LENA: UserRecord = {
  accountId: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077',
  name: 'lena',
  displayName: 'Lena Fischer',
  email: 'lena@nordlicht.example',
};
export const API_TOKEN = 'atl-sam';
export const PAT = 'pat-sam';
export const QUEUE_LABEL = 'support-escalation';
export const QUEUE_JQL = `project = SUP AND labels = ${QUEUE_LABEL} AND statusCategory != Done ORDER BY priority DESC`;
export const SERVICE_DESK = '4';
export const QUEUE_ID = '12';
export const INTERNAL_ROLE = 'Developers';
const PRIORITIES = ['Highest', 'High', 'Medium', 'Low'];
const MAX_RESULTS = 100;
const TRANSITIONS = [
  { id: '11', name: 'Triage', to: { name: 'Triage', category: 'indeterminate' as const } },
  { id: '21', name: 'In Progress', to: { name: 'In Progress', category: 'indeterminate' as const } },
  { id: '31', name: 'Done', to: { name: 'Done', category: 'done' as const } },
];
const KNOWN_FIELDS = [
  'project',
  'labels',
  'statuscategory',
  'status',
  'id',
  'key',
  'issuekey',
  'created',
  'updated',
  'resolved',
  'assignee',
  'resolution',
  'priority',
];

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface NewIssue {
  readonly summary?: string;
  readonly description?: string;
  readonly assignee?: UserRecord | null;
  readonly createdAt?: number;
  readonly labels?: readonly string[];
}

export class JiraServer {
  readonly issues = new Map<string, IssueRecord>();
  readonly malformed = new Set<string>();
  readonly endless = new Set<'queue' | 'comments'>();
  skewMs = 0;
  losingAnswers = false;
  /** Every REST path answers with a sign-in page, as a site behind single sign-on does for a refused session. */
  loginPage = false;
  /** While set, searches find issues as they were when it was taken. */
  private searchIndex: Map<string, IssueRecord> | undefined;
  private readonly lost = new Set<string>();
  private faults: { fault: Fault; target: FaultTarget; remaining: number }[] = [];
  private hooks: { moment: Moment; action: () => Promise<unknown> }[] = [];
  private next = 1;
  private nextId = 20_000;
  private http: LoopbackServer | undefined;

  constructor(readonly flavour: Flavour) {}

  async listen(): Promise<void> {
    this.http = await loopbackServer((request, response) => this.respond(request, response));
  }

  get server(): LoopbackServer {
    if (!this.http) throw new Error('the Jira fake is not listening');
    return this.http;
  }

  nowMs(): number {
    return Date.now() + this.skewMs;
  }

  /** A moment later than any before: Jira's times have milliseconds, and two writes in one must still be told apart. */
  private stamp(): string {
    return jiraTime(this.nowMs());
  }

  createIssue(issue: NewIssue = {}): IssueRecord {
    const n = this.next++;
    const at = jiraTime(issue.createdAt ?? this.nowMs());
    const record: IssueRecord = {
      id: String(10_000 + n),
      key: `SUP-${n}`,
      summary: issue.summary ?? `Issue ${n}`,
      description: issue.description ?? `Customer report for issue ${n}`,
      status: { name: 'Open', category: 'new' },
      priority: PRIORITIES[n % 4] ?? 'Medium',
      assignee: issue.assignee ?? null,
      reporter: LENA,
      labels: [...(issue.labels ?? [QUEUE_LABEL])],
      components: [],
      team: TEAM_OPTIONS[0] ?? null,
      region: n % 2 === 0 ? 'APAC' : null,
      created: at,
      updated: at,
      resolutiondate: null,
      histories: [],
      comments: [],
      remoteLinks: [],
      slas: [],
    };
    this.issues.set(record.id, record);
    return record;
  }

  /** As a person's change in Jira's own web interface: it simply lands, with its history. */
  assign(issue: IssueRecord, to: UserRecord | null, actor: UserRecord): void {
    if ((issue.assignee?.accountId ?? null) === (to?.accountId ?? null)) return;
    const from = issue.assignee;
    issue.assignee = to;
    this.history(issue, actor, [
      {
        field: 'assignee',
        from: from ? userId(from, this.flavour) : null,
        fromString: from?.displayName ?? null,
        to: to ? userId(to, this.flavour) : null,
        toString: to?.displayName ?? null,
      },
    ]);
  }

  edit(issue: IssueRecord, actor: UserRecord, change: (issue: IssueRecord) => void): void {
    change(issue);
    this.history(issue, actor, []);
  }

  delete(id: string): void {
    this.issues.delete(id);
  }

  freezeSearch(): void {
    this.searchIndex = new Map([...this.issues].map(([id, issue]) => [id, structuredClone(issue)]));
  }

  thawSearch(): void {
    this.searchIndex = undefined;
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

  private history(issue: IssueRecord, actor: UserRecord, items: IssueRecord['histories'][number]['items']): void {
    issue.updated = this.stamp();
    if (items.length > 0) issue.histories.push({ id: String(this.nextId++), author: actor, created: issue.updated, items });
  }

  private async respond(request: RecordedRequest, response: ServerResponse): Promise<void> {
    const search = isSearch(request);
    const kind: FaultTarget = request.method === 'GET' || search ? 'read' : 'write';
    const fault = this.takeFault(kind);
    if (fault?.kind === 'drop') return void response.socket?.destroy();
    if (fault?.kind === 'status') return this.send(response, this.faultAnswer(fault));
    await this.runHook((m) => m === 'beforeRead' || (kind === 'write' && m === 'betweenReadAndWrite'));
    const answer = this.handle(request);
    await this.runHook((m) => (kind === 'write' && m === 'afterWrite') || (m === 'afterFirstListPage' && search));
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
    if (fault.status !== 429) return json(fault.status, { errorMessages: [`Status ${fault.status}`], errors: {} });
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (fault.retryAfterSeconds !== undefined) headers['Retry-After'] = String(fault.retryAfterSeconds);
    // Jira Cloud names the end of a spent limit as a date, in its own clock.
    if (fault.resetInSeconds !== undefined)
      Object.assign(headers, {
        'X-RateLimit-Limit': '100',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': new Date(this.nowMs() + fault.resetInSeconds * 1000).toISOString(),
      });
    return { status: 429, headers, body: JSON.stringify({ errorMessages: ['Rate limit exceeded.'] }) };
  }

  private send(response: ServerResponse, answer: Answer): void {
    response.writeHead(answer.status, { Date: new Date(this.nowMs()).toUTCString(), ...answer.headers });
    response.end(answer.body);
  }

  private handle(request: RecordedRequest): Answer {
    const url = new URL(request.url, 'http://jira');
    const q = url.searchParams;
    const path = url.pathname.replace(/\/+$/, '');
    if (this.loginPage) return { status: 200, headers: { 'Content-Type': 'text/html;charset=UTF-8' }, body: LOGIN_PAGE };
    if (path === '/rest/api/2/serverInfo')
      return json(200, {
        baseUrl: this.server.url,
        version: this.flavour === 'cloud' ? '1001.0.0-SNAPSHOT' : '9.12.4',
        deploymentType: this.flavour === 'cloud' ? 'Cloud' : 'DataCenter',
      });
    const actor = this.authenticate(String(request.headers.authorization ?? ''));
    if (!actor) return json(401, { errorMessages: ['You are not authenticated. Authentication required to perform this operation.'], errors: {} });
    const platform = /^\/rest\/api\/([23])\/(.*)$/.exec(path);
    if (platform) {
      const version = Number(platform[1]) as 2 | 3;
      if (version === 3 && this.flavour === 'dataCenter') return notFound();
      return this.platform(request, version, (platform[2] ?? '').split('/').map(decodeURIComponent), q, actor);
    }
    const desk = /^\/rest\/servicedeskapi\/(.*)$/.exec(path);
    if (desk) return this.serviceDesk(request, (desk[1] ?? '').split('/').map(decodeURIComponent), q, actor);
    return notFound();
  }

  private authenticate(header: string): UserRecord | undefined {
    if (this.flavour === 'dataCenter') return /^Bearer (.+)$/.exec(header)?.[1] === PAT ? SAM : undefined;
    const basic = /^Basic (.+)$/.exec(header)?.[1];
    if (!basic) return undefined;
    const [email, token] = Buffer.from(basic, 'base64').toString('utf8').split(':');
    return email === SAM.email && token === API_TOKEN ? SAM : undefined;
  }

  private platform(request: RecordedRequest, version: 2 | 3, segments: string[], q: URLSearchParams, actor: UserRecord): Answer {
    const [resource, idText, sub] = segments;
    if (resource === 'myself') return json(200, userJson(actor, this.flavour));
    if (resource === 'search' && idText === 'jql' && request.method === 'POST' && this.flavour === 'cloud') return this.tokenSearch(body(request), version);
    if (resource === 'search' && idText === undefined) {
      if (this.flavour === 'cloud')
        return json(410, { errorMessages: ['The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.'] });
      return this.offsetSearch(q, version);
    }
    if (resource !== 'issue' || idText === undefined) return notFound();
    const issue = this.find(idText);
    if (!issue) return json(404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
    if (sub === undefined && request.method === 'GET') return json(200, this.issueJson(issue, version, fieldList(q.get('fields')), q.get('expand')));
    if (sub === undefined && request.method === 'PUT') return this.editIssue(issue, body(request), actor);
    if (sub === 'assignee' && request.method === 'PUT') return this.putAssignee(issue, body(request), actor);
    if (sub === 'comment' && request.method === 'GET') return this.comments(issue, q, version);
    if (sub === 'comment' && request.method === 'POST') return this.addComment(issue, body(request), actor, version);
    if (sub === 'remotelink' && request.method === 'GET')
      return json(
        200,
        issue.remoteLinks.map((l) => ({ ...l, self: `${this.server.url}/rest/api/${version}/issue/${issue.id}/remotelink/${l.id}` })),
      );
    if (sub === 'remotelink' && request.method === 'POST') return this.remoteLink(issue, body(request));
    if (sub === 'transitions' && request.method === 'GET') return json(200, { transitions: TRANSITIONS.filter((t) => t.to.name !== issue.status.name) });
    if (sub === 'transitions' && request.method === 'POST') return this.transition(issue, body(request), actor);
    return json(405, { errorMessages: ['Method not allowed'] });
  }

  private serviceDesk(request: RecordedRequest, segments: string[], q: URLSearchParams, actor: UserRecord): Answer {
    const [resource, id, sub, subId, leaf] = segments;
    if (resource === 'servicedesk' && id === SERVICE_DESK && sub === undefined)
      return json(200, { id: SERVICE_DESK, projectId: '10000', projectKey: 'SUP', projectName: 'Support' });
    if (resource === 'servicedesk' && id === SERVICE_DESK && sub === 'queue' && subId === QUEUE_ID && leaf === 'issue') {
      const start = Math.max(0, Number(q.get('start') ?? 0) || 0);
      const limit = Math.min(50, Math.max(1, Number(q.get('limit') ?? 50) || 50));
      const matching = this.query(QUEUE_JQL, this.issues);
      const slice = matching.slice(start, start + limit);
      return json(200, {
        size: slice.length,
        start,
        limit,
        isLastPage: start + limit >= matching.length,
        values: slice.map((i) => ({ id: i.id, key: i.key, fields: { summary: i.summary } })),
      });
    }
    if (resource !== 'request' || id === undefined) return notFound();
    const issue = this.find(id);
    if (!issue) return json(404, { errorMessage: 'Request does not exist' });
    if (sub === 'sla' && request.method === 'GET') {
      const values = issue.slas.map((s, i) => ({
        id: String(i + 1),
        name: s.name,
        ongoingCycle: {
          breachTime: { epochMillis: s.breachAt, iso8601: new Date(s.breachAt).toISOString() },
          breached: s.breachAt < this.nowMs(),
          paused: s.paused,
          withinCalendarHours: true,
        },
        completedCycles: [],
      }));
      return json(200, { size: values.length, start: 0, limit: 50, isLastPage: true, values });
    }
    if (sub === 'comment' && request.method === 'POST') {
      const sent = body(request);
      if (typeof sent.body !== 'string' || typeof sent.public !== 'boolean') return json(400, { errorMessage: 'body and public are required' });
      const comment = { id: String(this.nextId++), author: actor, body: sent.body, created: this.stamp(), jsdPublic: sent.public };
      issue.comments.push(comment);
      this.history(issue, actor, []);
      return json(201, { id: comment.id, body: comment.body, public: comment.jsdPublic, author: userJson(actor, this.flavour) });
    }
    return json(405, { errorMessage: 'Method not allowed' });
  }

  private tokenSearch(sent: Record<string, unknown>, version: 2 | 3): Answer {
    if (typeof sent.jql !== 'string') return json(400, { errorMessages: ['jql is required'] });
    const fields = Array.isArray(sent.fields) ? sent.fields.map(String) : ['id'];
    const max = Math.min(MAX_RESULTS, Math.max(1, Number(sent.maxResults ?? 50) || 50));
    let matching: IssueRecord[];
    try {
      matching = this.query(sent.jql, this.searchIndex ?? this.issues);
    } catch (error) {
      return json(400, { errorMessages: [String((error as Error).message)] });
    }
    const token = typeof sent.nextPageToken === 'string' ? decodeToken(sent.nextPageToken) : undefined;
    const start = token ? matching.findIndex((i) => this.compareKeys(this.sortKey(i), token) > 0) : 0;
    const from = start < 0 ? matching.length : start;
    const slice = matching.slice(from, from + max);
    const endless = this.endless.has('queue');
    const more = endless || from + max < matching.length;
    const last = slice.at(-1);
    // Without end, the same position is announced again and again.
    const nextToken = endless && typeof sent.nextPageToken === 'string' ? sent.nextPageToken : more && last ? encodeToken(this.sortKey(last)) : undefined;
    return json(200, {
      issues: slice.map((i) => this.searchJson(i, version, fields, typeof sent.expand === 'string' ? sent.expand : null)),
      ...(nextToken ? { nextPageToken: nextToken } : {}),
      isLast: !more,
    });
  }

  /** The order of the last query, for a token to name a position in it that survives changes to the issues. */
  private order: readonly { readonly field: string; readonly descending: boolean }[] = [];

  private offsetSearch(q: URLSearchParams, version: 2 | 3): Answer {
    const startAt = Math.max(0, Number(q.get('startAt') ?? 0) || 0);
    const max = Math.min(MAX_RESULTS, Math.max(1, Number(q.get('maxResults') ?? 50) || 50));
    let matching: IssueRecord[];
    try {
      matching = this.query(q.get('jql') ?? '', this.searchIndex ?? this.issues);
    } catch (error) {
      return json(400, { errorMessages: [String((error as Error).message)] });
    }
    const endless = this.endless.has('queue');
    const from = endless && startAt >= matching.length ? Math.max(0, matching.length - max) : startAt;
    const slice = matching.slice(from, from + max);
    return json(200, {
      startAt,
      maxResults: max,
      total: endless ? startAt + max * 2 : matching.length,
      issues: slice.map((i) => this.searchJson(i, version, fieldList(q.get('fields')), q.get('expand'))),
    });
  }

  private query(jql: string, from: ReadonlyMap<string, IssueRecord>): IssueRecord[] {
    const parsed = parseJql(jql, (field) => KNOWN_FIELDS.includes(field));
    const found = [...from.values()].filter((issue) => parsed.matches((field) => this.fieldValues(issue, field)));
    this.order = parsed.order.length > 0 ? parsed.order : [{ field: 'key', descending: true }];
    return found.sort((a, b) => this.compareKeys(this.sortKey(a), this.sortKey(b)));
  }

  /** The issue's values for the order's fields, its id last. */
  private sortKey(issue: IssueRecord): number[] {
    const value = (field: string): number => {
      if (field === 'created' || field === 'updated') return Date.parse(issue[field]);
      if (field === 'priority') return PRIORITIES.length - PRIORITIES.indexOf(issue.priority);
      return Number(issue.id);
    };
    return [...this.order.map((o) => value(o.field)), Number(issue.id)];
  }

  private compareKeys(a: readonly number[], b: readonly number[]): number {
    for (let i = 0; i < a.length; i++) {
      const d = (a[i] ?? 0) - (b[i] ?? 0);
      if (d !== 0) return this.order[i]?.descending ? -d : d;
    }
    return 0;
  }

  private fieldValues(issue: IssueRecord, field: string): string[] {
    switch (field) {
      case 'project':
        return ['SUP'];
      case 'labels':
        return issue.labels;
      case 'statuscategory':
        return [issue.status.category, { new: 'To Do', indeterminate: 'In Progress', done: 'Done' }[issue.status.category]];
      case 'status':
        return [issue.status.name];
      case 'id':
        return [issue.id];
      case 'key':
      case 'issuekey':
        return [issue.key];
      case 'created':
      case 'updated':
        return [issue[field]];
      case 'resolved':
        return issue.resolutiondate ? [issue.resolutiondate] : [];
      case 'resolution':
        return issue.status.category === 'done' ? ['Done'] : [];
      case 'assignee':
        return issue.assignee ? [userId(issue.assignee, this.flavour)] : [];
      case 'priority':
        return [issue.priority];
      default:
        return [];
    }
  }

  private find(idOrKey: string): IssueRecord | undefined {
    return this.issues.get(idOrKey) ?? [...this.issues.values()].find((i) => i.key === idOrKey);
  }

  private issueJson(issue: IssueRecord, version: 2 | 3, fields: string[] | undefined, expand: string | null): Record<string, unknown> {
    const all = issueFields(issue, this.flavour, version);
    const wanted =
      fields === undefined || fields.includes('*all') || fields.includes('*navigable')
        ? all
        : Object.fromEntries(Object.entries(all).filter(([k]) => fields.includes(k)));
    if (this.malformed.has(issue.id)) delete wanted.summary;
    const shown: Record<string, unknown> = { id: issue.id, key: issue.key, self: `${this.server.url}/rest/api/${version}/issue/${issue.id}`, fields: wanted };
    if ((expand ?? '').split(',').includes('changelog')) {
      shown.changelog = {
        startAt: 0,
        maxResults: issue.histories.length,
        total: issue.histories.length,
        histories: issue.histories.map((h) => historyJson(h, this.flavour)),
      };
    }
    return shown;
  }

  /** The enhanced search shows only the id unless fields are asked for. */
  private searchJson(issue: IssueRecord, version: 2 | 3, fields: string[] | undefined, expand: string | null): Record<string, unknown> {
    if (fields !== undefined && fields.length === 1 && fields[0] === 'id') return { id: issue.id };
    return this.issueJson(issue, version, fields, expand);
  }

  private editIssue(issue: IssueRecord, sent: Record<string, unknown>, actor: UserRecord): Answer {
    const fields = typeof sent.fields === 'object' && sent.fields !== null ? (sent.fields as Record<string, unknown>) : {};
    const errors: Record<string, string> = {};
    const changes: ((i: IssueRecord) => void)[] = [];
    for (const [field, value] of Object.entries(fields)) {
      if (field === 'summary' && typeof value === 'string') changes.push((i) => (i.summary = value));
      else if (field === 'components' && Array.isArray(value)) changes.push((i) => (i.components = value.map((c) => String((c as { name?: unknown }).name))));
      else if (field === 'labels' && Array.isArray(value)) changes.push((i) => (i.labels = value.map(String)));
      else if (field === TEAM_FIELD) {
        const option = typeof value === 'object' && value !== null ? (value as { value?: unknown }).value : undefined;
        if (typeof option !== 'string' || !TEAM_OPTIONS.includes(option)) errors[field] = `Specify a valid 'id' or 'name' for Team`;
        else changes.push((i) => (i.team = option));
      } else if (field === REGION_FIELD) changes.push((i) => (i.region = typeof value === 'string' ? value : null));
      else errors[field] = `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`;
    }
    if (Object.keys(errors).length > 0) return json(400, { errorMessages: [], errors });
    this.edit(issue, actor, (i) => changes.forEach((c) => c(i)));
    return { status: 204, headers: {}, body: '' };
  }

  private putAssignee(issue: IssueRecord, sent: Record<string, unknown>, actor: UserRecord): Answer {
    const field = this.flavour === 'cloud' ? 'accountId' : 'name';
    if (!(field in sent)) return json(400, { errorMessages: [], errors: { assignee: `${field} is required` } });
    const wanted = sent[field];
    const to = wanted === null ? null : [SAM, MEI, LENA].find((u) => userId(u, this.flavour) === wanted);
    if (to === undefined) return json(400, { errorMessages: [], errors: { assignee: `User '${String(wanted)}' cannot be assigned issues.` } });
    this.assign(issue, to, actor);
    return { status: 204, headers: {}, body: '' };
  }

  private comments(issue: IssueRecord, q: URLSearchParams, version: 2 | 3): Answer {
    const startAt = Math.max(0, Number(q.get('startAt') ?? 0) || 0);
    const max = Math.min(MAX_RESULTS, Math.max(1, Number(q.get('maxResults') ?? 50) || 50));
    const endless = this.endless.has('comments');
    const from = endless && startAt >= issue.comments.length ? Math.max(0, issue.comments.length - max) : startAt;
    const slice = issue.comments.slice(from, from + max);
    return json(200, {
      startAt,
      maxResults: max,
      total: endless ? issue.comments.length + 1_000 : issue.comments.length,
      comments: slice.map((c) => commentJson(c, this.flavour, version)),
    });
  }

  private addComment(issue: IssueRecord, sent: Record<string, unknown>, actor: UserRecord, version: 2 | 3): Answer {
    const valid = version === 3 ? isAdf(sent.body) : typeof sent.body === 'string';
    if (!valid) return json(400, { errorMessages: [], errors: { comment: version === 3 ? 'Comment body is not valid!' : 'Comment body can not be empty!' } });
    const visibility = sent.visibility as { type?: unknown; value?: unknown } | undefined;
    if (visibility && (visibility.type !== 'role' || visibility.value !== INTERNAL_ROLE))
      return json(400, { errorMessages: [], errors: { commentLevel: 'You are currently not a member of the project role or group.' } });
    const comment = {
      id: String(this.nextId++),
      author: actor,
      body: sent.body,
      created: this.stamp(),
      visibility: visibility ? { type: 'role', value: INTERNAL_ROLE } : undefined,
    };
    issue.comments.push(comment);
    this.history(issue, actor, []);
    return json(201, commentJson(comment, this.flavour, version));
  }

  private remoteLink(issue: IssueRecord, sent: Record<string, unknown>): Answer {
    const object = sent.object as { url?: unknown; title?: unknown } | undefined;
    if (typeof object?.url !== 'string' || typeof object.title !== 'string')
      return json(400, { errorMessages: [], errors: { url: 'url and title are required' } });
    const globalId = typeof sent.globalId === 'string' ? sent.globalId : undefined;
    const existing = globalId ? issue.remoteLinks.find((l) => l.globalId === globalId) : undefined;
    if (existing) {
      existing.object = { url: object.url, title: object.title };
      return json(200, { id: existing.id, self: `${this.server.url}/rest/api/2/issue/${issue.id}/remotelink/${existing.id}` });
    }
    const link = { id: this.nextId++, globalId, object: { url: object.url, title: object.title } };
    issue.remoteLinks.push(link);
    return json(201, { id: link.id, self: `${this.server.url}/rest/api/2/issue/${issue.id}/remotelink/${link.id}` });
  }

  private transition(issue: IssueRecord, sent: Record<string, unknown>, actor: UserRecord): Answer {
    const id = (sent.transition as { id?: unknown } | undefined)?.id;
    const found = TRANSITIONS.find((t) => t.id === id && t.to.name !== issue.status.name);
    if (!found) return json(400, { errorMessages: [`Transition id '${String(id)}' is not valid for this issue.`], errors: {} });
    this.edit(issue, actor, (i) => {
      i.status = { ...found.to };
      i.resolutiondate = found.to.category === 'done' ? this.stamp() : null;
    });
    return { status: 204, headers: {}, body: '' };
  }
}

const LOGIN_PAGE =
  '<!DOCTYPE html><html><head><title>Log in - Jira</title></head><body><form id="login-form" action="/login.jsp" method="post"></form></body></html>';

function json(status: number, value: unknown): Answer {
  return { status, headers: { 'Content-Type': 'application/json;charset=UTF-8' }, body: JSON.stringify(value) };
}

function notFound(): Answer {
  return json(404, { errorMessages: ['Not found'], errors: {} });
}

function body(request: RecordedRequest): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(request.body || '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function encodeToken(key: readonly number[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeToken(token: string): number[] | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    return Array.isArray(parsed) && parsed.every((n) => typeof n === 'number') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function fieldList(text: string | null): string[] | undefined {
  return text === null ? undefined : text.split(',').map((f) => f.trim());
}

function isSearch(request: RecordedRequest): boolean {
  return /^\/rest\/api\/[23]\/search(\/jql)?(\?|$)/.test(request.url);
}

/** A Jira site of the flavour with `count` issues in the queue, "Issue 1" to "Issue n", created a second apart. */
export async function fakeJira(flavour: Flavour, count = 0): Promise<JiraServer> {
  const jira = new JiraServer(flavour);
  await jira.listen();
  const now = jira.nowMs();
  for (let i = 1; i <= count; i++) jira.createIssue({ createdAt: now - (count - i + 1) * 1000 });
  return jira;
}
