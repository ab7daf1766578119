/**
 * What keeping a 5,000-issue GitLab queue complete costs, measured against the GitLab fake (whose
 * issues carry every field GitLab's documented answer has): the first load, a refresh when nothing
 * changed, one when an issue changed, and the full read a deletion sets off. The figures are
 * printed for the README and held to a budget here.
 */
import { strict as assert } from 'node:assert';
import { loadSource } from '../../../src/providers/queueLoader';
import { fakeGitlab, type FakeGitlab } from '../../conformance/gitlab/gitlabServer';
import { gitlabSource } from '../../conformance/gitlab/gitlabSubject';

/** Pages of 100 issues from a 5,000-issue fake can take seconds on a busy machine; a timeout's retry would be counted as a request. */
const PATIENT_TIMEOUT_MS = 60_000;

const QUEUE = 5_000;

describe(`keeping a ${QUEUE.toLocaleString('en')}-issue GitLab queue complete`, function () {
  this.timeout(120_000);
  let gitlab: FakeGitlab;

  after(async () => gitlab?.server.close());

  it('costs two small requests per refresh, and one full read of about 51 pages when the count disagrees', async () => {
    gitlab = await fakeGitlab();
    // A queue built up over the last days, as a real one is: nothing changed in the last minute.
    const start = Date.now() - 7 * 86_400_000;
    for (let i = 0; i < QUEUE; i++) gitlab.createIssue({ createdAt: new Date(start + i * 60_000).toISOString() });
    const source = gitlabSource(gitlab, [], undefined, undefined, PATIENT_TIMEOUT_MS);
    const measure = async (what: string): Promise<{ requests: number; bytes: number }> => {
      const [requests, bytes] = [gitlab.server.requests.length, gitlab.bytesSent];
      const loaded = await loadSource(source);
      assert.equal(loaded.failure, undefined);
      assert.equal(loaded.tickets.length, [...gitlab.issues.values()].filter((i) => i.state === 'opened').length, what);
      const cost = { requests: gitlab.server.requests.length - requests, bytes: gitlab.bytesSent - bytes };
      console.log(`      ${what}: ${cost.requests} requests, ${(cost.bytes / 1024).toFixed(1)} KB`);
      return cost;
    };
    const first = await measure('first load');
    const unchanged = await measure('refresh, nothing changed');
    const issue = gitlab.issues.get(2_500);
    if (issue) [issue.title] = ['Renamed'];
    if (issue) gitlab.touch(issue);
    const changed = await measure('refresh, one issue changed');
    gitlab.issues.delete(17);
    const deleted = await measure('refresh after a deletion (count differs: full read)');

    assert.equal(first.requests, Math.ceil((QUEUE - 100) / 99) + 1, 'pages of 100 that overlap by one');
    assert.deepEqual([unchanged.requests, changed.requests], [2, 2]);
    assert.ok(unchanged.bytes < 2_048 && changed.bytes < 8_192, `${unchanged.bytes} and ${changed.bytes} bytes`);
    assert.equal(deleted.requests, 2 + first.requests);
  });
});
