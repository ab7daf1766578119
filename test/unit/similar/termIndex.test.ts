import { strict as assert } from 'node:assert';
import * as z from 'zod/mini';
import { TermIndex, type TermIndexForm } from '../../../src/core/similar/termIndex';

type Field = 'title' | 'body';
const FIELDS: readonly Field[] = ['title', 'body'];
const storedSchema = z.object({ key: z.string() });
type Stored = z.infer<typeof storedSchema>;

function indexOf(tickets: Record<string, { title: string; body: string }>): TermIndex<Field, Stored> {
  const index = new TermIndex<Field, Stored>(FIELDS);
  for (const [uid, fields] of Object.entries(tickets)) index.add(uid, fields, { key: uid.toUpperCase() });
  return index;
}

const roundTrip = (index: TermIndex<Field, Stored>): TermIndex<Field, Stored> | undefined =>
  TermIndex.load(JSON.parse(JSON.stringify(index.toJSON())), FIELDS, storedSchema);

const ASK_KETTLE = [{ terms: ['kettl', 'boil'], fields: [['title', 2] as const, ['body', 1] as const] }];

describe('TermIndex', () => {
  it('counts each ticket once per term, whatever fields hold it and how often, and only while it is indexed', () => {
    const index = indexOf({ a: { title: 'kettl', body: 'kettl kettl boil' }, b: { title: '', body: 'kettl descal' }, c: { title: 'boil', body: 'kettl' } });
    assert.deepEqual(
      ['kettl', 'boil', 'descal', 'teapot'].map((term) => index.documentFrequency(term)),
      [3, 2, 1, 0],
    );
    index.remove('b');
    index.remove('c');
    assert.deepEqual(
      ['kettl', 'boil', 'descal'].map((term) => index.documentFrequency(term)),
      [1, 1, 0],
    );
    assert.equal(index.size, 1);
  });

  it("weighs a match by its field and its term's rarity, and says which fields matched", () => {
    const index = indexOf({ a: { title: 'kettl', body: 'boil water tea' }, b: { title: 'toaster', body: 'kettl boil' }, c: { title: 'mug', body: 'boil' } });
    const hits = index.search(ASK_KETTLE, () => true);
    assert.deepEqual(
      hits.map((hit) => [hit.stored.key, { ...hit.match }]),
      [
        ['A', { kettl: ['title'], boil: ['body'] }],
        ['B', { kettl: ['body'], boil: ['body'] }],
        ['C', { boil: ['body'] }],
      ],
    );
    assert.ok(hits.every((hit, i) => i === 0 || (hits[i - 1]?.score ?? 0) > hit.score));
    assert.deepEqual(
      index.search(ASK_KETTLE, (stored) => stored.key !== 'B').map((hit) => hit.stored.key),
      ['A', 'C'],
    );
  });

  it('stores and loads back the same index, after removals too', () => {
    const index = indexOf({ a: { title: 'kettl', body: 'boil water' }, b: { title: 'toaster', body: 'kettl boil' }, c: { title: 'mug', body: 'boil' } });
    index.remove('a');
    index.add('d', { title: 'kettl boil', body: '' }, { key: 'D' });
    const loaded = roundTrip(index);
    assert.ok(loaded);
    assert.equal(loaded.size, 3);
    assert.deepEqual(loaded.toJSON(), index.toJSON());
    assert.deepEqual(
      loaded.search(ASK_KETTLE, () => true),
      index.search(ASK_KETTLE, () => true),
    );
    assert.deepEqual(loaded.stored('d'), { key: 'D' });
    assert.equal(loaded.has('a'), false);
    assert.equal(loaded.documentFrequency('water'), 0);
    loaded.add('e', { title: 'kettl', body: '' }, { key: 'E' });
    assert.equal(loaded.documentFrequency('kettl'), 3);
  });

  it('refuses a stored form that is damaged or contradicts itself', () => {
    const form = indexOf({ a: { title: 'kettl', body: 'boil' }, b: { title: 'mug', body: 'boil' } }).toJSON();
    const damaged: unknown[] = [
      'not an index',
      { ...form, uids: ['a'] },
      { ...form, uids: ['a', 'a'] },
      { ...form, lengths: [1, 1, 1] },
      { ...form, stored: [{ key: 'A' }, { name: 'B' }] },
      { ...form, terms: [...form.terms, 'extra'] },
      { ...form, terms: form.terms.map(() => 'kettl') },
      { ...form, postings: form.postings.map(() => [[0, 3, 1]]) },
      { ...form, postings: form.postings.map(() => [[0, 1, 1, 0, 1]]) },
      { ...form, postings: form.postings.map(() => [[2, 1, 1]]) },
      { ...form, postings: form.postings.map(() => [[0, 1, 0]]) },
      { ...form, postings: form.postings.map(() => [[0, 1.5, 1]]) },
      { ...form, postings: form.postings.map(() => []) },
    ];
    assert.ok(roundTrip(indexOf({ a: { title: 'kettl', body: 'boil' } })));
    for (const stored of damaged) assert.equal(TermIndex.load(stored as TermIndexForm<Stored>, FIELDS, storedSchema), undefined, JSON.stringify(stored));
  });
});
