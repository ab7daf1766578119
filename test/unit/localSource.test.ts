import { strict as assert } from 'node:assert';
import { readdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { firstSyntaxError } from '../../src/providers/local/jsonSyntaxError';
import { LocalSource } from '../../src/providers/local/localSource';
import { rawTicket, tempQueueFile } from '../support/tempQueue';

const now = new Date('2026-11-24T12:00:00Z');

async function setUp(tickets: unknown[], me: string | undefined = 'me@example.com', extra: Record<string, unknown> = {}) {
  const file = await tempQueueFile({ version: 1, ...extra, tickets });
  const source = new LocalSource({ id: 'local', queueFile: file.path, displayPath: '.support/queue.json', me, now: () => now });
  return { file, source };
}

describe('local source', () => {
  let cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(cleanups.map((c) => c()));
    cleanups = [];
  });
  const make = async (...args: Parameters<typeof setUp>) => {
    const made = await setUp(...args);
    cleanups.push(made.file.cleanup);
    return made;
  };

  it('lists the queue with problems beside the valid tickets', async () => {
    const { source } = await make([rawTicket('a'), rawTicket('b', { title: '' })]);
    const result = await source.listQueue({});
    assert.equal(result.kind, 'ok');
    assert.ok(result.kind === 'ok');
    assert.deepEqual(
      result.value.tickets.map((t) => t.id),
      ['a'],
    );
    assert.equal(result.value.problems[0]?.field, 'title');
  });

  it('says the file is missing as "not found"', async () => {
    const source = new LocalSource({ id: 'local', queueFile: '/nonexistent/queue.json', displayPath: 'queue.json', me: 'me' });
    const result = await source.listQueue({});
    assert.equal(result.kind, 'notFound');
  });

  it('honours cancellation', async () => {
    const { source } = await make([rawTicket('a')]);
    const controller = new AbortController();
    controller.abort();
    assert.equal((await source.listQueue({ signal: controller.signal })).kind, 'cancelled');
  });

  it('claims an unclaimed ticket: assignee, revision and updatedAt are written', async () => {
    const { source, file } = await make([rawTicket('a', { revision: 4 })]);
    const result = await source.claim({ id: 'a', revision: '4' });
    assert.ok(result.kind === 'ok');
    assert.equal(result.value.assignee?.id, 'me@example.com');
    assert.equal(result.value.revision, '5');
    const written = JSON.parse(await file.read()).tickets[0];
    assert.equal(written.assignee, 'me@example.com');
    assert.equal(written.revision, 5);
    assert.equal(written.updatedAt, now.toISOString());
  });

  it("never overwrites someone else's claim and says who holds it", async () => {
    const { source, file } = await make([rawTicket('a', { assignee: 'amy@example.com' })]);
    const before = await file.read();
    const result = await source.claim({ id: 'a', revision: '1' });
    assert.ok(result.kind === 'conflict');
    assert.equal(result.holder?.id, 'amy@example.com');
    assert.match(result.message, /already claimed by amy@example\.com/);
    assert.equal(await file.read(), before);
  });

  it('refuses a claim made on a stale view, returning the ticket as it is now', async () => {
    const { source, file } = await make([rawTicket('a', { revision: 3 })]);
    const before = await file.read();
    const result = await source.claim({ id: 'a', revision: '2' });
    assert.ok(result.kind === 'conflict');
    assert.equal(result.holder, null);
    assert.equal(result.current?.revision, '3');
    assert.equal(await file.read(), before);
  });

  it('treats claiming my own ticket again as done, without a write', async () => {
    const { source, file } = await make([rawTicket('a', { assignee: 'Me@Example.com' })]);
    const before = await file.read();
    assert.equal((await source.claim({ id: 'a', revision: '0' })).kind, 'ok');
    assert.equal(await file.read(), before);
  });

  it('needs to know who "me" is before writing', async () => {
    const { file } = await make([rawTicket('a')]);
    const source = new LocalSource({ id: 'local', queueFile: file.path, displayPath: 'queue.json', me: undefined });
    const result = await source.claim({ id: 'a', revision: '1' });
    assert.equal(result.kind, 'unauthorised');
    assert.match(result.kind === 'unauthorised' ? result.message : '', /supportRotation\.local\.me/);
  });

  it('releases only my own ticket', async () => {
    const { source } = await make([rawTicket('mine', { assignee: 'me@example.com' }), rawTicket('amy', { assignee: 'amy@example.com' })]);
    const released = await source.release({ id: 'mine', revision: '1' });
    assert.ok(released.kind === 'ok');
    assert.equal(released.value.assignee, null);
    const refused = await source.release({ id: 'amy', revision: '1' });
    assert.ok(refused.kind === 'conflict');
    assert.equal(refused.holder?.id, 'amy@example.com');
  });

  it('answers "not found" for an unknown ticket', async () => {
    const { source } = await make([rawTicket('a')]);
    assert.equal((await source.claim({ id: 'zzz', revision: '1' })).kind, 'notFound');
    assert.equal((await source.getTicket('zzz')).kind, 'notFound');
  });

  it('keeps fields it does not know, at every level, and the file layout', async () => {
    const ticket = rawTicket('a', { customField: { nested: [1, 2] }, comments: [{ author: 'x', createdAt: '2026-11-24T08:00:00Z', body: 'b', reactions: 3 }] });
    const { source, file } = await make([ticket], 'me@example.com', { exportedBy: 'crm-sync', $schema: './queue.schema.json' });
    assert.equal((await source.claim({ id: 'a', revision: '1' })).kind, 'ok');
    const written = JSON.parse(await file.read());
    assert.equal(written.exportedBy, 'crm-sync');
    assert.equal(written.$schema, './queue.schema.json');
    assert.deepEqual(written.tickets[0].customField, { nested: [1, 2] });
    assert.equal(written.tickets[0].comments[0].reactions, 3);
    assert.match(await file.read(), /^\{\n {2}"version": 1,/);
  });

  it('leaves a corrupt file untouched and says where it is broken', async () => {
    const corrupt = '{ "version": 1, "tickets": [ { "id": "a", } ] }';
    const { file } = await make([]);
    const source = new LocalSource({ id: 'local', queueFile: file.path, displayPath: '.support/queue.json', me: 'me', locateSyntaxError: firstSyntaxError });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file.path, corrupt);
    const listed = await source.listQueue({});
    assert.ok(listed.kind === 'invalidResponse');
    assert.match(listed.message, /not valid JSON at line 1, column \d+/);
    const claimed = await source.claim({ id: 'a', revision: '0' });
    assert.equal(claimed.kind, 'invalidResponse');
    assert.equal(await file.read(), corrupt);
  });

  it('refuses to change a ticket that is itself invalid', async () => {
    const { source, file } = await make([rawTicket('a', { severity: 9 })]);
    const before = await file.read();
    assert.equal((await source.claim({ id: 'a', revision: '1' })).kind, 'invalidResponse');
    assert.equal(await file.read(), before);
  });

  it('adds internal notes, hands off (team, note, release) and links changes once', async () => {
    const { source, file } = await make([rawTicket('a', { assignee: 'me@example.com' })]);
    assert.equal((await source.addInternalNote('a', 'Reproduced on staging')).kind, 'ok');
    const handed = await source.handOff({ id: 'a', revision: '2' }, { team: 'billing', note: 'Invoice rounding; see VatCalculator' });
    assert.ok(handed.kind === 'ok');
    assert.equal(handed.value.team, 'billing');
    assert.equal(handed.value.assignee, null);
    assert.equal(handed.value.status, 'handed-off', 'the rotation no longer sees it as new or open');
    const link = { kind: 'branch' as const, name: 'support/a-fix' };
    assert.equal((await source.linkChange('a', link)).kind, 'ok');
    const again = await source.linkChange('a', link);
    assert.ok(again.kind === 'ok');
    assert.equal(again.value.links.length, 1);
    const written = JSON.parse(await file.read()).tickets[0];
    assert.deepEqual(
      written.comments.map((c: { body: string; internal: boolean; author: string }) => [c.body, c.internal, c.author]),
      [
        ['Reproduced on staging', true, 'me@example.com'],
        ['Invoice rounding; see VatCalculator', true, 'me@example.com'],
      ],
    );
    assert.equal(written.revision, 4);
  });

  it('writes a public reply as a comment the customer sees', async () => {
    const { source, file } = await make([rawTicket('a', { assignee: 'me@example.com' })]);
    const replied = await source.addPublicReply('a', 'We have found the cause and are fixing it.');
    assert.ok(replied.kind === 'ok');
    assert.equal(replied.value.comments.at(-1)?.internal, false);
    const written = JSON.parse(await file.read()).tickets[0];
    assert.deepEqual(written.comments.at(-1), {
      author: 'me@example.com',
      createdAt: written.comments.at(-1).createdAt,
      body: 'We have found the cause and are fixing it.',
      internal: false,
    });
  });

  it('will not hand off a ticket someone else holds', async () => {
    const { source } = await make([rawTicket('a', { assignee: 'amy@example.com' })]);
    assert.equal((await source.handOff({ id: 'a', revision: '1' }, { team: 't', note: 'n' })).kind, 'conflict');
  });

  it('leaves no temporary or lock file behind', async () => {
    const { source, file } = await make([rawTicket('a')]);
    await source.claim({ id: 'a', revision: '1' });
    assert.deepEqual(await readdir(dirname(file.path)), ['queue.json']);
  });
});
