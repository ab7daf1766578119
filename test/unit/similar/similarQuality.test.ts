import { strict as assert } from 'node:assert';
import { evaluate } from '../../fixtures/similar/similarEvaluation';

/** The target is 80%; the floor is asserted on each half, the held-out one included. */
const FLOOR = 0.8;

describe('"Seen before?" quality on the evaluation set', () => {
  it('ranks the partner of at least 80% of the pairs in the top 5, in the tuning half and in the held-out half', () => {
    const { tuning, heldOut } = evaluate();
    assert.ok(tuning.pairs >= 20 && heldOut.pairs >= 20);
    assert.ok(tuning.inTop5 / tuning.pairs >= FLOOR, `tuning: ${tuning.inTop5}/${tuning.pairs}, missed ${tuning.misses.join('; ')}`);
    assert.ok(heldOut.inTop5 / heldOut.pairs >= FLOOR, `held out: ${heldOut.inTop5}/${heldOut.pairs}`);
  });
});
