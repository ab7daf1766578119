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

async function claimWhenTold(order: ClaimOrder): Promise<void> {
  const source = new LocalSource({ id: 'local', queueFile: order.queueFile, displayPath: 'queue.json', me: order.me });
  while (Date.now() < order.startAt) {
    // Spin rather than sleep: a timer would add milliseconds of skew between the two processes.
  }
  const result = await source.claim({ id: order.ticketId, revision: order.revision });
  process.send?.({ kind: result.kind, holder: result.kind === 'conflict' ? result.holder?.id : undefined });
}

// A claim that throws is left unhandled on purpose: Node then ends this process and prints the error.
process.on('message', (order: ClaimOrder) => void claimWhenTold(order));

process.send?.('ready');
