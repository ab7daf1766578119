import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../support/testPaths';

interface Metafile {
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
}

interface NoticesModule {
  bundledPackages(metafiles: Metafile[]): string[];
  thirdPartyNotices(folders: string[], root: string): string;
}

const metafile = (inputs: Record<string, number>): Metafile => ({
  outputs: { 'dist/x.js': { inputs: Object.fromEntries(Object.entries(inputs).map(([input, bytes]) => [input, { bytesInOutput: bytes }])) } },
});

describe('the third-party notices shipped with the bundles', () => {
  let notices: NoticesModule;

  before(async () => {
    notices = (await import(pathToFileURL(join(REPO_ROOT, 'scripts', 'thirdPartyNotices.mjs')).href)) as NoticesModule;
  });

  it('name every package that left code in a bundle, scoped and nested ones too, and no other', () => {
    const packages = notices.bundledPackages([
      metafile({
        'node_modules/axios/lib/axios.js': 900,
        'node_modules/axios/node_modules/agent-base/dist/src/index.js': 300,
        'node_modules/@vscode/l10n/dist/main.js': 200,
        'node_modules/zod/v4/core/unused.js': 0,
        'src/extension.ts': 5000,
        'stand-in:0': 30,
      }),
      metafile({ 'node_modules/axios/lib/utils.js': 100, 'node_modules/uplot/dist/uPlot.esm.js': 500 }),
    ]);
    assert.deepEqual(packages, ['node_modules/@vscode/l10n', 'node_modules/axios', 'node_modules/axios/node_modules/agent-base', 'node_modules/uplot']);
  });

  it("give each its licence's text: its own file, the main one of alternatives, or MIT's terms under its author", () => {
    const text = notices.thirdPartyNotices(['node_modules/zod', 'node_modules/dompurify', 'node_modules/@vscode/l10n', 'node_modules/zod'], REPO_ROOT);
    assert.match(text, /^zod \d+\.\d+\.\d+, licence: MIT$/m);
    assert.equal(text.match(/^zod /gm)?.length, 1, 'each package once');
    assert.match(text, /Copyright \(c\) \d{4} Colin McDonnell/);
    assert.match(text, /^dompurify .*, licence: \(MPL-2\.0 OR Apache-2\.0\)$/m);
    assert.match(text, /Apache License\s+Version 2\.0/);
    assert.doesNotMatch(text, /Mozilla Public License/, 'DOMPurify taken under its main licence file, Apache 2.0');
    assert.match(text, /^@vscode\/l10n .*\n=+\n\nCopyright \(c\) Microsoft Corporation\n\nPermission is hereby granted/m);
  });

  it('stop the build for a bundled package whose licence text cannot be found', () => {
    const root = mkdtempSync(join(tmpdir(), 'notices-'));
    try {
      const folder = join(root, 'node_modules', 'quiet');
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'quiet', version: '1.0.0', license: 'Apache-2.0' }));
      assert.throws(() => notices.thirdPartyNotices(['node_modules/quiet'], root), /quiet is bundled but ships no licence file/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
