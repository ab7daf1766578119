import { strict as assert } from 'node:assert';
import { HttpClient } from '../../../src/providers/http/httpClient';
import { DEFAULT_LABEL_SCHEME } from '../../../src/providers/gitlab/gitlabMapping';
import { GitlabSource } from '../../../src/providers/gitlab/gitlabSource';
import { loadAllSources } from '../../../src/providers/queueLoader';
import { gitlabSource } from '../../conformance/gitlab/gitlabSubject';
import { fakeGitlab, MEI, SAM, type FakeGitlab } from '../../conformance/gitlab/gitlabServer';

describe('the GitLab source against a GitLab-shaped loopback server', () => {
  let gitlab: FakeGitlab;
  const source = (token = 'glpat-test'): GitlabSource => gitlabSource(gitlab, [], token);
  const seen = (iid: number): { id: string; revision: string } => ({ id: String(iid), revision: gitlab.issues.get(iid)?.updated_at ?? '' });
  const issue = (iid: number) => {
    const found = gitlab.issues.get(iid);
    if (!found) throw new Error(`no issue ${iid}`);
    return found;
  };
  const queries = (from = 0): URLSearchParams[] => gitlab.server.requests.slice(from).map((r) => new URL(r.url, 'http://x').searchParams);
  const paths = (from = 0): string[] => gitlab.server.requests.slice(from).map((r) => `${r.method} ${new URL(r.url, 'http://x').pathname}`);

  afterEach(async () => gitlab?.server.close());

  it('reads every page of the queue with and without x-total, mapping severity and team labels', async () => {
    for (const limit of [10_000, 100]) {
      gitlab = await fakeGitlab(250);
      gitlab.totalLimit = limit;
      const [load] = await loadAllSources([source()]);
      assert.equal(load?.tickets.length, 250, `x-total ${limit > 250 ? 'present' : 'absent'}`);
      assert.equal(gitlab.server.requests.length, 3);
      const first = load?.tickets[0];
      assert.deepEqual([first?.key, first?.severity, first?.team, first?.labels], ['#1', 2, 'search', ['support-escalation']]);
      await gitlab.server.close();
    }
    gitlab = await fakeGitlab(1);
  });

  it('pages by created_at ascending, each page asking for what was created after the last one seen: closing or updating an issue shifts nothing', async () => {
    gitlab = await fakeGitlab(250);
    await loadAllSources([source()]);
    const [first, second, third] = queries();
    assert.deepEqual(
      [first?.get('order_by'), first?.get('sort'), first?.get('state'), first?.get('labels'), first?.get('created_after')],
      ['created_at', 'asc', 'opened', 'support-escalation', null],
    );
    assert.equal(second?.get('created_after'), issue(100).created_at);
    assert.equal(third?.get('created_after'), issue(199).created_at, 'the filter is inclusive: the last issue of a page starts the next');
    assert.deepEqual([second?.get('page'), third?.get('page')], ['1', '1']);
  });

  it('reads on by offset inside a page that shares one created_at, as a bulk import leaves it', async () => {
    gitlab = await fakeGitlab();
    const at = new Date(Date.now() - 60_000).toISOString();
    for (let i = 0; i < 230; i++) gitlab.createIssue({ createdAt: at });
    gitlab.createIssue({});
    const [load] = await loadAllSources([source()]);
    assert.equal(load?.failure, undefined);
    assert.equal(load?.tickets.length, 231);
    assert.deepEqual(
      queries().map((q) => [q.get('created_after'), q.get('page')]),
      [
        [null, '1'],
        [at, '1'],
        [at, '2'],
        [at, '3'],
      ],
    );
  });

  it('refreshes by asking for what changed since the server’s own time, and counts: closed, relabelled or deleted issues leave', async () => {
    gitlab = await fakeGitlab(150);
    const gl = source();
    const [first] = await loadAllSources([gl]);
    assert.equal(first?.tickets.length, 150);
    Object.assign(issue(2), { state: 'closed' });
    gitlab.touch(issue(2));
    issue(3).labels = issue(3).labels.filter((l) => l !== 'support-escalation');
    gitlab.touch(issue(3));
    issue(4).title = 'Renamed on GitLab';
    gitlab.touch(issue(4));
    const before = gitlab.server.requests.length;
    const [second] = await loadAllSources([gl]);
    assert.deepEqual(paths(before), ['GET /api/v4/projects/acme%2Fsupport/issues', 'GET /api/v4/projects/acme%2Fsupport/issues_statistics']);
    const [changes, count] = queries(before);
    assert.deepEqual([changes?.get('state'), changes?.get('labels'), changes?.get('order_by'), changes?.get('sort')], ['all', null, 'updated_at', 'asc']);
    assert.ok(Date.parse(changes?.get('updated_after') ?? '') <= Date.now() - 59_000, 'from a minute before the first load began, by GitLab’s clock');
    assert.deepEqual([count?.get('scope'), count?.get('labels')], ['all', 'support-escalation']);
    assert.equal(second?.tickets.length, 148);
    assert.ok(!second?.tickets.some((t) => t.id === '2' || t.id === '3'));
    assert.equal(second?.tickets.find((t) => t.id === '4')?.title, 'Renamed on GitLab');

    gitlab.issues.delete(5);
    const [third] = await loadAllSources([gl]);
    assert.equal(third?.tickets.length, 147, 'a deleted issue changes the count, and the queue is read again');
    assert.ok(!third?.tickets.some((t) => t.id === '5'));
  });

  it('refreshes an unchanged queue with If-None-Match: a 304 and a count, and keeps the queue', async () => {
    gitlab = await fakeGitlab();
    // Nothing changed in the last minute, which every refresh reads again.
    for (let i = 0; i < 30; i++) gitlab.createIssue({ createdAt: new Date(Date.now() - 86_400_000 + i * 60_000).toISOString() });
    const gl = source();
    await loadAllSources([gl]);
    await loadAllSources([gl]);
    const before = gitlab.server.requests.length;
    const [again] = await loadAllSources([gl]);
    const last = gitlab.server.requests.slice(before);
    assert.equal(last.length, 2);
    assert.ok(last[0]?.headers['if-none-match']);
    assert.equal(again?.tickets.length, 30);
  });

  it('reads the whole queue again every hour, whatever the counts say', async () => {
    gitlab = await fakeGitlab(30);
    let now = 0;
    const gl = new GitlabSource(
      new HttpClient({ baseUrl: `${gitlab.server.url}/api/v4`, authHeaders: async () => ({ 'PRIVATE-TOKEN': 'glpat-test' }), userAgent: 't', label: 'GitLab' }),
      {
        id: 'gl',
        label: 'GitLab',
        scope: { project: 'acme/support' },
        queueLabels: ['support-escalation'],
        scheme: DEFAULT_LABEL_SCHEME,
        me: { ...SAM },
        elapsed: () => now,
      },
    );
    await loadAllSources([gl]);
    now = 59 * 60_000;
    let before = gitlab.server.requests.length;
    await loadAllSources([gl]);
    assert.equal(queries(before)[0]?.get('updated_after') !== null, true, 'a refresh within the hour reads changes');
    now = 60 * 60_000;
    before = gitlab.server.requests.length;
    await loadAllSources([gl]);
    assert.deepEqual(
      queries(before).map((q) => [q.get('state'), q.get('updated_after')]),
      [['opened', null]],
    );
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
    const claimed = await grouped.claim({ id: '42-2', revision: issue(2).updated_at });
    assert.ok(claimed.kind === 'ok', claimed.kind);
    assert.ok(gitlab.server.requests.some((r) => r.method === 'PUT' && r.url === '/api/v4/projects/42/issues/2'));
  });

  it('skips an issue missing a required field, saying which and why, and keeps the rest', async () => {
    gitlab = await fakeGitlab(3);
    gitlab.malformed.add(2);
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

  it('stops a queue that announces pages without end, with a failure that says so', async () => {
    gitlab = await fakeGitlab(3);
    gitlab.endless.add('queue');
    const page = await source().listQueue({});
    assert.equal(page.kind, 'invalidResponse');
    assert.match(page.kind === 'invalidResponse' ? page.message : '', /kept announcing more issues after 200 pages/);
    assert.equal(gitlab.server.requests.length, 200);
  });

  it('reads the whole queue when the changes since the last refresh run past the bound, and stops there too', async () => {
    gitlab = await fakeGitlab(3);
    const gl = source();
    await gl.listQueue({});
    gitlab.endless.add('queue');
    const before = gitlab.server.requests.length;
    const page = await gl.listQueue({});
    assert.equal(page.kind, 'invalidResponse');
    assert.deepEqual([...new Set(queries(before).map((q) => q.get('state')))], ['all', 'opened']);
    assert.equal(gitlab.server.requests.length - before, 400);
  });

  it('stops notes that announce pages without end, with a failure that says so', async () => {
    gitlab = await fakeGitlab(1);
    gitlab.addNote(issue(1), 'Seen on staging.', true, MEI);
    gitlab.endless.add('comments');
    const read = await source().getTicket('1');
    assert.equal(read.kind, 'invalidResponse');
    assert.match(read.kind === 'invalidResponse' ? read.message : '', /kept announcing more notes after 50 pages/);
  });

  it('asks to sign in again on 401', async () => {
    gitlab = await fakeGitlab(1);
    assert.equal((await source('revoked').listQueue({})).kind, 'unauthorised');
  });

  it('claims an unassigned issue: reads it, notes where its notes stand, writes, and reads what the write did', async () => {
    gitlab = await fakeGitlab(2);
    const claimed = await source().claim(seen(1));
    assert.ok(claimed.kind === 'ok', claimed.kind);
    assert.equal(claimed.value.assignee?.id, 'sam.taylor');
    assert.deepEqual(issue(1).assignees, [SAM]);
    assert.deepEqual(paths().slice(0, 5), [
      'GET /api/v4/projects/acme%2Fsupport/issues/1',
      'GET /api/v4/projects/acme%2Fsupport/issues/1/notes',
      'PUT /api/v4/projects/acme%2Fsupport/issues/1',
      'GET /api/v4/projects/acme%2Fsupport/issues/1/notes',
      'GET /api/v4/projects/acme%2Fsupport/issues/1',
    ]);
  });

  it("never overwrites someone else's claim: one held before our read is refused without a write", async () => {
    gitlab = await fakeGitlab(2);
    issue(1).assignees = [MEI];
    const taken = await source().claim(seen(1));
    assert.ok(taken.kind === 'conflict');
    assert.equal(taken.holder?.name, 'Mei Chen');
    assert.equal(gitlab.server.requests.filter((r) => r.method === 'PUT').length, 0);
  });

  it('a claim that lands just after ours stays, and we are told whose it is', async () => {
    gitlab = await fakeGitlab(2);
    gitlab.at('afterWrite', async () => gitlab.setAssignees(issue(2), [MEI.id], MEI));
    const race = await source().claim(seen(2));
    assert.ok(race.kind === 'conflict', race.kind);
    assert.equal(race.holder?.name, 'Mei Chen');
    assert.match(race.message, /claimed by Mei Chen at the same moment; it stays theirs/);
    assert.equal(gitlab.server.requests.filter((r) => r.method === 'PUT').length, 1, 'no second write over her claim');
    assert.deepEqual(issue(2).assignees, [MEI]);
  });

  it('a claim that lands between our read and our write, which our write replaced, is put back and named', async () => {
    gitlab = await fakeGitlab(2);
    gitlab.at('betweenReadAndWrite', async () => gitlab.setAssignees(issue(2), [MEI.id], MEI));
    const race = await source().claim(seen(2));
    assert.ok(race.kind === 'conflict', race.kind);
    assert.equal(race.holder?.name, 'Mei Chen');
    assert.deepEqual(issue(2).assignees, [MEI]);
    assert.deepEqual(
      issue(2)
        .notes.filter((n) => n.system)
        .map((n) => `${n.author.username}: ${n.body}`),
      [
        'mei.chen: assigned to @mei.chen',
        'sam.taylor: assigned to @sam.taylor and unassigned @mei.chen',
        'sam.taylor: assigned to @mei.chen and unassigned @sam.taylor',
      ],
    );
  });

  it('says so when what a claim did cannot be checked, because GitLab stopped answering after the write', async () => {
    gitlab = await fakeGitlab(1);
    gitlab.at('afterWrite', async () => gitlab.fail({ kind: 'drop' }, 'read', 1_000));
    const claimed = await source().claim(seen(1));
    assert.equal(claimed.kind, 'offline');
    assert.match(claimed.kind === 'offline' ? claimed.message : '', /whether a colleague was assigned at the same moment could not be checked/);
  });

  it('a release does not take a claim that landed between our read and our write', async () => {
    gitlab = await fakeGitlab(1);
    issue(1).assignees = [SAM];
    gitlab.at('betweenReadAndWrite', async () => gitlab.setAssignees(issue(1), [MEI.id], MEI));
    assert.equal((await source().release(seen(1))).kind, 'ok');
    assert.deepEqual(issue(1).assignees, [MEI]);
  });

  it('adds an internal note with internal: true, and never posts it twice after a lost answer', async () => {
    gitlab = await fakeGitlab(1);
    gitlab.losingAnswers = true;
    const noted = await source().addInternalNote('1', 'Reproduced on staging.');
    assert.ok(noted.kind === 'ok', noted.kind);
    assert.deepEqual(
      issue(1).notes.map((n) => [n.body, n.internal]),
      [['Reproduced on staging.', true]],
    );
    assert.equal(gitlab.server.requests.filter((r) => r.method === 'POST').length, 1);
    assert.equal(noted.value.comments.at(-1)?.internal, true);
  });

  it('never posts a note twice when GitLab’s clock is three minutes behind ours', async () => {
    gitlab = await fakeGitlab(1);
    gitlab.skewMs = -3 * 60_000;
    gitlab.losingAnswers = true;
    assert.equal((await source().addInternalNote('1', 'Reproduced on staging.')).kind, 'ok');
    assert.equal(issue(1).notes.length, 1);
  });

  it('hands off: team label swapped, internal note, claim released', async () => {
    gitlab = await fakeGitlab(1);
    issue(1).assignees = [SAM];
    const handed = await source().handOff(seen(1), { team: 'billing', note: 'Billing owns the invoice renderer.' });
    assert.ok(handed.kind === 'ok', handed.kind);
    assert.deepEqual(
      issue(1).labels.filter((l) => l.startsWith('team::')),
      ['team::billing'],
    );
    assert.deepEqual(issue(1).assignees, []);
    assert.deepEqual(
      issue(1)
        .notes.filter((n) => !n.system)
        .map((n) => n.internal),
      [true],
    );
  });

  it('hands off to another project: the note first, then the release, then the move', async () => {
    gitlab = await fakeGitlab(1);
    issue(1).assignees = [SAM];
    const handed = await source().handOff(seen(1), { team: 'project:acme/billing-support', note: 'Billing owns this.' });
    assert.ok(handed.kind === 'ok', handed.kind);
    const moved = issue(1);
    assert.deepEqual(
      [moved.notes.filter((n) => !n.system).map((n) => n.internal), moved.assignees, moved.state, moved.moved_to_id !== null],
      [[true], [], 'closed', true],
    );
    const order = gitlab.server.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url.split('/').pop()}`);
    assert.deepEqual(order, ['POST notes', 'PUT 1', 'POST move']);
  });

  it('names the step that failed and what was already done', async () => {
    gitlab = await fakeGitlab(1);
    gitlab.at('afterWrite', async () => gitlab.fail({ kind: 'status', status: 403 }, 'write', 1));
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
    const [request] = gitlab.mergeRequests;
    assert.deepEqual(
      [request?.source_branch, request?.target_branch, request?.title, request?.description],
      ['support/1-x', 'main', 'Draft: Issue 1', 'Closes #1'],
    );
  });

  it('records a fix branch once', async () => {
    gitlab = await fakeGitlab(1);
    const link = { kind: 'branch' as const, name: 'support/1-x' };
    assert.equal((await source().linkChange('1', link)).kind, 'ok');
    assert.equal((await source().linkChange('1', link)).kind, 'ok');
    assert.equal(issue(1).notes.length, 1);
  });
});
