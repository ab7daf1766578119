import { strict as assert } from 'node:assert';
import { DEFAULT_SLA_TARGETS, formatSla, slaDueAt } from '../../../src/core/sla';
import type { Ticket } from '../../../src/core/ticket';
import type { SourceResult } from '../../../src/providers/sourceResult';
import { jiraSource } from '../../conformance/jira/jiraSubject';
import { fakeJira, MEI, QUEUE_ID, SAM, SERVICE_DESK, type JiraServer } from '../../conformance/jira/jiraServer';
import { userId } from '../../conformance/jira/jiraRecords';

function ok<T>(result: SourceResult<T>): T {
  assert.equal(result.kind, 'ok', 'message' in result ? result.message : '');
  if (result.kind !== 'ok') throw new Error('unreachable');
  return result.value;
}

async function queue(server: JiraServer, waits: number[] = [], overrides: Parameters<typeof jiraSource>[2] = {}): Promise<readonly Ticket[]> {
  return ok(await jiraSource(server, waits, overrides).listQueue({})).tickets;
}

describe('the Jira source', () => {
  let server: JiraServer;
  afterEach(async () => server.server.close());

  describe("Cloud's eventually consistent search", () => {
    it('keeps our own claim over a search that has not caught up, until the search agrees', async () => {
      server = await fakeJira('cloud', 3);
      const source = jiraSource(server);
      const [first] = ok(await source.listQueue({})).tickets;
      assert.ok(first);
      server.freezeSearch();
      ok(await source.claim({ id: first.id, revision: first.revision }));
      const lagging = ok(await source.listQueue({})).tickets.find((t) => t.id === first.id);
      assert.equal(lagging?.assignee?.id, SAM.accountId, 'the claim shows although the search still finds the issue unassigned');
      server.thawSearch();
      server.assign(server.issues.get(first.id) ?? assert.fail('the issue'), MEI, MEI);
      const agreed = ok(await source.listQueue({})).tickets.find((t) => t.id === first.id);
      assert.equal(agreed?.assignee?.id, MEI.accountId, 'once the search is newer than our write, it is believed');
    });
  });

  describe('service desk SLAs', () => {
    it('is due at the next breach among running SLAs, and a request whose SLAs are all paused is paused, never due', async () => {
      server = await fakeJira('cloud', 2);
      const [running, paused] = [...server.issues.values()];
      assert.ok(running && paused);
      const now = server.nowMs();
      running.slas = [
        { name: 'Time to first response', breachAt: now + 30 * 60_000, paused: false },
        { name: 'Time to resolution', breachAt: now + 10 * 60_000, paused: true },
        { name: 'Time to close', breachAt: now + 90 * 60_000, paused: false },
      ];
      paused.slas = [{ name: 'Time to resolution', breachAt: now - 60 * 60_000, paused: true }];
      const tickets = await queue(server, [], { scope: { serviceDesk: SERVICE_DESK, queue: QUEUE_ID } });
      const shown = (id: string): Ticket => tickets.find((t) => t.id === id) ?? assert.fail(`ticket ${id}`);
      assert.equal(shown(running.id).slaDueAt?.getTime(), now + 30 * 60_000);
      assert.equal(shown(paused.id).slaPaused, true);
      assert.equal(slaDueAt(shown(paused.id), DEFAULT_SLA_TARGETS), undefined, 'neither the stale breach nor the per-severity target');
      assert.match(formatSla(shown(paused.id), DEFAULT_SLA_TARGETS, new Date()), /SLA paused/);
    });

    it('posts an internal note as a service desk comment that is not public', async () => {
      server = await fakeJira('cloud', 1);
      const [issue] = [...server.issues.values()];
      assert.ok(issue);
      const source = jiraSource(server, [], { scope: { serviceDesk: SERVICE_DESK, queue: QUEUE_ID }, internalVisibility: undefined });
      assert.equal(source.capabilities.internalNotes, true);
      const ticket = ok(await source.addInternalNote(issue.id, 'Reproduced with the **customer’s** invoice.'));
      assert.deepEqual(
        issue.comments.map((c) => [c.jsdPublic, c.visibility]),
        [[false, undefined]],
      );
      assert.equal(ticket.comments.at(-1)?.internal, true);
    });
  });

  it('says it has no internal notes (nor hand-off) on plain Jira without a visibility to restrict them to', async () => {
    server = await fakeJira('dataCenter', 1);
    const source = jiraSource(server, [], { internalVisibility: undefined });
    assert.deepEqual([source.capabilities.internalNotes, source.capabilities.handoff], [false, false]);
    const [issue] = [...server.issues.values()];
    assert.equal((await source.addInternalNote(issue?.id ?? '', 'Not for the customer')).kind, 'refused');
    assert.deepEqual(issue?.comments, [], 'nothing visible was posted');
  });

  it('asks to sign in again when the site answers with a sign-in page instead of JSON', async () => {
    server = await fakeJira('dataCenter', 2);
    server.loginPage = true;
    const source = jiraSource(server);
    const listed = await source.listQueue({});
    assert.equal(listed.kind, 'unauthorised');
    assert.match('message' in listed ? listed.message : '', /sign-in page/);
    assert.equal((await source.getTicket('10001')).kind, 'unauthorised');
  });

  it('puts back a colleague its claim replaced, as the changelog names them, and says who holds the issue', async () => {
    server = await fakeJira('dataCenter', 1);
    const [issue] = [...server.issues.values()];
    assert.ok(issue);
    const source = jiraSource(server);
    const seen = ok(await source.getTicket(issue.id));
    server.at('betweenReadAndWrite', async () => server.assign(issue, MEI, MEI));
    const claimed = await source.claim({ id: issue.id, revision: seen.revision });
    assert.equal(claimed.kind, 'conflict');
    assert.equal(claimed.kind === 'conflict' ? claimed.holder?.id : undefined, userId(MEI, 'dataCenter'));
    assert.equal(issue.assignee?.name, MEI.name);
    assert.deepEqual(
      issue.histories.map((h) => [h.author.name, h.items[0]?.from, h.items[0]?.to]),
      [
        ['mei', null, 'mei'],
        ['sam', 'mei', 'sam'],
        ['sam', 'sam', 'mei'],
      ],
    );
  });

  it('records a fix branch as one remote link, however often it is recorded', async () => {
    server = await fakeJira('cloud', 1);
    const [issue] = [...server.issues.values()];
    assert.ok(issue);
    const source = jiraSource(server);
    ok(await source.linkChange(issue.id, { kind: 'branch', name: 'support/SUP-1-vat-twice' }));
    const again = ok(await source.linkChange(issue.id, { kind: 'branch', name: 'support/SUP-1-vat-twice' }));
    assert.equal(issue.remoteLinks.length, 1);
    assert.equal(issue.remoteLinks[0]?.globalId, 'support-rotation:branch:support/SUP-1-vat-twice');
    assert.deepEqual(
      again.links.map((l) => [l.kind, l.name]),
      [['branch', 'support/SUP-1-vat-twice']],
    );
  });

  it("waits out a rate limit until the reset date Jira Cloud names, in the server's clock", async () => {
    server = await fakeJira('cloud', 2);
    server.skewMs = 5 * 60_000;
    server.fail({ kind: 'status', status: 429, resetInSeconds: 7 }, 'read', 1);
    const waits: number[] = [];
    assert.equal((await queue(server, waits)).length, 2);
    const [wait = 0] = waits;
    assert.ok(wait >= 6_000 && wait <= 8_000, `waited ${wait} ms for a reset 7 s away`);
  });
});
