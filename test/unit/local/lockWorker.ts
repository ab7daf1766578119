/**
 * A separate process that takes the queue lock when told to, as another VS Code window would: it
 * holds the lock until killed (leaving a stale lock behind), enters it once at an agreed moment to
 * race other workers, or claims a ticket through the local source.
 */
import { open, rm } from 'node:fs/promises';
import { LocalSource } from '../../../src/providers/local/localSource';
import { withFileLock, type LockOptions } from '../../../src/providers/local/fileLock';

export type LockOrder =
  | { readonly kind: 'hold'; readonly lockPath: string; readonly lock: LockOptions }
  | {
      readonly kind: 'enter';
      readonly lockPath: string;
      readonly lock: LockOptions;
      /** Created exclusively while inside: finding it already there means two holders at once. */
      readonly markerPath: string;
      readonly holdMs: number;
      readonly startAt: number;
    }
  | {
      readonly kind: 'claim';
      readonly queueFile: string;
      readonly lock: LockOptions;
      readonly me: string;
      readonly ticketId: string;
      readonly revision: string;
      readonly startAt: number;
    };

export type LockReply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'held' }
  | { readonly kind: 'entered'; readonly overlapped: boolean }
  | { readonly kind: 'claimed'; readonly result: string; readonly holder?: string }
  | { readonly kind: 'failed'; readonly message: string };

process.on('message', (order: LockOrder) => {
  run(order).then(
    (reply) => process.send?.(reply),
    (error: unknown) => process.send?.({ kind: 'failed', message: String(error) } satisfies LockReply),
  );
});

async function run(order: LockOrder): Promise<LockReply | undefined> {
  switch (order.kind) {
    case 'hold':
      // Never released: the test kills this process while it holds the lock.
      await withFileLock(order.lockPath, () => new Promise<never>(() => process.send?.({ kind: 'held' } satisfies LockReply)), order.lock);
      return undefined;
    case 'enter': {
      waitUntil(order.startAt);
      const overlapped = await withFileLock(order.lockPath, () => occupy(order.markerPath, order.holdMs), order.lock);
      return { kind: 'entered', overlapped };
    }
    case 'claim': {
      const source = new LocalSource({ id: 'local', queueFile: order.queueFile, displayPath: 'queue.json', me: order.me, lock: order.lock });
      waitUntil(order.startAt);
      const result = await source.claim({ id: order.ticketId, revision: order.revision });
      return { kind: 'claimed', result: result.kind, holder: result.kind === 'conflict' ? result.holder?.id : undefined };
    }
  }
}

/** Spin rather than sleep: a timer would add milliseconds of skew between the racing processes. */
function waitUntil(startAt: number): void {
  while (Date.now() < startAt) {
    // spinning
  }
}

async function occupy(markerPath: string, holdMs: number): Promise<boolean> {
  let marker;
  try {
    marker = await open(markerPath, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return true;
    throw error;
  }
  await marker.close();
  await new Promise((resolve) => setTimeout(resolve, holdMs));
  await rm(markerPath);
  return false;
}

process.send?.({ kind: 'ready' } satisfies LockReply);
