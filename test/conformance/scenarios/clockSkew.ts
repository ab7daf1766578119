/**
 * The server's clock (or the clock of the colleagues writing to it) five minutes ahead of ours,
 * and five minutes behind: nothing the source decides may hang on comparing the two.
 */
import { strict as assert } from 'node:assert';
import type { ConformanceSubject } from '../conformanceSubject';
import { claimRace } from './claimRaces';
import { noteOnce } from './lostAnswers';
import { assertQueueIsServer, FIVE_MINUTES, load, useServer, when } from './scenarioKit';

export function clockSkew(subject: ConformanceSubject): void {
  for (const [skew, said] of [
    [FIVE_MINUTES, 'five minutes ahead of'],
    [-FIVE_MINUTES, 'five minutes behind'],
  ] as const) {
    describe(`a server clock ${said} ours`, () => {
      const kit = useServer(subject);
      beforeEach(() => kit.server.skewClock(skew));

      when(subject.capabilities.claim)('a colleague claiming between our read and our write still keeps their claim', () =>
        claimRace(kit.server, 'betweenReadAndWrite'),
      );

      it('changes after a load are all in the next one', async () => {
        const { server } = kit;
        const ids = await server.seed(Array.from({ length: 20 }, () => ({})));
        const source = server.source();
        await load(source);
        await server.colleague.retitle(ids[0] ?? '', 'Renamed on a skewed clock');
        await server.colleague.close(ids[1] ?? '');
        await server.colleague.create({ title: 'Created on a skewed clock' });
        assertQueueIsServer((await load(source)).tickets, await server.state());
      });

      when(subject.transport && subject.capabilities.internalNotes)('a note whose answer is lost is posted once', () =>
        noteOnce(kit.server, kit.transport, true),
      );

      when(subject.transport)('a rate limit that names its reset time in the server’s clock is waited out as the server meant', async () => {
        const { server } = kit;
        await server.seed([{}, {}]);
        kit.transport.fail({ kind: 'status', status: 429, resetInSeconds: 3 }, 'read', 1);
        await load(server.source());
        const [wait] = kit.transport.waits;
        assert.ok(wait !== undefined && wait >= 2_000 && wait <= 4_000, `waited ${wait ?? 'not at all'} ms for a reset 3 s away`);
      });
    });
  }
}
