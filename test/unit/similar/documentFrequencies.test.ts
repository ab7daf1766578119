import { strict as assert } from 'node:assert';
import { DocumentFrequencies } from '../../../src/core/similar/documentFrequencies';
import { SimilarIndex } from '../../../src/core/similar/similarIndex';

const fields = (bodyWords: string, titleWords = '') => ({ errors: '', files: '', functions: '', titleWords, bodyWords });
const record = (id: string, title: string, text: string, resolvedAt: Date | null = new Date('2026-03-01T00:00:00Z')) => ({
  sourceId: 'local',
  id,
  key: `SUP-${id}`,
  title,
  text,
  severity: 2 as const,
  createdAt: new Date('2026-02-01T00:00:00Z'),
  resolvedAt,
});

describe('DocumentFrequencies', () => {
  it('counts each ticket once per term, whatever fields and how often it holds it, and gives the rarest first', () => {
    const frequencies = DocumentFrequencies.empty();
    frequencies.add(fields('kettle kettle boil', 'kettle'));
    frequencies.add(fields('kettle descale'));
    frequencies.add(fields('kettle boil'));
    assert.deepEqual(frequencies.rarest(['kettle', 'boil', 'descale', 'teapot', 'boil']), [
      { term: 'descale', count: 1 },
      { term: 'boil', count: 2 },
      { term: 'kettle', count: 3 },
    ]);
  });

  it('counts only the live tickets of a stored index: one reopened before it was saved is not counted', () => {
    const index = SimilarIndex.empty();
    index.update(record('1', 'Kettle limescale', 'The kettle is full of limescale.'));
    index.update(record('2', 'Kettle limescale again', 'Limescale in the kettle.'));
    index.update(record('2', 'Kettle limescale again', 'Limescale in the kettle.', null));
    const frequencies = DocumentFrequencies.fromIndex(index.toJSON().index);
    assert.deepEqual(frequencies.rarest(['limescal']), [{ term: 'limescal', count: 1 }]);
  });
});
