import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IndexSnapshot } from '../../../src/core/expertise/expertiseIndex';
import { buildIndex, headOf, updateIndex } from '../../../src/git/expertiseHistory';
import { makeOddHistory, ODD_NAMES } from './oddHistory';

const options = { halfLifeDays: 180, referenceTime: 1_790_000_000 };

/** Decayed counts are sums of floating-point weights, added in another order by an update. */
function rounded(snapshot: IndexSnapshot): IndexSnapshot {
  const files = Object.fromEntries(
    Object.entries(snapshot.files).map(([file, byAuthor]) => [
      file,
      Object.fromEntries(Object.entries(byAuthor).map(([author, stat]) => [author, { ...stat, decayed: Math.round(stat.decayed * 1e9) }])),
    ]),
  );
  return { ...snapshot, files };
}

describe('updating the expertise index', function () {
  this.timeout(60_000);
  let dir = '';

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'expertise-update-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('never changes the index it started from: two updates at once after HEAD moves count the new commits once', async () => {
    const repo = makeOddHistory(join(dir, 'repo'));
    const live = (await buildIndex('git', repo.dir, (await headOf('git', repo.dir)) ?? '', options)).index;
    const before = JSON.stringify(live.snapshot());

    repo.append(ODD_NAMES.cafe, 'one more\n');
    repo.append(ODD_NAMES.backslash, 'one more\n');
    repo.commit('eve', 'Two files again');
    repo.rename(ODD_NAMES.chain, 'docs/chain.txt');
    repo.append(ODD_NAMES.cafe, 'and another\n');
    repo.commit('cy', 'Chain into docs');

    const [first, second] = await Promise.all([updateIndex('git', repo.dir, live.snapshot(), options), updateIndex('git', repo.dir, live.snapshot(), options)]);
    const rebuilt = await buildIndex('git', repo.dir, (await headOf('git', repo.dir)) ?? '', options);
    assert.deepEqual([first.how, first.commitsRead, second.how, second.commitsRead], ['updated', 2, 'updated', 2]);
    assert.deepEqual(rounded(first.index.snapshot()), rounded(rebuilt.index.snapshot()));
    assert.deepEqual(rounded(second.index.snapshot()), rounded(rebuilt.index.snapshot()));
    assert.equal(JSON.stringify(live.snapshot()), before, 'the live index is as it was');
  });
});
