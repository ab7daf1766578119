/**
 * What servers do on bad days: rate limits with and without `Retry-After`, errors that pass,
 * refusals, timeouts, dropped connections, a malformed item among good ones, pages without end,
 * a field of 100 KB. Each ends in a complete answer or a clear failure, and never in a duplicate
 * or a hang.
 */
import { strict as assert } from 'node:assert';
import { loadSource } from '../../../src/providers/queueLoader';
import type { ConformanceSubject, FakeServer, Transport } from '../conformanceSubject';
import { expectOk, load, notesWithBody, seenOf, ticketOn, useServer, when } from './scenarioKit';

const LARGE = 'x'.repeat(100 * 1024);
/** However a source bounds its paging, a server that never stops must not get this many requests. */
const REQUEST_BOUND = 1_000;

export function faults(subject: ConformanceSubject): void {
  describe('faults and odd answers', () => {
    const kit = useServer(subject);
    const { transport } = subject;
    const loadsAll = async (count = 12): Promise<void> => {
      await kit.server.seed(Array.from({ length: count }, () => ({})));
      assert.equal((await load(kit.server.source())).tickets.length, count, 'the whole queue');
    };

    it('a malformed ticket among good ones is reported, and the others are listed', async () => {
      const ids = await kit.server.seed(Array.from({ length: 5 }, () => ({})));
      await kit.server.malform(ids[2] ?? '');
      const loaded = await load(kit.server.source());
      assert.deepEqual(loaded.tickets.map((t) => t.id).sort(), ids.filter((_, i) => i !== 2).sort());
      assert.equal(loaded.problems.length, 1, 'one problem, for the malformed ticket');
    });

    it('a 100 KB description is listed and read whole', async () => {
      const [id = ''] = await kit.server.seed([{ description: LARGE }]);
      const source = kit.server.source();
      assert.equal((await load(source)).tickets[0]?.description.length, LARGE.length);
      assert.equal(expectOk(await source.getTicket(id)).description.length, LARGE.length);
    });

    when(subject.capabilities.internalNotes)('a 100 KB note is posted once, whole', async () => {
      const [id = ''] = await kit.server.seed([{}]);
      expectOk(await kit.server.source().addInternalNote(id, LARGE));
      assert.equal(notesWithBody(ticketOn(await kit.server.state(), id), LARGE).length, 1);
    });

    when(transport)('a 429 with Retry-After is waited out as long as it says', async () => {
      kit.transport.fail({ kind: 'status', status: 429, retryAfterSeconds: 2 }, 'read', 1);
      await loadsAll();
      assert.deepEqual(kit.transport.waits, [2_000]);
    });

    when(transport)('a 429 without Retry-After is waited out with backoff', async () => {
      kit.transport.fail({ kind: 'status', status: 429 }, 'read', 2);
      await loadsAll();
      assert.equal(kit.transport.waits.length, 2);
      assert.ok(
        kit.transport.waits.every((w) => w >= 0 && w <= 30_000),
        String(kit.transport.waits),
      );
    });

    when(transport)('a 429 that does not end is reported as rate limiting, with when to try again', async () => {
      await kit.server.seed([{}]);
      kit.transport.fail({ kind: 'status', status: 429, retryAfterSeconds: 20 }, 'any', 100);
      const loaded = await loadSource(kit.server.source());
      assert.equal(loaded.failure?.kind, 'rateLimited');
      assert.ok(loaded.failure?.kind === 'rateLimited' && loaded.failure.retryAt.getTime() > Date.now());
    });

    when(transport)('errors that pass (502, 503) leave a complete queue', async () => {
      kit.transport.fail({ kind: 'status', status: 502 }, 'read', 1);
      kit.transport.fail({ kind: 'status', status: 503 }, 'read', 1);
      await loadsAll();
    });

    when(transport && subject.capabilities.claim)('a 500 on a claim’s write, then success: claimed once', async () => {
      const [id = ''] = await kit.server.seed([{}]);
      const source = kit.server.source();
      const seen = await seenOf(source, id);
      kit.transport.fail({ kind: 'status', status: 500 }, 'write', 1);
      expectOk(await source.claim(seen));
      assert.deepEqual(ticketOn(await kit.server.state(), id).assignees, [kit.server.me.id]);
    });

    for (const status of [401, 403]) {
      when(transport && subject.capabilities.claim)(`a ${status} asks to sign in again, and nothing is written`, async () => {
        const [id = ''] = await kit.server.seed([{}]);
        const source = kit.server.source();
        const seen = await seenOf(source, id);
        kit.transport.fail({ kind: 'status', status }, 'any', 100);
        assert.equal((await loadSource(source)).failure?.kind, 'unauthorised');
        assert.equal((await source.claim(seen)).kind, 'unauthorised');
        assert.deepEqual(ticketOn(await kit.server.state(), id).assignees, []);
      });
    }

    when(transport)('a read that times out is tried again', async () => {
      kit.transport.fail({ kind: 'timeout' }, 'read', 1);
      await loadsAll();
    });

    when(transport && subject.capabilities.internalNotes)('a note whose answer times out is posted once', () =>
      noteAfter(kit.server, kit.transport, { kind: 'timeout' }),
    );

    when(transport)('a read whose connection drops is tried again', async () => {
      kit.transport.fail({ kind: 'drop' }, 'read', 1);
      await loadsAll();
    });

    when(transport && subject.capabilities.internalNotes)('a note whose connection drops before it arrives is sent again, once', () =>
      noteAfter(kit.server, kit.transport, { kind: 'drop' }),
    );

    when(transport && subject.paged)('a queue that announces pages without end stops with a clear failure', async () => {
      await kit.server.seed(Array.from({ length: 3 }, () => ({})));
      kit.transport.endlessPages('queue');
      const loaded = await loadSource(kit.server.source());
      assert.equal(loaded.failure?.kind, 'invalidResponse');
      assert.match(loaded.failure?.message ?? '', /pages/);
      assert.ok(kit.transport.requests < REQUEST_BOUND, `${kit.transport.requests} requests`);
    });

    when(transport)('comments that announce pages without end stop with a clear failure', async () => {
      const [id = ''] = await kit.server.seed([{}]);
      const source = kit.server.source();
      expectOk(await source.addInternalNote(id, 'A first note, so that there is a page to repeat.'));
      kit.transport.endlessPages('comments');
      const before = kit.transport.requests;
      const read = await source.getTicket(id);
      assert.equal(read.kind, 'invalidResponse');
      assert.ok(kit.transport.requests - before < REQUEST_BOUND, `${kit.transport.requests - before} requests`);
    });
  });
}

async function noteAfter(server: FakeServer, transport: Transport, fault: { kind: 'timeout' } | { kind: 'drop' }): Promise<void> {
  const [id = ''] = await server.seed([{}]);
  const body = `Checked the logs (${fault.kind}).`;
  transport.fail(fault, 'write', 1);
  expectOk(await server.source().addInternalNote(id, body));
  assert.equal(notesWithBody(ticketOn(await server.state(), id), body).length, 1);
}
