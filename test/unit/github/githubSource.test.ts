import { strict as assert } from 'node:assert';
import { loadSource } from '../../../src/providers/queueLoader';
import type { SourceResult } from '../../../src/providers/sourceResult';
import type { GithubSource } from '../../../src/providers/github/githubSource';
import { githubSource } from '../../conformance/github/githubSubject';
import { BILLING, fakeGithub, MEI, NOTES, QUEUE_LABEL, SAM, SUPPORT, type GithubServer } from '../../conformance/github/githubServer';

describe('the GitHub source, in GitHub’s own cases', () => {
  let github: GithubServer;
  const waits: number[] = [];
  const source = (options: Parameters<typeof githubSource>[1] = {}): GithubSource => githubSource(github, options, waits);
  const ok = <T>(result: SourceResult<T>): T => {
    assert.equal(result.kind, 'ok', 'message' in result ? result.message : '');
    if (result.kind !== 'ok') throw new Error('unreachable');
    return result.value;
  };

  beforeEach(async () => {
    github = await fakeGithub();
    waits.length = 0;
  });
  afterEach(() => github.server.close());

  it('leaves out the pull requests that the issues endpoint lists with the issues', async () => {
    github.createIssue({ title: 'A customer issue' });
    github.createIssue({ title: 'A fix', labels: [QUEUE_LABEL], pull: { head: 'fix', base: 'main', draft: false } });
    const loaded = await loadSource(source());
    const listed = github.server.requests;
    assert.deepEqual(
      loaded.tickets.map((t) => t.title),
      ['A customer issue'],
    );
    assert.deepEqual(loaded.problems, []);
    assert.ok(
      listed.some((r) => /\/issues\?.*per_page=100/.test(r.url)),
      'asked for 100 a page',
    );
  });

  it('ends an assignee race with two assignees on GitHub, then steps aside and names the colleague', async () => {
    const issue = github.createIssue({});
    const ours = source();
    const seen = ok(await ours.getTicket('1'));
    let during: string[] = [];
    github.at('betweenReadAndWrite', async () => github.addAssignees(issue, [MEI.login]));
    github.at('afterWrite', async () => void (during = issue.assignees.map((a) => a.login)));
    const claimed = await ours.claim({ id: '1', revision: seen.revision });
    assert.deepEqual(during, [MEI.login, SAM.login], 'adding an assignee never removes one');
    assert.equal(claimed.kind, 'conflict');
    assert.equal(claimed.kind === 'conflict' ? claimed.holder?.id : undefined, MEI.login);
    assert.deepEqual(
      issue.assignees.map((a) => a.login),
      [MEI.login],
    );
  });

  it('says so when GitHub silently leaves out an assignee without push access', async () => {
    github.createIssue({});
    github.pushAccess.delete(SAM.login);
    const ours = source();
    const seen = ok(await ours.getTicket('1'));
    const claimed = await ours.claim({ id: '1', revision: seen.revision });
    assert.equal(claimed.kind, 'refused');
    assert.match(claimed.kind === 'refused' ? claimed.message : '', /write access/);
  });

  it('hands off by transferring to the team’s repository, then the note and the release', async () => {
    github.createIssue({ assignees: [SAM] });
    const ours = source();
    const seen = ok(await ours.getTicket('1'));
    const handed = ok(await ours.handOff({ id: '1', revision: seen.revision }, { team: `repository:${BILLING}`, note: 'Billing owns the renderer.' }));
    assert.equal(handed.id, `${BILLING}#1`);
    assert.equal(handed.assignee, null);
    assert.deepEqual(
      handed.comments.map((c) => [c.body, c.internal]),
      [['Billing owns the renderer.', true]],
    );
    const moved = github.issue(BILLING, 1);
    assert.deepEqual(moved.assignees, []);
    assert.equal(github.issue(SUPPORT, 1).movedTo?.repository, BILLING, 'the old address redirects');
    assert.deepEqual(
      (await loadSource(ours)).tickets.map((t) => t.id),
      [],
      'it left this queue',
    );
  });

  it('hands off by swapping the team label', async () => {
    github.createIssue({ labels: [QUEUE_LABEL, 'team:search', 'S2'], assignees: [SAM] });
    const ours = source();
    const seen = ok(await ours.getTicket('1'));
    const handed = ok(await ours.handOff({ id: '1', revision: seen.revision }, { team: 'billing', note: 'Over to billing.' }));
    assert.equal(handed.team, 'billing');
    assert.deepEqual(github.issue(SUPPORT, 1).labels, [QUEUE_LABEL, 'S2', 'team:billing']);
  });

  it('reads a locked issue’s 403 as a refusal, not as a sign-in problem, and posts nothing', async () => {
    const issue = github.createIssue({});
    issue.locked = true;
    github.pushAccess.delete(SAM.login);
    const reply = await source().addPublicReply('1', 'We are on it.');
    assert.equal(reply.kind, 'refused');
    assert.match(reply.kind === 'refused' ? reply.message : '', /locked/);
    assert.deepEqual(issue.comments, []);
  });

  it('waits out a secondary rate limit answered with 403 and retry-after', async () => {
    github.createIssue({});
    github.fail({ kind: 'status', status: 403, retryAfterSeconds: 3 }, 'read', 1);
    const loaded = await loadSource(source());
    assert.equal(loaded.failure, undefined);
    assert.equal(loaded.tickets.length, 1);
    assert.deepEqual(waits, [3_000]);
  });

  it('has no internal notes without a notes repository, and says so instead of posting in public', async () => {
    const issue = github.createIssue({});
    const ours = source({ notesRepository: undefined });
    assert.equal(ours.capabilities.internalNotes, false);
    const note = await ours.addInternalNote('1', 'Internal only.');
    assert.equal(note.kind, 'refused');
    assert.deepEqual(issue.comments, []);
    assert.equal([...github.issues.values()].filter((i) => i.repository === NOTES).length, 0);
  });

  it('keeps internal notes in one companion issue per ticket in the private repository', async () => {
    github.createIssue({});
    const ours = source();
    ok(await ours.addInternalNote('1', 'First.'));
    const ticket = ok(await ours.addInternalNote('1', 'Second.'));
    const companions = [...github.issues.values()].filter((i) => i.repository === NOTES);
    assert.deepEqual(
      companions.map((c) => c.title),
      [`Notes: ${SUPPORT}#1`],
    );
    assert.deepEqual(
      ticket.comments.map((c) => [c.body, c.internal]),
      [
        ['First.', true],
        ['Second.', true],
      ],
    );
    assert.equal(await ours.commentAudience('1'), 'public');
  });

  it('refreshes an unchanged queue with one 304, which costs no rate-limit point, even within a minute of its last change', async () => {
    for (let i = 0; i < 3; i++) github.createIssue({});
    const ours = source();
    await loadSource(ours);
    // Seconds pass on the server between refreshes, while its issues stay as they were.
    github.skewMs += 2_000;
    await loadSource(ours);
    github.skewMs += 2_000;
    const before = { requests: github.server.requests.length, counted: github.counted };
    const again = await loadSource(ours);
    assert.equal(again.tickets.length, 3);
    assert.equal(github.server.requests.length - before.requests, 1, 'one request');
    assert.equal(github.counted, before.counted, 'answered 304, not counted');
    assert.ok(github.server.requests.at(-1)?.headers['if-none-match']);
  });

  it('opens a draft pull request that fixes the issue, once, and shows it on the ticket with the state reason', async () => {
    github.createIssue({});
    const ours = source();
    const created = ok(
      await ours.createMergeRequest({
        ticketId: '1',
        sourceBranch: 'support/1-fix',
        targetBranch: 'main',
        title: 'Fix it',
        description: 'Fixes #1',
        draft: true,
      }),
    );
    assert.equal(created.reference, '#2');
    const ticket = ok(await ours.getTicket('1'));
    assert.deepEqual(ticket.links, [{ kind: 'mergeRequest', name: '#2 Fix it (open)', url: 'https://github.example.com/acme/support/pull/2' }]);
    Object.assign(github.issue(SUPPORT, 1), { state: 'closed', state_reason: 'not_planned' });
    assert.equal(ok(await ours.getTicket('1')).status, 'closed (not planned)');
    assert.equal(github.issue(SUPPORT, 2).pull?.draft, true);
  });

  it('reads a queue from an issue search across repositories', async () => {
    github.createIssue({ title: 'Support one' });
    github.createIssue({ repository: BILLING, title: 'Billing one' });
    github.createIssue({ repository: BILLING, title: 'Not escalated', labels: ['bug'] });
    const loaded = await loadSource(source({ scope: { query: 'org:acme' } }));
    assert.deepEqual(loaded.tickets.map((t) => [t.id, t.key]).sort(), [
      [`${BILLING}#1`, `${BILLING}#1`],
      [`${SUPPORT}#1`, `${SUPPORT}#1`],
    ]);
  });
});
