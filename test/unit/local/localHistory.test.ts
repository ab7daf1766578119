import { strict as assert } from 'node:assert';
import { LocalSource } from '../../../src/providers/local/localSource';
import { rawTicket, tempQueueFile } from '../../support/tempQueue';

describe('local source history', () => {
  let cleanup: () => Promise<void> = async () => undefined;
  afterEach(() => cleanup());

  async function sourceWith(tickets: unknown[], clock: { now: Date }) {
    const file = await tempQueueFile({ version: 1, tickets });
    cleanup = file.cleanup;
    return new LocalSource({ id: 'local', queueFile: file.path, displayPath: 'queue.json', me: 'me@example.com', now: () => clock.now });
  }

  async function records(source: LocalSource, since = new Date('2020-01-01T00:00:00Z')) {
    const result = await source.history({ since });
    assert.ok(result.kind === 'ok', result.kind);
    return result.value.records;
  }

  it('stamps the first claim once and the resolution when the status becomes solved', async () => {
    const clock = { now: new Date('2026-11-02T10:00:00Z') };
    const source = await sourceWith([rawTicket('a', { status: 'new', revision: 1 })], clock);
    assert.equal((await records(source))[0]?.firstClaimedAt, null);

    const claimed = await source.claim({ id: 'a', revision: '1' });
    assert.ok(claimed.kind === 'ok');
    await source.release({ id: 'a', revision: claimed.value.revision });
    clock.now = new Date('2026-11-03T10:00:00Z');
    const again = await source.claim({ id: 'a', revision: '3' });
    assert.ok(again.kind === 'ok');
    clock.now = new Date('2026-11-04T10:00:00Z');
    assert.equal((await source.setStatus({ id: 'a', revision: again.value.revision }, 'solved')).kind, 'ok');

    const [record] = await records(source);
    assert.equal(record?.firstClaimedAt?.toISOString(), '2026-11-02T10:00:00.000Z');
    assert.equal(record?.resolvedAt?.toISOString(), '2026-11-04T10:00:00.000Z');
  });

  it('reopening clears the resolution, and solving again stamps the new time', async () => {
    const clock = { now: new Date('2026-11-05T08:00:00Z') };
    const source = await sourceWith([rawTicket('a', { status: 'solved', resolvedAt: '2026-11-01T00:00:00Z', revision: 2 })], clock);
    assert.ok((await source.setStatus({ id: 'a', revision: '2' }, 'open')).kind === 'ok');
    assert.equal((await records(source))[0]?.resolvedAt, null);
    clock.now = new Date('2026-11-06T08:00:00Z');
    assert.ok((await source.setStatus({ id: 'a', revision: '3' }, 'closed')).kind === 'ok');
    assert.equal((await records(source))[0]?.resolvedAt?.toISOString(), '2026-11-06T08:00:00.000Z');
  });

  it('keeps "cannot say" apart from "never": a held ticket without claimedAt, a solved one without resolvedAt', async () => {
    const source = await sourceWith(
      [
        rawTicket('held', { status: 'open', assignee: 'sam@example.com' }),
        rawTicket('old', { status: 'closed', updatedAt: '2026-10-10T10:00:00Z', slaDueAt: '2026-10-09T10:00:00Z' }),
      ],
      { now: new Date('2026-11-01T00:00:00Z') },
    );
    const [held, old] = await records(source);
    assert.equal(held?.firstClaimedAt, undefined);
    assert.equal(held?.resolvedAt, null);
    assert.equal(old?.resolvedAt?.toISOString(), '2026-10-10T10:00:00.000Z');
    assert.equal(old?.breachAt?.toISOString(), '2026-10-09T10:00:00.000Z');
  });

  it('holds the tickets created or resolved in the window, and no other', async () => {
    const source = await sourceWith(
      [
        rawTicket('gone', { createdAt: '2025-01-01T00:00:00Z', status: 'solved', resolvedAt: '2025-02-01T00:00:00Z' }),
        rawTicket('late', { createdAt: '2025-01-01T00:00:00Z', status: 'solved', resolvedAt: '2026-02-01T00:00:00Z' }),
        rawTicket('old-open', { createdAt: '2024-01-01T00:00:00Z', status: 'pending' }),
        rawTicket('new-open', { createdAt: '2026-03-01T00:00:00Z', status: 'pending' }),
      ],
      { now: new Date('2026-11-01T00:00:00Z') },
    );
    const ids = (await records(source, new Date('2026-01-01T00:00:00Z'))).map((r) => r.id);
    assert.deepEqual(ids, ['late', 'new-open']);
  });
});
