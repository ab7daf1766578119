import { strict as assert } from 'node:assert';
import { jiraSource } from '../../conformance/jira/jiraSubject';
import { fakeJira, MEI, SAM, type JiraServer } from '../../conformance/jira/jiraServer';

describe("a Jira source's history", () => {
  let server: JiraServer;
  afterEach(async () => server.server.close());

  it('lists issues open and resolved since a time, with when each was first assigned as the changelog says', async () => {
    server = await fakeJira('dataCenter');
    const now = server.nowMs();
    const old = server.createIssue({ summary: 'Long ago', createdAt: now - 40 * 86_400_000 });
    const claimed = server.createIssue({ summary: 'Claimed and resolved', createdAt: now - 3_600_000 });
    const untouched = server.createIssue({ summary: 'Never claimed', createdAt: now - 1_800_000 });
    server.assign(claimed, MEI, MEI);
    const firstClaim = claimed.updated;
    server.assign(claimed, SAM, SAM);
    server.edit(claimed, SAM, (i) => {
      i.status = { name: 'Done', category: 'done' };
      i.resolutiondate = i.updated;
    });
    const page = await jiraSource(server, [], { historyJql: 'project = SUP' }).history({ since: new Date(now - 7 * 86_400_000) });
    assert.equal(page.kind, 'ok', 'message' in page ? page.message : '');
    if (page.kind !== 'ok') return;
    const records = new Map(page.value.records.map((r) => [r.id, r]));
    assert.equal(records.has(old.id), false, 'created and resolved before the time');
    assert.equal(records.get(claimed.id)?.firstClaimedAt?.getTime(), Date.parse(firstClaim));
    assert.equal(records.get(claimed.id)?.resolvedAt?.getTime(), Date.parse(claimed.resolutiondate ?? ''));
    assert.deepEqual([records.get(untouched.id)?.firstClaimedAt, records.get(untouched.id)?.resolvedAt], [null, null]);
    assert.equal(records.get(untouched.id)?.breachAt, undefined, 'plain Jira says nothing of breaches');
  });
});
