import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arrivedIn, progressLine } from '../support/installProgress';

describe("the progress of VS Code's install", () => {
  it('says how long it has taken and how much has arrived', () => {
    assert.equal(progressLine(9_400, { bytes: 0, files: 0 }), '9 s: downloading');
    assert.equal(progressLine(42_000, { bytes: 151_300_000, files: 2_850 }), '42 s: 151.3 MB in 2,850 files so far');
    assert.equal(progressLine(65_000, { bytes: 590_000_000, files: 9_261 }), '1 min 05 s: 590.0 MB in 9,261 files so far');
  });

  it('counts the files under a folder, however deep, and nothing for a folder not there yet', () => {
    const dir = mkdtempSync(join(tmpdir(), 'install-progress-'));
    try {
      assert.deepEqual(arrivedIn(join(dir, 'node_modules')), { bytes: 0, files: 0 });
      mkdirSync(join(dir, 'node_modules', 'a', 'lib'), { recursive: true });
      writeFileSync(join(dir, 'node_modules', 'a', 'package.json'), '{}');
      writeFileSync(join(dir, 'node_modules', 'a', 'lib', 'index.js'), 'x'.repeat(1000));
      assert.deepEqual(arrivedIn(join(dir, 'node_modules')), { bytes: 1002, files: 2 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
