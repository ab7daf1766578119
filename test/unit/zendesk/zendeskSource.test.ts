/** Zendesk's own cases, beside the conformance suite: its locking, its 409s, its paging and its side-loads. */
import { strict as assert } from 'node:assert';
import { loadSource } from '../../../src/providers/queueLoader';
import { zendeskSource } from '../../conformance/zendesk/zendeskSubject';
import { fakeZendesk, GROUPS, MEI, SAM, type ZendeskServer } from '../../conformance/zendesk/zendeskServer';

describe('the Zendesk source', () => {
  let server: ZendeskServer;
  let clock = Date.parse('2026-11-24T10:00:00.100Z');
  beforeEach(async () => {
    clock = Date.parse('2026-11-24T10:00:00.100Z');
    server = await fakeZendesk(0, { now: () => clock });
  });
  afterEach(() => server.server.close());

  const puts = (): number => server.server.requests.filter((r) => r.method === 'PUT').length;
  const ticketOf = (id: number) => {
    const found = server.tickets.get(id);
    assert.ok(found);
    return found;
  };

  it('a claim that meets safe_update’s 409 writes nothing more and names who claimed first', async () => {
    const { id } = server.createTicket({ createdAt: clock - 60_000 });
    const source = zendeskSource(server);
    const seen = await source.getTicket(String(id));
    assert.equal(seen.kind, 'ok');
    server.at('betweenReadAndWrite', async () => {
      clock += 2_000;
      server.update(ticketOf(id), { assignee_id: MEI.id }, MEI);
    });
    const result = await source.claim({ id: String(id), revision: seen.kind === 'ok' ? seen.value.revision : '' });
    assert.equal(result.kind, 'conflict');
    assert.equal(result.kind === 'conflict' ? result.holder?.name : undefined, MEI.name);
    assert.equal(ticketOf(id).assignee_id, MEI.id);
    assert.equal(puts(), 1, 'one write, refused');
  });

  it('a colleague’s claim in the same second as our read, which safe_update lets through, is put back from the audit', async () => {
    // Created in the second the colleague claims in: Zendesk's stamp, to the second, cannot tell the two apart.
    const { id } = server.createTicket({ createdAt: clock - 50 });
    const source = zendeskSource(server);
    const seen = await source.getTicket(String(id));
    assert.equal(seen.kind, 'ok');
    server.at('betweenReadAndWrite', async () => server.update(ticketOf(id), { assignee_id: MEI.id }, MEI));
    const result = await source.claim({ id: String(id), revision: seen.kind === 'ok' ? seen.value.revision : '' });
    assert.equal(result.kind === 'conflict' ? result.holder?.id : result.kind, String(MEI.id));
    assert.equal(ticketOf(id).assignee_id, MEI.id);
    const changes = ticketOf(id).audits.flatMap((a) => a.events.filter((e) => e.field_name === 'assignee_id').map((e) => [a.author_id, e.value]));
    assert.deepEqual(changes, [
      [MEI.id, String(MEI.id)],
      [SAM.id, String(SAM.id)],
      [SAM.id, String(MEI.id)],
    ]);
  });

  it('a 409 that is not about the ticket having changed is reported from its body, and not retried', async () => {
    const { id } = server.createTicket({ createdAt: clock - 60_000 });
    const source = zendeskSource(server);
    const seen = await source.getTicket(String(id));
    server.otherConflicts = 1;
    const result = await source.claim({ id: String(id), revision: seen.kind === 'ok' ? seen.value.revision : '' });
    assert.equal(result.kind, 'conflict');
    assert.equal(result.kind === 'conflict' ? result.holder : undefined, null);
    assert.match(result.kind === 'conflict' ? result.message : '', /merged into another ticket/);
    assert.equal(ticketOf(id).assignee_id, null);
    assert.equal(puts(), 1);
  });

  it('reads a view past 10,000 tickets by cursor, where offset paging is refused', async () => {
    for (let i = 0; i < 10_050; i++) server.createTicket({ createdAt: clock - (10_050 - i) * 1000 });
    const loaded = await loadSource(zendeskSource(server));
    assert.equal(loaded.failure, undefined, loaded.failure?.message);
    assert.equal(loaded.tickets.length, 10_050);
    assert.equal(new Set(loaded.tickets.map((t) => t.id)).size, 10_050);
    const viewReads = server.server.requests.filter((r) => r.url.includes('/views/'));
    assert.ok(
      viewReads.every((r) => decodeURIComponent(r.url).includes('page[size]=100')),
      'every page asked by cursor',
    );
  });

  it('lists a ticket whose assignee the side-loads leave out, named by number, and asks for that user once', async () => {
    server.createTicket({ createdAt: clock - 60_000, assignee: { id: 404, name: 'Deleted', email: 'gone@example.com', role: 'agent' } });
    server.createTicket({ createdAt: clock - 30_000 });
    const source = zendeskSource(server);
    const first = await loadSource(source);
    assert.equal(first.failure, undefined, first.failure?.message);
    assert.deepEqual(
      first.tickets.map((t) => t.assignee),
      [{ id: '404', name: 'Zendesk user 404' }, null],
    );
    assert.equal(first.tickets[1]?.requester?.name, 'Lena Fischer');
    await loadSource(source);
    assert.equal(server.server.requests.filter((r) => r.url.includes('/users/show_many')).length, 1);
  });

  it('refreshes with one request while nothing changed, and shows a change and a ticket that left on the next', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => server.createTicket({ createdAt: clock - (150 - i) * 1000 }).id);
    const source = zendeskSource(server);
    await loadSource(source);
    const before = server.server.requests.length;
    assert.equal((await loadSource(source)).tickets.length, 150);
    assert.equal(server.server.requests.length - before, 1, 'one request for an unchanged queue');
    clock += 5_000;
    server.update(ticketOf(ids[10] ?? 0), { subject: 'Renamed' }, MEI);
    server.update(ticketOf(ids[20] ?? 0), { status: 'solved' }, MEI);
    const after = await loadSource(source);
    assert.equal(after.tickets.find((t) => t.id === String(ids[10]))?.title, 'Renamed');
    assert.equal(after.tickets.length, 149);
  });

  it('hands off in one update: the team’s group, no assignee, the note as an internal comment', async () => {
    const { id } = server.createTicket({ createdAt: clock - 60_000, assignee: SAM });
    const source = zendeskSource(server);
    const seen = await source.getTicket(String(id));
    const handed = await source.handOff(
      { id: String(id), revision: seen.kind === 'ok' ? seen.value.revision : '' },
      { team: 'billing', note: 'Billing owns this.' },
    );
    assert.equal(handed.kind, 'ok', 'message' in handed ? handed.message : '');
    const ticket = ticketOf(id);
    assert.deepEqual([ticket.group_id, ticket.assignee_id, puts()], [GROUPS.find((g) => g.name === 'billing')?.id, null, 1]);
    assert.deepEqual(ticket.comments.at(-1)?.public, false);
  });

  it('records a fix branch once, as an internal note with the configured tag, and opens the agent’s ticket page', async () => {
    const { id } = server.createTicket({ createdAt: clock - 60_000 });
    const source = zendeskSource(server, [], { linkTag: 'has-fix-branch' });
    const link = { kind: 'branch' as const, name: 'support/1-vat-twice' };
    await source.linkChange(String(id), link);
    const again = await source.linkChange(String(id), link);
    assert.equal(again.kind, 'ok');
    assert.equal(ticketOf(id).comments.filter((c) => c.body.includes(link.name) && !c.public).length, 1);
    assert.ok(ticketOf(id).tags.includes('has-fix-branch'));
    assert.deepEqual(again.kind === 'ok' ? [again.value.links, again.value.url] : [], [[link], `${server.server.url}/agent/tickets/${id}`]);
  });

  it('reads a search’s queue from the export, looking up its people and groups in batches', async () => {
    server.createTicket({ createdAt: clock - 60_000, tags: ['vip'] });
    server.createTicket({ createdAt: clock - 30_000, tags: ['other'] });
    const source = zendeskSource(server, [], { scope: { query: 'status<solved tags:vip' } });
    const loaded = await loadSource(source);
    assert.equal(loaded.failure, undefined, loaded.failure?.message);
    assert.deepEqual(
      loaded.tickets.map((t) => [t.title, t.requester?.name, t.organization, t.team]),
      [['Ticket 1', 'Lena Fischer', 'Nordlicht Logistik GmbH', 'search']],
    );
  });

  it('says which credential was refused', async () => {
    server.createTicket({ createdAt: clock - 60_000 });
    const source = zendeskSource(server, [], { credential: 'the API token of sam.taylor@example.com' });
    server.fail({ kind: 'status', status: 401 }, 'any', 10);
    const loaded = await loadSource(source);
    assert.equal(loaded.failure?.kind, 'unauthorised');
    assert.match(loaded.failure?.message ?? '', /refused the API token of sam\.taylor@example\.com/);
  });

  it('drops a ticket solved out of the view at the next refresh, from the account’s recent tickets, however far the search index lags', async () => {
    server.searchLagMs = 60 * 60_000;
    for (let i = 0; i < 150; i++) server.createTicket({ createdAt: clock - (150 - i) * 60_000 });
    const source = zendeskSource(server, [], { elapsed: () => clock });
    assert.equal((await loadSource(source)).tickets.length, 150);
    clock += 30_000;
    const [first] = server.tickets.values();
    assert.ok(first);
    server.update(first, { status: 'solved' }, MEI);
    clock += 30_000;
    const refreshed = await loadSource(source);
    assert.equal(refreshed.tickets.length, 149);
    assert.ok(!refreshed.tickets.some((t) => t.id === String(first.id)));
    assert.ok(server.server.requests.some((r) => r.url.includes('/tickets?') && r.url.includes('sort_by=updated_at')));
  });
});
