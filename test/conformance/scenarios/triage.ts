/**
 * Setting a ticket's severity and status follows the rules of a claim: it acts on the ticket as it
 * was seen. A ticket that changed since is refused, with what it is now, and nothing is overwritten;
 * a colleague claiming at the same moment keeps their claim; a lost answer still ends in one change.
 */
import { strict as assert } from 'node:assert';
import type { Ticket } from '../../../src/core/ticket';
import type { TicketSource, TriagedSeverity } from '../../../src/providers/ticketSource';
import type { ConformanceSubject } from '../conformanceSubject';
import { expectOk, ticketOn, useServer, when } from './scenarioKit';

export function triage(subject: ConformanceSubject): void {
  describe('triage', () => {
    const kit = useServer(subject);
    const { capabilities: can, transport } = subject;

    when(can.setSeverity && can.setStatus)('severity and status set on the ticket as seen: the server holds both, nothing else changes', async () => {
      const { server } = kit;
      const [id = '', other = ''] = await server.seed([{ holder: 'colleague' }, {}]);
      const source = server.source();
      const seen = expectOk(await source.getTicket(id));
      const before = await server.state();
      const severity = anotherSeverity(seen);
      const status = anotherStatus(source, seen);
      const triaged = expectOk(await setSeverity(source)({ id, revision: seen.revision }, severity));
      expectOk(await setStatus(source)({ id, revision: triaged.revision }, status));
      const state = await server.state();
      const ticket = ticketOn(state, id);
      assert.deepEqual([ticket.severity, ticket.status], [severity, status]);
      assert.deepEqual([ticket.title, ticket.assignees, ticket.team], [seen.title, [server.colleague.person.id], seen.team], 'the rest is as it was');
      assert.deepEqual(ticketOn(state, other), ticketOn(before, other), 'the other ticket is untouched');
    });

    when(can.setSeverity)('a severity set on a ticket that changed since: refused, told what it is now, nothing overwritten', async () => {
      const { server } = kit;
      const [id = ''] = await server.seed([{}]);
      const source = server.source();
      const seen = expectOk(await source.getTicket(id));
      await server.colleague.retitle(id, 'Checkout fails for every customer in EMEA');
      const result = await setSeverity(source)({ id, revision: seen.revision }, anotherSeverity(seen));
      assertRefusedWithNow(result.kind === 'conflict' ? result.current : undefined, result.kind, 'Checkout fails for every customer in EMEA');
      assert.equal(ticketOn(await server.state(), id).severity, seen.severity, 'the severity is as the colleague left it');
    });

    when(can.setStatus)('a status set on a ticket that changed since: refused, told what it is now, nothing overwritten', async () => {
      const { server } = kit;
      const [id = ''] = await server.seed([{}]);
      const source = server.source();
      const seen = expectOk(await source.getTicket(id));
      const before = ticketOn(await server.state(), id).status;
      await server.colleague.retitle(id, 'Checkout fails for every customer in EMEA');
      const result = await setStatus(source)({ id, revision: seen.revision }, anotherStatus(source, seen));
      assertRefusedWithNow(result.kind === 'conflict' ? result.current : undefined, result.kind, 'Checkout fails for every customer in EMEA');
      assert.equal(ticketOn(await server.state(), id).status, before, 'the status is as it was');
    });

    when(can.setStatus && can.claim)('a colleague claiming between our read and our write: their claim stands, and our status is all or nothing', async () => {
      const { server } = kit;
      const [id = ''] = await server.seed([{}]);
      const source = server.source();
      const seen = expectOk(await source.getTicket(id));
      const before = ticketOn(await server.state(), id).status;
      const status = anotherStatus(source, seen);
      let told: boolean | undefined;
      server.at('betweenReadAndWrite', async () => (told = await server.colleague.claim(id)));
      const result = await setStatus(source)({ id, revision: seen.revision }, status);
      await server.settle();
      const ticket = ticketOn(await server.state(), id);
      assert.notEqual(told, undefined, 'the colleague acted');
      assert.deepEqual(ticket.assignees, told ? [server.colleague.person.id] : [], 'a claim the colleague was told worked stands');
      assert.equal(ticket.status, result.kind === 'ok' ? status : before, `${result.kind}: ${'message' in result ? result.message : ''}`);
    });

    when(transport && can.setSeverity && can.setStatus)('severity and status set with their answers lost: each changed once, and holds', async () => {
      const { server } = kit;
      const [id = ''] = await server.seed([{}]);
      const source = server.source();
      const seen = expectOk(await source.getTicket(id));
      const severity = anotherSeverity(seen);
      const status = anotherStatus(source, seen);
      kit.transport.loseAnswers();
      const triaged = expectOk(await setSeverity(source)({ id, revision: seen.revision }, severity));
      const settled = expectOk(await setStatus(source)({ id, revision: triaged.revision }, status));
      kit.transport.restore();
      assert.deepEqual([settled.severity, settled.status], [severity, status], 'the answer says what the server holds');
      const ticket = ticketOn(await server.state(), id);
      assert.deepEqual([ticket.severity, ticket.status], [severity, status]);
    });
  });
}

function setSeverity(source: TicketSource): NonNullable<TicketSource['setSeverity']> {
  const set = source.setSeverity?.bind(source);
  assert.ok(set, 'a source that declares setSeverity has the method');
  return set;
}

function setStatus(source: TicketSource): NonNullable<TicketSource['setStatus']> {
  const set = source.setStatus?.bind(source);
  assert.ok(set, 'a source that declares setStatus has the method');
  return set;
}

function anotherSeverity(ticket: Ticket): TriagedSeverity {
  return ticket.severity === 2 ? 1 : 2;
}

/** One the source offers, other than the ticket's, and not one that takes it out of the queue. */
function anotherStatus(source: TicketSource, ticket: Ticket): string {
  const status = source.statuses?.find((s) => s !== ticket.status && s !== 'closed' && s !== 'solved');
  assert.ok(status, `${source.label} offers a status other than "${ticket.status}"`);
  return status;
}

function assertRefusedWithNow(current: Ticket | undefined, kind: string, title: string): void {
  assert.equal(kind, 'conflict', 'refused');
  assert.equal(current?.title, title, 'with the ticket as it is now');
}
