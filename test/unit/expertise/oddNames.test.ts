import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExpertiseIndex } from '../../../src/core/expertise/expertiseIndex';
import { buildIndex, headOf, indexOfPaths } from '../../../src/git/expertiseHistory';
import { makeOddHistory, ODD_NAMES, PEOPLE, type OddHistory } from './oddHistory';

const options = { halfLifeDays: 180, referenceTime: 1_790_000_000 };
const { ana, bo, cy, dee, eve } = PEOPLE;

const commitsBy = (index: ExpertiseIndex, file: string): Record<string, number> =>
  Object.fromEntries([...(index.statsFor(file) ?? [])].map(([author, stat]) => [author, stat.commits]));

describe('the expertise index on names git quotes, renamed, and a branch merged with -s ours', function () {
  this.timeout(60_000);
  let dir = '';
  let repo: OddHistory;
  let head = '';
  let full: ExpertiseIndex;
  let tracked: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'expertise-odd-'));
    repo = makeOddHistory(join(dir, 'repo'));
    head = (await headOf('git', repo.dir)) ?? '';
    full = (await buildIndex('git', repo.dir, head, options)).index;
    tracked = repo.git('ls-files', '-z').split('\0').filter(Boolean);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every file under the name the tree lists, and no other name', () => {
    assert.deepEqual(Object.keys(full.snapshot().files).sort(), [...tracked].sort());
  });

  it('follows renames among such names back to the first commit, and not past a rename away', () => {
    assert.deepEqual(commitsBy(full, ODD_NAMES.cafe), { [ana]: 3, [bo]: 1 });
    assert.deepEqual(commitsBy(full, ODD_NAMES.chain), { [ana]: 1, [bo]: 1, [cy]: 2 });
    assert.deepEqual(commitsBy(full, ODD_NAMES.braces), { [ana]: 1, [bo]: 1 });
    assert.deepEqual(commitsBy(full, ODD_NAMES.movedAway), { [ana]: 1, [bo]: 1, [dee]: 1 });
    assert.deepEqual(commitsBy(full, ODD_NAMES.remade), { [dee]: 1 });
    assert.deepEqual(commitsBy(full, ODD_NAMES.backslash), { [ana]: 1, [bo]: 1, [eve]: 1 });
  });

  it('counts the same from the history of a few files alone as the full index does', async () => {
    for (const files of [tracked, [ODD_NAMES.chain], [ODD_NAMES.remade, ODD_NAMES.backslash, ODD_NAMES.cafe]]) {
      const alone = await indexOfPaths('git', repo.dir, head, files, options);
      for (const file of files) {
        assert.deepEqual(alone.statsFor(file), full.statsFor(file), file);
        for (const author of alone.statsFor(file)?.keys() ?? []) assert.deepEqual(alone.author(author), full.author(author));
      }
    }
  });
});
