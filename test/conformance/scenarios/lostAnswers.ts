/**
 * Every write that is not idempotent, with its answer lost after the server carried it out: the
 * operation still succeeds, and the server holds the change exactly once.
 */
import { strict as assert } from 'node:assert';
import type { ConformanceSubject, FakeServer, ServerTicket, Transport } from '../conformanceSubject';
import { expectOk, notesWithBody, seenOf, ticketOn, useServer, when } from './scenarioKit';

export function lostAnswers(subject: ConformanceSubject): void {
  describe('lost answers on writes that are not idempotent', () => {
    const kit = useServer(subject);
    const { capabilities: can, transport } = subject;

    when(transport && can.internalNotes)('an internal note is posted once', () => noteOnce(kit.server, kit.transport, true));

    when(transport && can.publicReplies)('a reply to the customer is posted once', () => noteOnce(kit.server, kit.transport, false));

    when(transport && can.claim)('a claim is made once, and holds', async () => {
      const { server } = kit;
      const [id = ''] = await server.seed([{}]);
      const source = server.source();
      const seen = await seenOf(source, id);
      kit.transport.loseAnswers();
      const claimed = expectOk(await source.claim(seen));
      kit.transport.restore();
      assert.equal(claimed.assignee?.id, server.me.id);
      assert.deepEqual(ticketOn(await server.state(), id).assignees, [server.me.id]);
    });

    when(transport && can.handoff)('a hand-off moves the ticket once, with one note, released', async () => {
      const { server } = kit;
      const [id = ''] = await server.seed([{ holder: 'me' }]);
      const source = server.source();
      const seen = await seenOf(source, id);
      const note = 'Billing owns the invoice renderer: see the stack trace above.';
      kit.transport.loseAnswers();
      expectOk(await source.handOff(seen, { team: 'billing', note }));
      kit.transport.restore();
      const ticket = ticketOn(await server.state(), id);
      assert.deepEqual([ticket.team, ticket.assignees, notesWithBody(ticket, note).length], ['billing', [], 1]);
    });

    when(transport && can.linkChanges)('a fix branch is recorded once', async () => {
      const { server } = kit;
      const [id = ''] = await server.seed([{}]);
      const branch = 'support/1-vat-twice';
      kit.transport.loseAnswers();
      expectOk(await server.source().linkChange(id, { kind: 'branch', name: branch }));
      kit.transport.restore();
      assert.equal(linkRecords(ticketOn(await server.state(), id), branch), 1);
    });

    when(transport && can.mergeRequests)('a merge request is opened once', async () => {
      const { server } = kit;
      const [id = ''] = await server.seed([{}]);
      const source = server.source();
      kit.transport.loseAnswers();
      const created = await source.createMergeRequest?.({
        ticketId: id,
        sourceBranch: 'support/1-vat-twice',
        targetBranch: 'main',
        title: 'Invoices show VAT twice',
        description: `Closes #${id}`,
        draft: true,
      });
      kit.transport.restore();
      assert.ok(created);
      expectOk(created);
      assert.deepEqual(await server.mergeRequests?.(), ['support/1-vat-twice']);
    });

    when(transport && can.internalNotes)('a note whose answer is lost while the server stays unreachable is not sent again', async () => {
      const { server } = kit;
      const [id = ''] = await server.seed([{}]);
      const body = 'Reproduced on staging with the customer’s invoice.';
      kit.transport.loseAnswers();
      server.at('afterWrite', async () => kit.transport.fail({ kind: 'drop' }, 'read', 1_000));
      const result = await server.source().addInternalNote(id, body);
      kit.transport.restore();
      assert.equal(notesWithBody(ticketOn(await server.state(), id), body).length, 1, `one note (${result.kind})`);
    });
  });
}

/** Shared with the clock-skew scenarios: one note, its answer lost, found on the server exactly once. */
export async function noteOnce(server: FakeServer, transport: Transport, internal: boolean): Promise<void> {
  const [id = ''] = await server.seed([{}]);
  const source = server.source();
  const body = internal ? 'Reproduced on staging with the customer’s invoice.' : 'We have found the cause and are working on a fix.';
  transport.loseAnswers();
  const sent = expectOk(internal ? await source.addInternalNote(id, body) : await source.addPublicReply(id, body));
  transport.restore();
  assert.equal(sent.comments.filter((c) => c.body === body).length, 1, 'the answer shows the note once');
  const notes = notesWithBody(ticketOn(await server.state(), id), body);
  assert.deepEqual(
    notes.map((n) => [n.internal, n.author]),
    [[internal, server.me.id]],
    'the server holds it once',
  );
}

/** A link as the ticket records it, or as a note that names it where the system records links that way. */
function linkRecords(ticket: ServerTicket, name: string): number {
  return ticket.links.filter((l) => l === name).length + ticket.notes.filter((n) => n.body.includes(name)).length;
}
