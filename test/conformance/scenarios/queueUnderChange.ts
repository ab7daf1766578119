/**
 * The queue while colleagues work: tickets created, updated, closed, relabelled, claimed and
 * deleted during a load and between loads. A load never loses a ticket that stayed put nor lists
 * one twice, and the next load (one reconcile) shows the server exactly.
 */
import { strict as assert } from 'node:assert';
import type { ConformanceSubject } from '../conformanceSubject';
import { assertNoDuplicateRows, assertQueueIsServer, load, useServer } from './scenarioKit';

/** Three pages of 100 where a source pages. */
const QUEUE_SIZE = 250;

export function queueUnderChange(subject: ConformanceSubject): void {
  describe('the queue under change', () => {
    const kit = useServer(subject);

    it('changes while the first load is read: nothing lost, no row twice, and the next load is the server’s queue', async () => {
      const { server } = kit;
      const { colleague } = server;
      const ids = await server.seed(Array.from({ length: QUEUE_SIZE }, () => ({})));
      const at = (i: number): string => ids[i] ?? '';
      // Both ends of the queue, so that whichever order a source reads in, its first page changes.
      const touched = [1, 2, 3, 4, 100, 150, 240, 246, 247, 248].map(at);
      server.at('afterFirstListPage', async () => {
        await colleague.close(at(1));
        await colleague.close(at(248));
        await colleague.delete(at(2));
        await colleague.delete(at(247));
        await colleague.relabel(at(150));
        await colleague.retitle(at(3), 'Changed early during the load');
        await colleague.retitle(at(100), 'Changed mid-queue during the load');
        await colleague.retitle(at(240), 'Changed late during the load');
        await colleague.claim(at(4));
        await colleague.claim(at(246));
        await colleague.create({ title: 'Created during the load' });
      });
      const source = server.source();
      const first = await load(source);
      await server.settle();
      assertNoDuplicateRows(first.tickets);
      const listed = new Set(first.tickets.map((t) => t.id));
      const lost = ids.filter((id) => !touched.includes(id) && !listed.has(id));
      assert.deepEqual(lost, [], 'every ticket that stayed put is in the first load');
      assertQueueIsServer((await load(source)).tickets, await server.state());
    });

    it('changes between loads: one reconcile later the queue is the server’s, deleted tickets gone', async () => {
      const { server } = kit;
      const { colleague } = server;
      const ids = await server.seed(Array.from({ length: 30 }, () => ({})));
      const source = server.source();
      assertQueueIsServer((await load(source)).tickets, await server.state());
      await colleague.delete(ids[0] ?? '');
      await colleague.close(ids[1] ?? '');
      await colleague.relabel(ids[2] ?? '');
      await colleague.retitle(ids[3] ?? '', 'Renamed between loads');
      await colleague.claim(ids[4] ?? '');
      await colleague.delete(ids[29] ?? '');
      await colleague.create({ title: 'Created between loads' });
      await colleague.create({ title: 'Also created between loads' });
      assertQueueIsServer((await load(source)).tickets, await server.state());
    });
  });
}
