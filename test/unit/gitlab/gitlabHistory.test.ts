import { strict as assert } from 'node:assert';
import { readWholeHistory } from '../../conformance/scenarios/scenarioKit';
import type { GitlabSource } from '../../../src/providers/gitlab/gitlabSource';
import { fakeGitlab, type GitlabServer } from '../../conformance/gitlab/gitlabServer';
import { gitlabSource } from '../../conformance/gitlab/gitlabSubject';
import type { IssueRecord } from '../../conformance/gitlab/gitlabRecords';

const DAY = 86_400_000;

describe('GitLab ticket history', () => {
  let gitlab: GitlabServer;
  const waits: number[] = [];

  beforeEach(async () => {
    gitlab = await fakeGitlab();
    waits.length = 0;
  });
  afterEach(() => gitlab.server.close());

  const readAll = (source: GitlabSource, since: Date): ReturnType<typeof readWholeHistory> => readWholeHistory(source, since, 50);

  const ago = (days: number): string => new Date(Date.now() - days * DAY).toISOString();
  const close = (issue: IssueRecord, at = gitlab.now()): void => {
    Object.assign(issue, { state: 'closed', closed_at: at, updated_at: at });
  };

  it('reads every issue of the window once across pages, whatever shares a page boundary', async () => {
    // 250 issues, some sharing one second at the 100th and 200th place.
    for (let i = 0; i < 250; i++) gitlab.createIssue({ createdAt: new Date(Date.now() - 20 * DAY + Math.floor(i / 3) * 1000).toISOString() });
    const { records, problems, pages } = await readAll(gitlabSource(gitlab, waits), new Date(Date.now() - 30 * DAY));
    assert.deepEqual(problems, []);
    assert.ok(pages >= 3, `${pages} pages`);
    assert.deepEqual(
      records.map((r) => Number(r.id)).sort((a, b) => a - b),
      [...gitlab.issues.keys()].sort((a, b) => a - b),
    );
  });

  it('holds what was created or closed in the window, and nothing else', async () => {
    const old = gitlab.createIssue({ title: 'Old and still open', createdAt: ago(60) });
    const closedLately = gitlab.createIssue({ title: 'Old, closed lately', createdAt: ago(60) });
    close(closedLately, ago(2));
    const closedLongAgo = gitlab.createIssue({ title: 'Old, closed long ago, commented lately', createdAt: ago(60) });
    close(closedLongAgo, ago(50));
    gitlab.touch(closedLongAgo);
    gitlab.createIssue({ title: 'New', createdAt: ago(3) });
    gitlab.touch(old);
    const { records } = await readAll(gitlabSource(gitlab, waits), new Date(Date.now() - 30 * DAY));
    assert.deepEqual(records.map((r) => r.title).sort(), ['New', 'Old, closed lately']);
  });

  it('gives closed_at as resolved, a reopened issue as open, and leaves the first claim and breach unknown', async () => {
    const resolved = gitlab.createIssue({
      title: 'Resolved',
      description: 'Checkout returns 502',
      labels: ['severity::1', 'team::billing'],
      createdAt: ago(5),
    });
    close(resolved, ago(1));
    const reopened = gitlab.createIssue({ title: 'Reopened', createdAt: ago(5) });
    close(reopened, ago(2));
    Object.assign(reopened, { state: 'opened', closed_at: null });
    gitlab.touch(reopened);
    const { records } = await readAll(gitlabSource(gitlab, waits), new Date(Date.now() - 30 * DAY));
    const byTitle = new Map(records.map((r) => [r.title, r]));
    const done = byTitle.get('Resolved');
    assert.deepEqual(
      [done?.resolvedAt?.toISOString(), done?.severity, done?.team, done?.text, done?.key],
      [resolved.closed_at, 1, 'billing', 'Checkout returns 502', `#${resolved.iid}`],
    );
    assert.equal(byTitle.get('Reopened')?.resolvedAt, null);
    assert.ok(done && !('firstClaimedAt' in done) && !('breachAt' in done), 'unknown, not never');
  });

  it('reports a malformed issue, and a closed one without closed_at, as problems and keeps the rest', async () => {
    const broken = gitlab.createIssue({ createdAt: ago(4) });
    gitlab.malformed.add(broken.iid);
    const undated = gitlab.createIssue({ createdAt: ago(4) });
    Object.assign(undated, { state: 'closed', closed_at: null });
    gitlab.createIssue({ title: 'Fine', createdAt: ago(4) });
    const { records, problems } = await readAll(gitlabSource(gitlab, waits), new Date(Date.now() - 30 * DAY));
    assert.deepEqual(
      records.map((r) => r.title),
      ['Fine'],
    );
    assert.deepEqual(problems.map((p) => [p.field, p.location.endsWith(`(#${broken.iid})`) || p.location.endsWith(`(#${undated.iid})`)]).sort(), [
      ['closed_at', true],
      ['title', true],
    ]);
  });

  it('waits as long as a rate limit asks, then reads on', async () => {
    gitlab.createIssue({ createdAt: ago(1) });
    gitlab.fail({ kind: 'status', status: 429, retryAfterSeconds: 7 }, 'read', 1);
    const { records } = await readAll(gitlabSource(gitlab, waits), new Date(Date.now() - 30 * DAY));
    assert.equal(records.length, 1);
    assert.deepEqual(waits, [7_000]);
  });

  it('refuses a cursor it did not write', async () => {
    const result = await gitlabSource(gitlab, waits).history({ since: new Date(), cursor: 'page=2' });
    assert.equal(result.kind, 'invalidResponse');
  });
});
