import { strict as assert } from 'node:assert';
import { percentileOfSorted } from '../../../src/core/rotation/percentiles';

describe('percentiles', () => {
  it('interpolates between the closest ranks', () => {
    assert.equal(percentileOfSorted([1, 3], 0.5), 2);
    assert.equal(percentileOfSorted([1, 2, 3], 0.5), 2);
    assert.ok(Math.abs((percentileOfSorted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9) ?? 0) - 9.1) < 1e-9);
  });

  it('gives the only value for one, and nothing for none', () => {
    assert.equal(percentileOfSorted([7], 0.9), 7);
    assert.equal(percentileOfSorted([], 0.5), null);
  });
});
