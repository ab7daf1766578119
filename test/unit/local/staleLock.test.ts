import { strict as assert } from 'node:assert';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LOCK_OPTIONS, type LockOptions } from '../../../src/providers/local/fileLock';
import { parseQueueText } from '../../../src/providers/local/queueFileParse';
import { rawTicket } from '../../support/tempQueue';
import { startLockWorkers, type LockWorker } from './lockWorkers';

const ROUNDS = 50;
/** Long enough that no live holder (20 ms inside) is taken for dead, short enough to wait for once. */
const RACE_LOCK: LockOptions = { timeoutMs: 10_000, staleMs: 1_000 };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes the lock in a worker process and kills that process with SIGKILL while it holds it. */
async function leaveDeadLock(lockPath: string, lock: LockOptions): Promise<void> {
  const [holder] = await startLockWorkers(1);
  assert.ok(holder);
  assert.deepEqual(await holder.ask({ kind: 'hold', lockPath, lock }), { kind: 'held' });
  await holder.kill();
}

describe('the queue lock when a writer dies holding it', function () {
  this.timeout(240_000);
  let dir: string;
  let workers: LockWorker[] = [];
  /** A copy of a lock left by a killed process, put back before every round. */
  let deadLock: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'support-rotation-lock-'));
    deadLock = join(dir, 'dead.lock');
    [workers] = await Promise.all([startLockWorkers(5), leaveDeadLock(deadLock, RACE_LOCK)]);
    // Older than staleMs too, so that even a lock that judges holders by age alone sees it as stale.
    await sleep(RACE_LOCK.staleMs + 200);
  });

  after(async () => {
    await Promise.all(workers.map((w) => w.kill()));
    await rm(dir, { recursive: true, force: true });
  });

  it('takes over a lock left by a killed process at once, and leaves nothing behind', async () => {
    const lockPath = join(dir, 'fresh.lock');
    await leaveDeadLock(lockPath, DEFAULT_LOCK_OPTIONS);
    const started = Date.now();
    const reply = await workers[0]?.ask({ kind: 'enter', lockPath, lock: DEFAULT_LOCK_OPTIONS, markerPath: join(dir, 'inside'), holdMs: 0, startAt: 0 });
    assert.deepEqual(reply, { kind: 'entered', overlapped: false });
    assert.ok(Date.now() - started < 1_000, `took ${Date.now() - started} ms`);
    assert.deepEqual((await readdir(dir)).sort(), ['dead.lock']);
  });

  it(`lets one waiter at a time in when five find the same dead holder's lock, ${ROUNDS} rounds`, async () => {
    const lockPath = join(dir, 'race.lock');
    for (let round = 0; round < ROUNDS; round++) {
      await cp(deadLock, lockPath, { recursive: true, preserveTimestamps: true });
      const startAt = Date.now() + 60;
      const replies = await Promise.all(
        workers.map((w) => w.ask({ kind: 'enter', lockPath, lock: RACE_LOCK, markerPath: join(dir, 'inside'), holdMs: 20, startAt })),
      );
      assert.deepEqual(
        replies,
        workers.map(() => ({ kind: 'entered', overlapped: false })),
        `round ${round}`,
      );
    }
  });

  it(`gives exactly one winner when five processes claim one ticket behind a dead holder's lock, ${ROUNDS} rounds`, async () => {
    const queueFile = join(dir, 'queue.json');
    const people = workers.map((_, i) => `person${i}@example.com`);
    for (let round = 0; round < ROUNDS; round++) {
      await writeFile(queueFile, `${JSON.stringify({ version: 1, tickets: [rawTicket('SUP-1'), rawTicket('SUP-2')] }, null, 2)}\n`);
      await cp(deadLock, `${queueFile}.lock`, { recursive: true, preserveTimestamps: true });
      const startAt = Date.now() + 60;
      const replies = await Promise.all(
        workers.map((w, i) => w.ask({ kind: 'claim', queueFile, lock: RACE_LOCK, me: people[i] ?? '', ticketId: 'SUP-1', revision: '1', startAt })),
      );
      const winners = people.filter((_, i) => replies[i]?.kind === 'claimed' && replies[i].result === 'ok');
      assert.equal(winners.length, 1, `round ${round}: ${JSON.stringify(replies)}`);
      assert.deepEqual(
        replies.filter((r) => !(r.kind === 'claimed' && r.result === 'ok')),
        people.slice(1).map(() => ({ kind: 'claimed', result: 'conflict', holder: winners[0] })),
        `round ${round}: the others are told who holds it`,
      );
      const parsed = parseQueueText(await readFile(queueFile, 'utf8'), { sourceId: 'local', file: 'queue.json' });
      assert.ok(parsed.ok, `round ${round}: the file is valid JSON`);
      assert.deepEqual(parsed.queue.problems, []);
      const ticket = parsed.queue.tickets.find((t) => t.id === 'SUP-1');
      assert.equal(ticket?.assignee?.id, winners[0]);
      assert.equal(ticket?.revision, '2', `round ${round}: written once`);
    }
  });
});
