/**
 * A source that reports ticket history reports each ticket of the window once, as the server has
 * it: open tickets unresolved, a closed one resolved, a ticket it cannot read as a problem beside
 * the others; and nothing from before the window. Sources without history skip these.
 */
import { strict as assert } from 'node:assert';
import type { TicketSource } from '../../../src/providers/ticketSource';
import type { ConformanceSubject } from '../conformanceSubject';
import { readWholeHistory, useServer } from './scenarioKit';

type HistorySource = TicketSource & Required<Pick<TicketSource, 'history'>>;

/** Pages a source may take for a handful of tickets; past it the source keeps announcing more. */
const MAX_PAGES = 20;

export function history(subject: ConformanceSubject): void {
  describe('history', () => {
    const kit = useServer(subject);

    /** The source, or the test skipped where it keeps no history. */
    function historySource(test: Mocha.Context): HistorySource {
      const source = kit.server.source();
      if (typeof source.history !== 'function') test.skip();
      return source as HistorySource;
    }

    const readAll = (source: HistorySource, since: Date): ReturnType<typeof readWholeHistory> => readWholeHistory(source, since, MAX_PAGES);

    it('each ticket of the window once: open ones unresolved, the closed one resolved, as the server has them', async function () {
      const source = historySource(this);
      const since = new Date(Date.now() - 60 * 60_000);
      const ids = await kit.server.seed([{ title: 'Checkout returns 502' }, { title: 'Export hangs', holder: 'colleague' }, { title: 'Login loops' }]);
      const [open = '', closed = '', other = ''] = ids;
      await kit.server.colleague.close(closed);
      await kit.server.settle();
      const { records, problems } = await readAll(source, since);
      assert.deepEqual(problems, []);
      const mine = records.filter((r) => ids.includes(r.id));
      assert.deepEqual(mine.map((r) => r.id).sort(), [...ids].sort(), 'every seeded ticket, once');
      const byId = new Map(mine.map((r) => [r.id, r]));
      assert.deepEqual(
        [open, closed, other].map((id) => byId.get(id)?.title),
        ['Checkout returns 502', 'Export hangs', 'Login loops'],
      );
      assert.deepEqual([byId.get(open)?.resolvedAt, byId.get(other)?.resolvedAt], [null, null], 'open tickets are unresolved');
      const resolved = byId.get(closed)?.resolvedAt;
      assert.ok(resolved instanceof Date && resolved.getTime() >= since.getTime(), 'the closed ticket is resolved, within the window');
      for (const record of mine) {
        assert.equal(record.sourceId, source.id);
        assert.ok(record.createdAt.getTime() >= since.getTime(), `${record.id} was created in the window`);
      }
    });

    it('a window that starts after the tickets holds none of them', async function () {
      const source = historySource(this);
      await kit.server.seed([{}, {}]);
      const { records } = await readAll(source, new Date(Date.now() + 60 * 60_000));
      assert.deepEqual(records, []);
    });

    it('a ticket it cannot read is a problem beside the others, which are kept', async function () {
      const source = historySource(this);
      const ids = await kit.server.seed([{ title: 'Readable' }, { title: 'Unreadable' }, { title: 'Also readable' }]);
      await kit.server.malform(ids[1] ?? '');
      const { records, problems } = await readAll(source, new Date(Date.now() - 60 * 60_000));
      assert.deepEqual(
        records
          .filter((r) => ids.includes(r.id))
          .map((r) => r.title)
          .sort(),
        ['Also readable', 'Readable'],
      );
      assert.equal(problems.length, 1, 'one problem, for the unreadable ticket');
    });
  });
}
