import { strict as assert } from 'node:assert';
import { loadSource } from '../../src/providers/queueLoader';
import { ok } from '../../src/providers/sourceResult';
import type { QueuePage, TicketSource } from '../../src/providers/ticketSource';
import { makeTicket } from '../support/ticketFactory';

/** A source whose pages are given: what a server whose pages shifted while they were read sends. */
function pagedSource(pages: readonly QueuePage[]): TicketSource {
  const unused = async (): Promise<never> => {
    throw new Error('not used by the loader');
  };
  return {
    id: 'paged',
    kind: 'test',
    label: 'Paged',
    me: undefined,
    capabilities: { claim: false, internalNotes: false, publicReplies: false, handoff: false, linkChanges: false },
    listQueue: async ({ cursor }) => ok(pages[Number(cursor ?? 0)] ?? { tickets: [], problems: [] }),
    getTicket: unused,
    claim: unused,
    release: unused,
    addInternalNote: unused,
    addPublicReply: unused,
    handOff: unused,
    linkChange: unused,
  };
}

describe('loading a source', () => {
  it('keeps a ticket that comes on two pages once, as it was read last', async () => {
    const source = pagedSource([
      { tickets: [makeTicket({ id: '1' }), makeTicket({ id: '2', title: 'Before' })], problems: [], nextCursor: '1' },
      { tickets: [makeTicket({ id: '2', title: 'After' }), makeTicket({ id: '3' })], problems: [] },
    ]);
    const loaded = await loadSource(source);
    assert.deepEqual(
      loaded.tickets.map((t) => [t.id, t.title]),
      [
        ['1', 'Ticket 1'],
        ['2', 'After'],
        ['3', 'Ticket 3'],
      ],
    );
  });

  it('stops a source that announces pages without end, saying the queue is incomplete', async () => {
    let served = 0;
    const endless: TicketSource = {
      ...pagedSource([]),
      listQueue: async () => ok({ tickets: [makeTicket({ id: String(++served) })], problems: [], nextCursor: 'more' }),
    };
    const loaded = await loadSource(endless);
    assert.equal(loaded.failure?.kind, 'invalidResponse');
    assert.match(loaded.failure?.message ?? '', /kept announcing more pages after 1000; the queue shown is incomplete/);
    assert.equal(loaded.tickets.length, 1_000);
  });
});
