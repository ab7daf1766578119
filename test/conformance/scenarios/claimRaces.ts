/**
 * A colleague claims the ticket at every point of our claim (and of our release). Whatever the
 * order, the server ends with one holder; a colleague who was told their claim worked holds it,
 * and we were told who does.
 */
import { strict as assert } from 'node:assert';
import type { ConformanceSubject, FakeServer, Moment } from '../conformanceSubject';
import { seenOf, ticketOn, useServer, when } from './scenarioKit';

const CLAIM_MOMENTS: readonly Moment[] = ['beforeRead', 'betweenReadAndWrite', 'afterWrite'];

const SAID: Readonly<Record<string, string>> = {
  beforeRead: 'before our read',
  betweenReadAndWrite: 'between our read and our write',
  afterWrite: 'just after our write',
};

export function claimRaces(subject: ConformanceSubject): void {
  describe('claim races', () => {
    const kit = useServer(subject);

    for (const moment of CLAIM_MOMENTS) {
      when(subject.capabilities.claim)(`a colleague claiming ${SAID[moment]}: one holder, nobody overwritten, the loser told who`, () =>
        claimRace(kit.server, moment),
      );
    }

    when(subject.capabilities.claim)('a colleague claiming while we release: their claim stands', async () => {
      const { server } = kit;
      const [id = ''] = await server.seed([{ holder: 'me' }]);
      const source = server.source();
      const seen = await seenOf(source, id);
      let told: boolean | undefined;
      server.at('betweenReadAndWrite', async () => (told = await server.colleague.claim(id)));
      const released = await source.release(seen);
      await server.settle();
      const held = ticketOn(await server.state(), id).assignees;
      assert.notEqual(told, undefined, 'the colleague acted');
      assert.deepEqual(held, told ? [server.colleague.person.id] : [], `${released.kind}: ${'message' in released ? released.message : ''}`);
    });
  });
}

/** One race at one moment; exported for the clock-skew scenarios, which run it under a skewed clock. */
export async function claimRace(server: FakeServer, moment: Moment): Promise<void> {
  const [id = '', other = ''] = await server.seed([{}, {}]);
  const source = server.source();
  const seen = await seenOf(source, id);
  let told: boolean | undefined;
  server.at(moment, async () => (told = await server.colleague.claim(id)));
  const result = await source.claim(seen);
  await server.settle();
  const state = await server.state();
  const holders = ticketOn(state, id).assignees;
  assert.notEqual(told, undefined, 'the colleague acted');
  assert.equal(holders.length, 1, `one holder: ${holders.join(', ')}`);
  if (told) {
    assert.deepEqual(holders, [server.colleague.person.id], 'the colleague, told their claim worked, holds it');
    assert.equal(result.kind, 'conflict', 'we are told we did not get it');
    assert.equal(result.kind === 'conflict' ? result.holder?.id : undefined, server.colleague.person.id, 'and who holds it');
  } else {
    assert.deepEqual(holders, [server.me.id], 'the colleague was refused, so we hold it');
    assert.equal(result.kind, 'ok', 'message' in result ? result.message : '');
  }
  assert.deepEqual(ticketOn(state, other).assignees, [], 'the other ticket is untouched');
}
