import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';
import { REPO_ROOT } from '../../support/testPaths';

describe('the exported localisation bundle', () => {
  it('holds exactly the strings the extension and its panel page pass to l10n.t (regenerate with npm run l10n)', async function () {
    // The exporter parses every source file with tree-sitter: seconds, not milliseconds.
    this.timeout(60_000);
    const files = ['src', 'webview']
      .flatMap((dir) => readdirSync(join(REPO_ROOT, dir), { withFileTypes: true, recursive: true }))
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .map((entry) => join(entry.parentPath, entry.name));
    const exported = await getL10nJson(files.map((file) => ({ extension: '.ts', contents: readFileSync(file, 'utf8') })));
    const committed: unknown = JSON.parse(readFileSync(join(REPO_ROOT, 'l10n', 'bundle.l10n.json'), 'utf8'));
    assert.ok(Object.keys(exported).length > 150, 'the code localises its messages');
    assert.deepEqual(committed, exported);
  });
});
