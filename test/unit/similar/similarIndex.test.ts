import { strict as assert } from 'node:assert';
import MiniSearch from 'minisearch';
import type { TicketHistoryRecord } from '../../../src/core/history/ticketHistory';
import { INDEX_FORMAT_VERSION, SimilarIndex } from '../../../src/core/similar/similarIndex';

function resolved(id: string, title: string, text: string, resolvedAt: Date | null = new Date('2026-03-01T00:00:00Z')): TicketHistoryRecord {
  return { sourceId: 'local', id, key: `SUP-${id}`, title, text, severity: 2, createdAt: new Date('2026-02-01T00:00:00Z'), resolvedAt };
}

const POOL = resolved(
  '1',
  'Orders page fails at peak',
  'Under load the API answers 500.\n```\ncom.zaxxer.hikari.pool.HikariPool: Connection is not available, request timed out\n    at com.acme.orders.OrderRepository.findOpen(OrderRepository.java:64)\n```',
);
const WORDS_ONLY = resolved('2', 'Orders page slow at peak times', 'The orders page is slow at peak times for large accounts with many orders.');
const OTHER = resolved('3', 'Invoice PDF has the wrong logo', 'After changing the logo the invoice PDF still shows the old one.');

const OPEN = {
  sourceId: 'local',
  id: '99',
  title: 'Orders list broken at lunchtime',
  text: '```\nTraceback (most recent call last):\n  File "/app/orders/order_repository.py", line 22, in find_open\nsqlalchemy.exc.TimeoutError: QueuePool limit of size 10 overflow 10 reached, connection timed out\n```',
};

function indexOf(...records: TicketHistoryRecord[]): SimilarIndex {
  const index = SimilarIndex.empty();
  for (const record of records) index.update(record);
  return index;
}

describe('SimilarIndex', () => {
  it('ranks a shared fault (error family, frames in another language) above shared ordinary words', () => {
    const hits = indexOf(WORDS_ONLY, POOL, OTHER).similarTo(OPEN, 5);
    assert.equal(hits[0]?.key, 'SUP-1');
    assert.ok(!hits.some((hit) => hit.key === 'SUP-3'));
  });

  it('says why: the shared error family, the file and function of the frames, the title words', () => {
    const [best] = indexOf(POOL, WORDS_ONLY).similarTo(OPEN, 5);
    assert.ok(best);
    const reasons = new Map(best.reasons.map((reason) => [reason.kind, reason.texts]));
    assert.ok(reasons.get('error')?.includes('pool exhausted'), JSON.stringify(best.reasons));
    assert.ok(reasons.get('error')?.includes('timeout'), JSON.stringify(best.reasons));
    assert.deepEqual(reasons.get('file'), ['order_repository.py']);
    assert.deepEqual(reasons.get('function'), ['find_open']);
    assert.deepEqual(reasons.get('title'), ['Orders']);
    assert.equal(best.reasons[0]?.kind, 'error');
  });

  it('names a file the frames of both tickets hold as a file, though their prose says it too', () => {
    const [best] = indexOf(
      resolved('30', 'Checkout errors', 'The pool is exhausted.\n```\n    at withTransaction (/srv/app/src/db/pool.ts:25:18)\n```'),
    ).similarTo({ sourceId: 'local', id: '99', title: 'Orders fail', text: 'Our pool? ```\n    at connect (/srv/other/db/pool.ts:3:1)\n```' }, 5);
    assert.ok(best);
    assert.deepEqual(best.reasons.find((reason) => reason.kind === 'file')?.texts, ['pool.ts'], JSON.stringify(best.reasons));
  });

  it('weighs a title word above the same word in the body', () => {
    const inTitle = resolved('10', 'Kettle', 'Something about an appliance.');
    const inBody = resolved('11', 'An appliance', 'Something about a kettle.');
    const hits = indexOf(inBody, inTitle).similarTo({ sourceId: 'local', id: '99', title: 'kettle', text: '' }, 5);
    assert.deepEqual(
      hits.map((hit) => hit.key),
      ['SUP-10', 'SUP-11'],
    );
  });

  it('leaves stop words out: tickets that share only them do not match', () => {
    const hits = indexOf(resolved('20', 'It is not there', 'Please help, this is what we have.')).similarTo(
      { sourceId: 'local', id: '99', title: 'This is not what we have', text: 'Please, it is there.' },
      5,
    );
    assert.deepEqual(hits, []);
  });

  it('never returns the ticket asked about, nor an open one', () => {
    const index = indexOf(POOL, resolved('5', OPEN.title, OPEN.text, null));
    assert.deepEqual(
      index.similarTo({ ...OPEN, id: '1' }, 5).map((hit) => hit.key),
      [],
    );
    assert.deepEqual(
      index.similarTo(OPEN, 5).map((hit) => hit.key),
      ['SUP-1'],
    );
  });

  it('is incremental: a changed ticket is replaced, a reopened one taken out, a removed one gone', () => {
    const index = indexOf(POOL, OTHER);
    assert.equal(index.size, 2);
    index.update({ ...OTHER, title: 'Orders list broken at lunchtime', text: OPEN.text });
    assert.equal(index.size, 2);
    assert.equal(index.similarTo(OPEN, 5)[0]?.key, 'SUP-3');
    index.update({ ...OTHER, resolvedAt: null });
    assert.equal(index.size, 1);
    index.remove(POOL);
    assert.equal(index.size, 0);
    assert.deepEqual(index.similarTo(OPEN, 5), []);
  });

  it('indexes a ticket read again unchanged only once', () => {
    const index = indexOf(POOL, OTHER);
    const before = JSON.stringify(index.toJSON());
    index.update({ ...POOL });
    assert.equal(JSON.stringify(index.toJSON()), before);
  });

  it('does not ask for a term most of the index holds: reading every ticket that holds it is what makes a query slow', () => {
    const common = Array.from({ length: 3_001 }, (_, i) => resolved(`c${i}`, `Widget report ${i}`, 'The widget misbehaves.'));
    const index = indexOf(...common, resolved('rare', 'Sprocket jammed', 'The sprocket jammed.'));
    assert.deepEqual(index.similarTo({ sourceId: 'local', id: '99', title: 'Widget', text: 'widget' }, 5), []);
    assert.deepEqual(
      index.similarTo({ sourceId: 'local', id: '99', title: 'Widget sprocket', text: 'The widget sprocket.' }, 5).map((hit) => hit.key),
      ['SUP-rare'],
    );
  });

  it('serialises to JSON and loads back with the same answers', () => {
    const index = indexOf(POOL, WORDS_ONLY, OTHER);
    const stored: unknown = JSON.parse(JSON.stringify(index.toJSON()));
    const loaded = SimilarIndex.load(stored);
    assert.ok(loaded);
    assert.equal(loaded.size, 3);
    assert.deepEqual(loaded.similarTo(OPEN, 5), index.similarTo(OPEN, 5));
  });

  it('refuses a stored index of another format version, or a damaged one, so that it is rebuilt', () => {
    const stored = indexOf(POOL).toJSON();
    assert.equal(SimilarIndex.load({ ...stored, version: INDEX_FORMAT_VERSION + 1 }), undefined);
    assert.equal(SimilarIndex.load({ version: INDEX_FORMAT_VERSION, index: { nonsense: true } }), undefined);
    assert.equal(SimilarIndex.load('not an index'), undefined);
  });

  it('loads back what it stored after replacements and removals: the same tickets, answers and stored form', () => {
    const index = indexOf(POOL, WORDS_ONLY, OTHER);
    index.update({ ...OTHER, title: 'Orders list broken at lunchtime', text: OPEN.text });
    index.remove(WORDS_ONLY);
    index.update(resolved('4', 'Orders page times out', 'The orders page times out at peak.'));
    const loaded = SimilarIndex.load(JSON.parse(JSON.stringify(index.toJSON())));
    assert.ok(loaded);
    assert.equal(loaded.size, 3);
    assert.deepEqual(loaded.toJSON(), index.toJSON());
    assert.deepEqual(loaded.similarTo(OPEN, 5), index.similarTo(OPEN, 5));
    assert.equal(loaded.similarTo(OPEN, 5)[0]?.key, 'SUP-3');
  });

  it("refuses an index stored by the previous version in MiniSearch's form, so that it is rebuilt", () => {
    const previous = new MiniSearch({ idField: 'uid', fields: ['errors', 'files', 'functions', 'titleWords', 'bodyWords'], storeFields: ['sourceId', 'id'] });
    previous.add({ uid: 'local:1', sourceId: 'local', id: '1', errors: '', files: '', functions: '', titleWords: 'order', bodyWords: 'order load' });
    assert.equal(SimilarIndex.load({ version: 3, index: previous.toJSON() }), undefined);
    assert.equal(SimilarIndex.load({ version: INDEX_FORMAT_VERSION, index: previous.toJSON() }), undefined);
  });
});
