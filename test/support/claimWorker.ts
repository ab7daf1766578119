/**
 * A separate process that claims a ticket when told to: two of these race for the same ticket in
 * concurrentClaim.test.ts, as two VS Code windows would.
 */
import { LocalSource } from '../../src/providers/local/localSource';

export interface ClaimOrder {
  readonly queueFile: string;
  readonly me: string;
  readonly ticketId: string;
  readonly revision: string;
  /** Both workers start at this moment (epoch ms), so their claims overlap. */
  readonly startAt: number;
}

process.on('message', async (order: ClaimOrder) => {
  const source = new LocalSource({ id: 'local', queueFile: order.queueFile, displayPath: 'queue.json', me: order.me });
  while (Date.now() < order.startAt) {
    // Spin rather than sleep: a timer would add milliseconds of skew between the two processes.
  }
  const result = await source.claim({ id: order.ticketId, revision: order.revision });
  process.send?.({ kind: result.kind, holder: result.kind === 'conflict' ? result.holder?.id : undefined });
});

process.send?.('ready');
