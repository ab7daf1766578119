import { strict as assert } from 'node:assert';
import { SimilarIndex } from '../../../src/core/similar/similarIndex';
import type { LocalTicket } from '../../../src/providers/local/queueFileSchema';
import { sampleQueue } from '../../support/sampleQueueData';

const tickets = sampleQueue(new Date('2026-11-24T12:00:00Z')).tickets;
const isResolved = (ticket: LocalTicket) => ticket.status === 'solved' || ticket.status === 'closed';
const asked = (ticket: LocalTicket) => ({ sourceId: 'local', id: String(ticket.id), title: ticket.title, text: ticket.description ?? '' });

describe('"Seen before?" in the sample queue', () => {
  const index = SimilarIndex.empty();
  for (const ticket of tickets.filter(isResolved))
    index.update({
      ...asked(ticket),
      key: ticket.key ?? String(ticket.id),
      severity: 3,
      createdAt: new Date(ticket.createdAt),
      resolvedAt: new Date(ticket.resolvedAt ?? ticket.createdAt),
    });

  for (const [open, partner] of [
    ['SUP-121', 'SUP-210'],
    ['SUP-114', 'SUP-211'],
    ['SUP-127', 'SUP-212'],
  ] as const) {
    it(`finds ${partner}, closed months ago, first for ${open}: the same fault in another customer's words`, () => {
      const ticket = tickets.find((t) => t.id === open);
      assert.ok(ticket && !isResolved(ticket));
      const hits = index.similarTo(asked(ticket), 5);
      assert.equal(hits[0]?.key, partner, JSON.stringify(hits.map((hit) => hit.key)));
      assert.ok(hits[0].reasons.some((reason) => reason.kind === 'error' || reason.kind === 'file'));
    });
  }
});
