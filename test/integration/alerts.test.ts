import { strict as assert } from 'node:assert';
import { readFile, writeFile } from 'node:fs/promises';
import { eventually, extensionApi, queueFilePath, ticketsUnder } from './extensionApi';
import { answerDialogs } from './windowStubs';

const ME = 'sam.taylor@example.com';
const ARRIVING = 'SUP-7001';

interface RawQueue {
  version: number;
  tickets: { id: string; assignee: string | null }[];
}

/**
 * The queue file's watcher starts listening a while after it is made, and this suite is the first to
 * change the file: a retitled ticket shown, then shown as it was, says the watcher listens. A write
 * made before it listens is never reported, so the retitled file is written again until it is seen.
 */
async function untilTheWatcherListens(original: string): Promise<void> {
  const api = await extensionApi();
  const shown = ticketsUnder(await api.snapshot(), 'Unclaimed')[0] ?? '';
  const queue = JSON.parse(original) as { tickets: { id: string; title: string }[] };
  const probe = queue.tickets.find((t) => shown.startsWith(`${t.id} `));
  assert.ok(probe, `an unclaimed ticket to retitle, among ${queue.tickets.length}`);
  const marker = ' (watched)';
  probe.title += marker;
  const retitled = JSON.stringify(queue, null, 2);
  const seen = (rows: unknown): boolean => JSON.stringify(rows).includes(marker);
  let rows: unknown = [];
  for (let attempt = 0; attempt < 30 && !seen(rows); attempt++) {
    await writeFile(queueFilePath(), retitled);
    rows = await eventually(() => api.snapshotNow(), seen, 2_000);
  }
  assert.ok(seen(rows), 'the queue file watcher saw the retitled ticket');
  await writeFile(queueFilePath(), original);
  assert.ok(
    !seen(
      await eventually(
        () => api.snapshotNow(),
        (r) => !seen(r),
        30_000,
      ),
    ),
    'and the file as it was',
  );
}

describe('alerts in a real VS Code', () => {
  let original = '';

  before(async function () {
    // Up to a minute for the watcher to start listening, and half a minute for it to report again.
    this.timeout(120_000);
    original = await readFile(queueFilePath(), 'utf8');
    // The queue that was there when the window opened is not news.
    await (await extensionApi()).snapshot();
    await untilTheWatcherListens(original);
  });

  after(async () => {
    await writeFile(queueFilePath(), original);
    await (await extensionApi()).snapshot();
  });

  it('tells a new unclaimed S1 once, and its Claim claims it', async () => {
    const api = await extensionApi();
    const dialogs = answerDialogs({ [`ticket ${ARRIVING}`]: 'Claim' });
    try {
      const queue = JSON.parse(original) as { version: number; tickets: object[] };
      const arriving = { id: ARRIVING, title: 'Checkout rejects every card', severity: 1, status: 'new', assignee: null, createdAt: new Date().toISOString() };
      const withArrival = JSON.stringify({ ...queue, tickets: [...queue.tickets, arriving] }, null, 2);
      await writeFile(queueFilePath(), withArrival);
      const told = (): string[] => dialogs.messages.filter((m) => m.includes(ARRIVING));
      await eventually(
        async () => told().length,
        (n) => n > 0,
      );
      assert.deepEqual(told(), [`New unclaimed S1 ticket ${ARRIVING}: Checkout rejects every card`]);
      assert.deepEqual(dialogs.offered[dialogs.messages.indexOf(told()[0] ?? '')], ['Claim', 'Open']);
      const claimed = await eventually(
        async () => (JSON.parse(await readFile(queueFilePath(), 'utf8')) as RawQueue).tickets.find((t) => t.id === ARRIVING)?.assignee,
        (assignee) => assignee === ME,
      );
      assert.equal(claimed, ME);

      // The same ticket written again, unclaimed as it arrived: it is not new any more.
      await writeFile(queueFilePath(), withArrival);
      await eventually(
        () => api.snapshot(),
        (rows) => ticketsUnder(rows, 'Unclaimed').some((row) => row.startsWith(`${ARRIVING} `)),
      );
      assert.deepEqual(told(), [`New unclaimed S1 ticket ${ARRIVING}: Checkout rejects every card`]);
    } finally {
      dialogs.restore();
    }
  });
});
