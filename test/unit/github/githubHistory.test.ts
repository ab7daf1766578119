import { strict as assert } from 'node:assert';
import { readWholeHistory } from '../../conformance/scenarios/scenarioKit';
import type { GithubSource } from '../../../src/providers/github/githubSource';
import { githubSource } from '../../conformance/github/githubSubject';
import { BILLING, fakeGithub, SUPPORT, type GithubServer } from '../../conformance/github/githubServer';
import type { IssueRecord } from '../../conformance/github/githubRecords';

const DAY = 86_400_000;

describe('GitHub ticket history', () => {
  let github: GithubServer;
  const waits: number[] = [];

  beforeEach(async () => {
    github = await fakeGithub();
    waits.length = 0;
  });
  afterEach(() => github.server.close());

  const readAll = (source: GithubSource, since: Date): ReturnType<typeof readWholeHistory> => readWholeHistory(source, since, 50);

  const ago = (days: number): number => Date.now() - days * DAY;
  const close = (issue: IssueRecord, at: number): void => {
    const time = new Date(Math.floor(at / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    Object.assign(issue, { state: 'closed', state_reason: 'completed', closed_at: time, updated_at: time });
  };
  const window = (): Date => new Date(ago(30));

  it('reads every issue of the window once across pages, pull requests left out', async () => {
    for (let i = 0; i < 230; i++) github.createIssue({ createdAt: ago(20) + Math.floor(i / 3) * 1000 });
    github.createIssue({ title: 'A fix', createdAt: ago(2), pull: { head: 'fix', base: 'main', draft: false } });
    const { records, problems, pages } = await readAll(githubSource(github, {}, waits), window());
    assert.deepEqual(problems, []);
    assert.ok(pages >= 3, `${pages} pages`);
    const expected = [...github.issues.values()].filter((i) => i.repository === SUPPORT && !i.pull).map((i) => String(i.number));
    assert.deepEqual(records.map((r) => r.id).sort(), expected.sort());
  });

  it('holds what was created or closed in the window, and nothing else', async () => {
    github.createIssue({ title: 'Old and still open', createdAt: ago(60) });
    close(github.createIssue({ title: 'Old, closed lately', createdAt: ago(60) }), ago(2));
    const commented = github.createIssue({ title: 'Old, closed long ago, commented lately', createdAt: ago(60) });
    close(commented, ago(50));
    github.touch(commented);
    github.createIssue({ title: 'New', createdAt: ago(3) });
    const { records } = await readAll(githubSource(github, {}, waits), window());
    assert.deepEqual(records.map((r) => r.title).sort(), ['New', 'Old, closed lately']);
  });

  it('gives closed_at as resolved, a reopened issue as open, labels as severity and team, and leaves the first claim and breach unknown', async () => {
    const resolved = github.createIssue({ title: 'Resolved', body: 'TypeError: cart is undefined', labels: ['P1', 'team: billing'], createdAt: ago(5) });
    close(resolved, ago(1));
    const reopened = github.createIssue({ title: 'Reopened', createdAt: ago(5) });
    close(reopened, ago(2));
    Object.assign(reopened, { state: 'open', state_reason: 'reopened', closed_at: null });
    github.touch(reopened);
    const { records } = await readAll(githubSource(github, {}, waits), window());
    const done = records.find((r) => r.title === 'Resolved');
    assert.deepEqual(
      [done?.resolvedAt?.toISOString(), done?.severity, done?.team, done?.text, done?.key],
      [new Date(resolved.closed_at ?? '').toISOString(), 1, 'billing', 'TypeError: cart is undefined', `#${resolved.number}`],
    );
    assert.equal(records.find((r) => r.title === 'Reopened')?.resolvedAt, null);
    assert.ok(done && !('firstClaimedAt' in done) && !('breachAt' in done), 'unknown, not never');
  });

  it('reads a search across repositories the same way', async () => {
    github.createIssue({ title: 'Support', createdAt: ago(3) });
    github.createIssue({ title: 'Billing', repository: BILLING, createdAt: ago(3) });
    const { records } = await readAll(githubSource(github, { scope: { query: 'org:acme' } }, waits), window());
    assert.deepEqual(records.map((r) => r.key).sort(), [`${BILLING}#1`, `${SUPPORT}#1`]);
  });

  it('reports a malformed issue as a problem and keeps the rest', async () => {
    const broken = github.createIssue({ createdAt: ago(4) });
    github.malformed.add(`${SUPPORT}#${broken.number}`);
    github.createIssue({ title: 'Fine', createdAt: ago(4) });
    const { records, problems } = await readAll(githubSource(github, {}, waits), window());
    assert.deepEqual(
      records.map((r) => r.title),
      ['Fine'],
    );
    assert.deepEqual(
      problems.map((p) => [p.field, p.location.endsWith(`(#${broken.number})`)]),
      [['title', true]],
    );
  });

  it('waits as long as a secondary rate limit asks, then reads on', async () => {
    github.createIssue({ createdAt: ago(1) });
    github.fail({ kind: 'status', status: 403, retryAfterSeconds: 5 }, 'read', 1);
    const { records } = await readAll(githubSource(github, {}, waits), window());
    assert.equal(records.length, 1);
    assert.deepEqual(waits, [5_000]);
  });
});
