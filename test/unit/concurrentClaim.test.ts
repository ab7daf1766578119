import { strict as assert } from 'node:assert';
import { fork, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseQueueText } from '../../src/providers/local/queueFileParse';
import type { ClaimOrder } from '../support/claimWorker';
import { rawTicket, tempQueueFile } from '../support/tempQueue';

const ROUNDS = 50;

interface ClaimReply {
  readonly kind: string;
  readonly holder?: string;
}

function ask(worker: ChildProcess, order: ClaimOrder): Promise<ClaimReply> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    worker.once('error', onError);
    worker.once('message', (reply) => {
      worker.off('error', onError);
      resolve(reply as ClaimReply);
    });
    worker.send(order);
  });
}

describe('two processes claiming the same ticket', function () {
  this.timeout(120_000);
  const workers: ChildProcess[] = [];

  before(async () => {
    const ready: Promise<unknown>[] = [];
    for (let i = 0; i < 2; i++) {
      const worker = fork(join(__dirname, '..', 'support', 'claimWorker.ts'), [], { execArgv: ['--require', 'tsx/cjs'], stdio: 'inherit' });
      workers.push(worker);
      // Loading takes a few hundred milliseconds; the first round must not start before both can race.
      ready.push(new Promise((resolve) => worker.once('message', resolve)));
    }
    await Promise.all(ready);
  });

  after(() => {
    for (const w of workers) w.kill();
  });

  it(`has exactly one winner in each of ${ROUNDS} rounds, and the file stays valid`, async () => {
    const file = await tempQueueFile({ version: 1, tickets: [] });
    try {
      const winners: Record<string, number> = {};
      for (let round = 0; round < ROUNDS; round++) {
        await writeFile(file.path, `${JSON.stringify({ version: 1, tickets: [rawTicket('SUP-1', { revision: 1 }), rawTicket('SUP-2')] }, null, 2)}\n`);
        const startAt = Date.now() + 40;
        const people = ['ana@example.com', 'bo@example.com'];
        const replies = await Promise.all(
          workers.map((w, i) => ask(w, { queueFile: file.path, me: people[i] ?? '', ticketId: 'SUP-1', revision: '1', startAt })),
        );
        const won = replies.flatMap((r, i) => (r.kind === 'ok' ? [people[i]] : []));
        assert.equal(won.length, 1, `round ${round}: ${JSON.stringify(replies)}`);
        const loser = replies.find((r) => r.kind !== 'ok');
        assert.deepEqual(loser, { kind: 'conflict', holder: won[0] }, `round ${round}: the loser is told who holds it`);
        const parsed = parseQueueText(await file.read(), { sourceId: 'local', file: 'queue.json' });
        assert.ok(parsed.ok, `round ${round}: the file is valid JSON`);
        assert.equal(parsed.queue.problems.length, 0);
        assert.equal(parsed.queue.tickets.find((t) => t.id === 'SUP-1')?.assignee?.id, won[0]);
        assert.equal(parsed.queue.tickets.find((t) => t.id === 'SUP-1')?.revision, '2');
        winners[won[0] ?? ''] = (winners[won[0] ?? ''] ?? 0) + 1;
      }
      assert.equal(
        Object.values(winners).reduce((a, b) => a + b, 0),
        ROUNDS,
      );
    } finally {
      await file.cleanup();
    }
  });
});
