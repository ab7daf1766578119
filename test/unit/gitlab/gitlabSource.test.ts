import { strict as assert } from 'node:assert';
import { HttpClient } from '../../../src/providers/http/httpClient';
import { DEFAULT_LABEL_SCHEME } from '../../../src/providers/gitlab/gitlabMapping';
import { GitlabSource } from '../../../src/providers/gitlab/gitlabSource';
import { loadAllSources } from '../../../src/providers/queueLoader';
import { fakeGitlab, issueJson, MEI, SAM, type FakeGitlab } from './fakeGitlab';

describe('the GitLab source against a GitLab-shaped loopback server', () => {
  let gitlab: FakeGitlab;
  const source = (token = 'glpat-test'): GitlabSource =>
    new GitlabSource(
      new HttpClient({
        baseUrl: `${gitlab.server.url}/api/v4`,
        authHeaders: async () => ({ 'PRIVATE-TOKEN': token }),
        userAgent: 't',
        label: 'GitLab',
        sleep: async () => undefined,
      }),
      {
        id: 'gl',
        label: 'GitLab (support)',
        scope: { project: 'acme/support' },
        queueLabels: ['support-escalation'],
        scheme: DEFAULT_LABEL_SCHEME,
        me: { ...SAM },
      },
    );
  const seen = (iid: number): { id: string; revision: string } => ({ id: String(iid), revision: gitlab.issues.get(iid)?.updated_at ?? '' });

  afterEach(async () => gitlab?.server.close());

  it('reads every page of the queue with and without x-total, mapping severity and team labels', async () => {
    for (const limit of [10_000, 100]) {
      gitlab = await fakeGitlab(250);
      gitlab.totalLimit = limit;
      const [load] = await loadAllSources([source()]);
      assert.equal(load?.tickets.length, 250, `x-total ${limit > 250 ? 'present' : 'absent'}`);
      assert.deepEqual(
        gitlab.server.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('page')),
        ['1', '2', '3'],
      );
      const first = load?.tickets[0];
      assert.deepEqual([first?.key, first?.severity, first?.team, first?.labels], ['#1', 2, 'search', ['support-escalation']]);
      await gitlab.server.close();
    }
    gitlab = await fakeGitlab(1);
  });

  it('refreshes by asking only for what changed since, and merges: closed or relabelled issues leave', async () => {
    gitlab = await fakeGitlab(150);
    const gl = source();
    const [first] = await loadAllSources([gl]);
    assert.equal(first?.tickets.length, 150);
    const closed = gitlab.issues.get(2)!;
    closed.state = 'closed';
    gitlab.touch(closed);
    const relabelled = gitlab.issues.get(3)!;
    relabelled.labels = relabelled.labels.filter((l) => l !== 'support-escalation');
    gitlab.touch(relabelled);
    const renamed = gitlab.issues.get(4)!;
    renamed.title = 'Renamed on GitLab';
    gitlab.touch(renamed);
    const before = gitlab.server.requests.length;
    const [second] = await loadAllSources([gl]);
    const refresh = gitlab.server.requests.slice(before).map((r) => new URL(r.url, 'http://x').searchParams);
    assert.equal(refresh.length, 1, `one page of changes, not the whole queue: ${refresh.map((p) => p.toString()).join(' ; ')}`);
    assert.equal(refresh[0]?.get('state'), 'all');
    assert.ok(refresh[0]?.get('updated_after'));
    assert.equal(refresh[0]?.get('labels'), null);
    assert.equal(second?.tickets.length, 148);
    assert.ok(!second?.tickets.some((t) => t.id === '2' || t.id === '3'));
    assert.equal(second?.tickets.find((t) => t.id === '4')?.title, 'Renamed on GitLab');
  });

  it('refreshes an unchanged queue with If-None-Match: a 304 costs no body and keeps the queue', async () => {
    gitlab = await fakeGitlab(30);
    const gl = source();
    await loadAllSources([gl]);
    await loadAllSources([gl]);
    const before = gitlab.server.requests.length;
    const [again] = await loadAllSources([gl]);
    const last = gitlab.server.requests.slice(before);
    assert.equal(last.length, 1);
    assert.ok(last[0]?.headers['if-none-match']);
    assert.equal(again?.tickets.length, 30);
  });

  it('serves a queue across a group: ids and keys name the project, writes go to it', async () => {
    gitlab = await fakeGitlab(2);
    const grouped = new GitlabSource(
      new HttpClient({
        baseUrl: `${gitlab.server.url}/api/v4`,
        authHeaders: async () => ({ 'PRIVATE-TOKEN': 'glpat-test' }),
        userAgent: 't',
        label: 'GitLab',
        sleep: async () => undefined,
      }),
      { id: 'gg', label: 'GitLab (acme)', scope: { group: 'acme' }, queueLabels: ['support-escalation'], scheme: DEFAULT_LABEL_SCHEME, me: { ...SAM } },
    );
    const page = await grouped.listQueue({});
    assert.ok(page.kind === 'ok');
    assert.deepEqual(
      page.value.tickets.map((t) => [t.id, t.key]),
      [
        ['42-1', 'acme/support#1'],
        ['42-2', 'acme/support#2'],
      ],
    );
    assert.equal(new URL(gitlab.server.requests[0]?.url ?? '', 'http://x').pathname, '/api/v4/groups/acme/issues');
    const claimed = await grouped.claim({ id: '42-2', revision: gitlab.issues.get(2)?.updated_at ?? '' });
    assert.ok(claimed.kind === 'ok', claimed.kind);
    assert.ok(gitlab.server.requests.some((r) => r.method === 'PUT' && r.url === '/api/v4/projects/42/issues/2'));
  });

  it('skips an issue missing a required field, saying which and why, and keeps the rest', async () => {
    gitlab = await fakeGitlab(3);
    gitlab.before('GET', '/issues', (_r, response) => {
      const items = [...gitlab.issues.values()].map(issueJson);
      delete items[1]?.title;
      response.writeHead(200, { 'Content-Type': 'application/json', 'x-next-page': '' });
      response.end(JSON.stringify(items));
      return true;
    });
    const page = await source().listQueue({});
    assert.ok(page.kind === 'ok');
    assert.deepEqual(
      page.value.tickets.map((t) => t.key),
      ['#1', '#3'],
    );
    assert.equal(page.value.problems[0]?.field, 'title');
    assert.match(page.value.problems[0]?.location ?? '', /item 1 \(#2\)/);
    assert.equal(page.value.problems[0]?.message, 'title must be a string; it is missing');
  });

  it('asks to sign in again on 401', async () => {
    gitlab = await fakeGitlab(1);
    assert.equal((await source('revoked').listQueue({})).kind, 'unauthorised');
  });

  it('claims an unassigned issue, re-reading after the write', async () => {
    gitlab = await fakeGitlab(2);
    const claimed = await source().claim(seen(1));
    assert.ok(claimed.kind === 'ok', claimed.kind);
    assert.equal(claimed.value.assignee?.id, 'sam.taylor');
    assert.deepEqual(gitlab.issues.get(1)?.assignees, [SAM]);
    const requests = gitlab.server.requests.map((r) => `${r.method} ${new URL(r.url, 'http://x').pathname}`);
    assert.deepEqual(requests.slice(0, 3), [
      'GET /api/v4/projects/acme%2Fsupport/issues/1',
      'PUT /api/v4/projects/acme%2Fsupport/issues/1',
      'GET /api/v4/projects/acme%2Fsupport/issues/1',
    ]);
  });

  it("never overwrites someone else's claim, and reports a race lost between read and write", async () => {
    gitlab = await fakeGitlab(2);
    gitlab.issues.get(1)!.assignees = [MEI];
    const taken = await source().claim(seen(1));
    assert.ok(taken.kind === 'conflict');
    assert.equal(taken.holder?.name, 'Mei Chen');
    assert.equal(gitlab.server.requests.filter((r) => r.method === 'PUT').length, 0);

    // GitLab has no locking: Mei's claim lands just after ours, and the re-read shows it.
    gitlab.before('PUT', '/issues/2', (_request, response) => {
      const issue = gitlab.issues.get(2)!;
      issue.assignees = [SAM];
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(issueJson(issue)));
      issue.assignees = [MEI];
      return true;
    });
    const race = await source().claim(seen(2));
    assert.ok(race.kind === 'conflict', race.kind);
    assert.equal(race.holder?.name, 'Mei Chen');
    assert.match(race.message, /claimed by Mei Chen at the same moment; it stays theirs/);
    assert.equal(gitlab.server.requests.filter((r) => r.method === 'PUT').length, 1, 'no second write over her claim');
    assert.deepEqual(gitlab.issues.get(2)?.assignees, [MEI]);
  });

  it('adds an internal note with internal: true, and never posts it twice after a lost answer', async () => {
    gitlab = await fakeGitlab(1);
    gitlab.before('POST', '/notes', (request, response) => {
      // The note is stored, then the connection dies before the answer.
      const body = JSON.parse(request.body) as { body: string; internal: boolean };
      gitlab.issues.get(1)!.notes.push({ id: 99, body: body.body, internal: body.internal, author: SAM, created_at: new Date().toISOString(), system: false });
      response.socket?.destroy();
      return true;
    });
    const noted = await source().addInternalNote('1', 'Reproduced on staging.');
    assert.ok(noted.kind === 'ok', noted.kind);
    assert.deepEqual(
      gitlab.issues.get(1)?.notes.map((n) => [n.body, n.internal]),
      [['Reproduced on staging.', true]],
    );
    assert.equal(gitlab.server.requests.filter((r) => r.method === 'POST').length, 1);
    assert.equal(noted.value.comments.at(-1)?.internal, true);
  });

  it('hands off: team label swapped, internal note, claim released', async () => {
    gitlab = await fakeGitlab(1);
    gitlab.issues.get(1)!.assignees = [SAM];
    const handed = await source().handOff(seen(1), { team: 'billing', note: 'Billing owns the invoice renderer.' });
    assert.ok(handed.kind === 'ok', handed.kind);
    const issue = gitlab.issues.get(1);
    assert.deepEqual(
      issue?.labels.filter((l) => l.startsWith('team::')),
      ['team::billing'],
    );
    assert.deepEqual(issue?.assignees, []);
    assert.deepEqual(
      issue?.notes.map((n) => n.internal),
      [true],
    );
  });

  it('hands off to another project: the note first, then the release, then the move', async () => {
    gitlab = await fakeGitlab(1);
    gitlab.issues.get(1)!.assignees = [SAM];
    const handed = await source().handOff(seen(1), { team: 'project:acme/billing-support', note: 'Billing owns this.' });
    assert.ok(handed.kind === 'ok', handed.kind);
    assert.deepEqual(gitlab.moves, [{ iid: 1, to: 77 }]);
    const issue = gitlab.issues.get(1);
    assert.deepEqual([issue?.notes.map((n) => n.internal), issue?.assignees, issue?.state], [[true], [], 'closed']);
    const order = gitlab.server.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url.split('/').pop()}`);
    assert.deepEqual(order, ['POST notes', 'PUT 1', 'POST move']);
  });

  it('names the step that failed and what was already done', async () => {
    gitlab = await fakeGitlab(1);
    gitlab.before('POST', '/notes', (_r, response) => {
      response.writeHead(403, { 'Content-Type': 'application/json' });
      response.end('{"message":"403 Forbidden"}');
      return true;
    });
    const handed = await source().handOff(seen(1), { team: 'billing', note: 'n' });
    assert.equal(handed.kind, 'unauthorised');
    assert.match(handed.kind === 'unauthorised' ? handed.message : '', /^Could not add the hand-off note on #1: .* Already done: move it to billing\.$/);
  });

  it('opens a draft merge request that closes the issue', async () => {
    gitlab = await fakeGitlab(1);
    const created = await source().createMergeRequest({
      ticketId: '1',
      sourceBranch: 'support/1-x',
      targetBranch: 'main',
      title: 'Issue 1',
      description: 'Closes #1',
      draft: true,
    });
    assert.ok(created.kind === 'ok', created.kind);
    assert.equal(created.value.reference, '!1');
    assert.deepEqual(gitlab.mergeRequests[0], {
      source_branch: 'support/1-x',
      target_branch: 'main',
      title: 'Draft: Issue 1',
      description: 'Closes #1',
      remove_source_branch: true,
    });
  });

  it('records a fix branch once', async () => {
    gitlab = await fakeGitlab(1);
    const link = { kind: 'branch' as const, name: 'support/1-x' };
    assert.equal((await source().linkChange('1', link)).kind, 'ok');
    assert.equal((await source().linkChange('1', link)).kind, 'ok');
    assert.equal(gitlab.issues.get(1)?.notes.length, 1);
  });
});
