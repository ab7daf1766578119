/**
 * A small stateful GitLab for the source's tests, on 127.0.0.1: issues and notes in memory, the
 * v4 paths and answer shapes of GitLab's documentation, paging headers, and hooks to inject the
 * failures the tests need (a claim landing between read and write, a lost answer).
 */
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { loopbackServer, type LoopbackServer, type RecordedRequest } from '../../support/loopbackServer';

export interface FakeUser {
  id: number;
  username: string;
  name: string;
}

export interface FakeIssue {
  iid: number;
  title: string;
  labels: string[];
  assignees: FakeUser[];
  updated_at: string;
  state?: 'opened' | 'closed';
  notes: { id: number; body: string; internal: boolean; author: FakeUser; created_at: string; system: boolean }[];
}

export const SAM: FakeUser = { id: 7, username: 'sam.taylor', name: 'Sam Taylor' };
export const MEI: FakeUser = { id: 9, username: 'mei.chen', name: 'Mei Chen' };
const CUSTOMER: FakeUser = { id: 100, username: 'ben.cartwright', name: 'Ben Cartwright' };

export interface FakeGitlab {
  readonly server: LoopbackServer;
  readonly issues: Map<number, FakeIssue>;
  readonly mergeRequests: { title: string; source_branch: string; target_branch: string; description: string }[];
  readonly moves: { iid: number; to: number }[];
  /** Marks an issue as changed now, as any edit on GitLab does. */
  touch(issue: FakeIssue): void;
  /** Runs before the next matching request is answered (then forgotten). */
  before(method: string, pathEnd: string, action: (request: RecordedRequest, response: ServerResponse) => boolean | void): void;
  /** Total in headers only below this many issues, as GitLab does above 10,000. */
  totalLimit: number;
}

/** A user as GitLab shows one in an issue: the fields its published schema requires. */
function userJson(user: FakeUser): Record<string, unknown> {
  return {
    ...user,
    state: 'active',
    avatar_url: `https://gitlab.example.com/uploads/-/avatar/${user.id}.png`,
    web_url: `https://gitlab.example.com/${user.username}`,
  };
}

/** Every field GitLab's published issue schema (public_api/v4/issue.json) requires, and a few more. */
export function issueJson(issue: FakeIssue): Record<string, unknown> {
  return {
    id: 1000 + issue.iid,
    iid: issue.iid,
    project_id: 42,
    title: issue.title,
    description: `Customer report for ${issue.title}`,
    state: issue.state ?? 'opened',
    labels: issue.labels,
    assignees: issue.assignees.map(userJson),
    assignee: issue.assignees[0] ? userJson(issue.assignees[0]) : null,
    author: userJson(CUSTOMER),
    milestone: null,
    user_notes_count: issue.notes.length,
    upvotes: 0,
    downvotes: 0,
    due_date: null,
    references: { short: `#${issue.iid}`, relative: `#${issue.iid}`, full: `acme/support#${issue.iid}` },
    created_at: '2026-11-24T08:00:00.000Z',
    updated_at: issue.updated_at,
    web_url: `https://gitlab.example.com/acme/support/-/issues/${issue.iid}`,
    confidential: false,
  };
}

export async function fakeGitlab(count: number): Promise<FakeGitlab> {
  const issues = new Map<number, FakeIssue>();
  for (let iid = 1; iid <= count; iid++) {
    issues.set(iid, {
      iid,
      title: `Issue ${iid}`,
      labels: ['support-escalation', `severity::${(iid % 4) + 1}`, 'team::search'],
      assignees: [],
      updated_at: new Date(Date.parse('2026-11-24T08:00:00.000Z') + iid * 1000).toISOString(),
      notes: [],
    });
  }
  const moves: { iid: number; to: number }[] = [];
  const mergeRequests: { title: string; source_branch: string; target_branch: string; description: string }[] = [];
  const hooks: { method: string; pathEnd: string; action: (request: RecordedRequest, response: ServerResponse) => boolean | void }[] = [];
  let noteId = 1;
  let clock = Date.parse('2026-11-24T09:00:00.000Z');
  const touch = (issue: FakeIssue): void => void (issue.updated_at = new Date((clock += 1000)).toISOString());
  const touchFromOutside = touch;
  const settings = { totalLimit: 10_000 };
  const send = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
  const server = await loopbackServer((request, response) => {
    const url = new URL(request.url, 'http://x');
    // The project answers by id as well as by path; the group lists the project's issues.
    const path = url.pathname
      .replace(/^\/api\/v4/, '')
      .replace(/^\/projects\/42(\/|$)/, '/projects/acme%2Fsupport$1')
      .replace(/^\/groups\/acme\/issues$/, '/projects/acme%2Fsupport/issues');
    const hook = hooks.findIndex((h) => h.method === request.method && path.endsWith(h.pathEnd));
    if (hook >= 0) {
      const [found] = hooks.splice(hook, 1);
      if (found?.action(request, response)) return;
    }
    if (request.headers['private-token'] !== 'glpat-test') return send(response, 401, { message: '401 Unauthorized' });
    if (path === '/user') return send(response, 200, { ...SAM, state: 'active', web_url: 'https://gitlab.example.com/sam.taylor' });
    const list = /^\/projects\/acme%2Fsupport\/issues$/.exec(path);
    if (list && request.method === 'GET') {
      const state = url.searchParams.get('state') ?? 'opened';
      const labels = url.searchParams.get('labels')?.split(',').filter(Boolean) ?? [];
      const after = url.searchParams.get('updated_after');
      const all = [...issues.values()].filter(
        (i) => (state === 'all' || (i.state ?? 'opened') === state) && labels.every((l) => i.labels.includes(l)) && (!after || i.updated_at >= after),
      );
      const perPage = Number(url.searchParams.get('per_page') ?? 20);
      const page = Number(url.searchParams.get('page') ?? 1);
      const items = all.slice((page - 1) * perPage, page * perPage).map(issueJson);
      // GitLab answers list requests with a weak ETag; an unchanged list is a 304 without a body.
      const etag = `W/"${createHash('sha1').update(JSON.stringify(items)).digest('hex')}"`;
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { ETag: etag });
        return response.end();
      }
      const headers: Record<string, string> = {
        ETag: etag,
        'x-page': String(page),
        'x-per-page': String(perPage),
        'x-next-page': page * perPage < all.length ? String(page + 1) : '',
      };
      if (all.length <= settings.totalLimit)
        Object.assign(headers, { 'x-total': String(all.length), 'x-total-pages': String(Math.ceil(all.length / perPage)) });
      return send(response, 200, items, headers);
    }
    if (/^\/projects\/acme%2Fsupport\/merge_requests$/.test(path) && request.method === 'POST') {
      const body = JSON.parse(request.body) as { title: string; source_branch: string; target_branch: string; description: string };
      mergeRequests.push(body);
      const iid = mergeRequests.length;
      return send(response, 201, {
        iid,
        title: body.title,
        state: 'opened',
        web_url: `https://gitlab.example.com/acme/support/-/merge_requests/${iid}`,
        references: { short: `!${iid}` },
      });
    }
    if (/\/related_merge_requests$/.test(path)) return send(response, 200, []);
    if (path === '/projects/acme%2Fbilling-support') return send(response, 200, { id: 77, path_with_namespace: 'acme/billing-support' });
    const move = /^\/projects\/acme%2Fsupport\/issues\/(\d+)\/move$/.exec(path);
    if (move && request.method === 'POST') {
      const moved = issues.get(Number(move[1]));
      if (!moved) return send(response, 404, { message: '404 Not found' });
      moved.state = 'closed';
      moves.push({ iid: moved.iid, to: (JSON.parse(request.body) as { to_project_id: number }).to_project_id });
      return send(response, 201, { ...issueJson(moved), iid: 500 + moved.iid, project_id: 77, state: 'opened' });
    }
    const one = /^\/projects\/acme%2Fsupport\/issues\/(\d+)(\/notes)?$/.exec(path);
    const issue = one ? issues.get(Number(one[1])) : undefined;
    if (!one || !issue) return send(response, 404, { message: '404 Not found' });
    if (one[2] && request.method === 'GET') return send(response, 200, issue.notes, { 'x-next-page': '' });
    if (one[2] && request.method === 'POST') {
      const body = JSON.parse(request.body) as { body: string; internal?: boolean };
      const note = { id: noteId++, body: body.body, internal: body.internal ?? false, author: SAM, created_at: new Date().toISOString(), system: false };
      issue.notes.push(note);
      touch(issue);
      return send(response, 201, note);
    }
    if (request.method === 'PUT') {
      const changes = JSON.parse(request.body) as { assignee_ids?: number[]; add_labels?: string; remove_labels?: string };
      if (changes.assignee_ids)
        issue.assignees = changes.assignee_ids.map((id) => [SAM, MEI].find((u) => u.id === id)).filter((u): u is FakeUser => u !== undefined);
      if (changes.remove_labels) issue.labels = issue.labels.filter((l) => !changes.remove_labels?.split(',').includes(l));
      if (changes.add_labels) issue.labels.push(...changes.add_labels.split(','));
      touch(issue);
      return send(response, 200, issueJson(issue));
    }
    return send(response, 200, issueJson(issue));
  });
  return {
    server,
    issues,
    mergeRequests,
    moves,
    touch: touchFromOutside,
    before: (method, pathEnd, action) => void hooks.push({ method, pathEnd, action }),
    get totalLimit() {
      return settings.totalLimit;
    },
    set totalLimit(limit: number) {
      settings.totalLimit = limit;
    },
  };
}
