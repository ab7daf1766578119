import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ICruiseResult, IConfiguration } from 'dependency-cruiser';

const CONFIG = join(__dirname, '..', '..', '.dependency-cruiser.cjs');

/** The project's own rules, run on a small tree laid out like the project. */
async function violations(files: Record<string, string>): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), 'dependency-rules-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    // dependency-cruiser is an ES module only: loaded with import(), which tsx leaves as it is.
    const { cruise } = await import('dependency-cruiser');
    const { default: config } = (await import(CONFIG)) as { default: IConfiguration };
    const { output } = await cruise(['src', 'webview'], { ...config.options, baseDir: root, validate: true, ruleSet: { forbidden: config.forbidden } });
    const result = output as ICruiseResult;
    return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const leaf = 'export const value = 1;\n';

/** Every layer importing each layer it may: the whole tree is allowed. */
const ALLOWED = {
  'src/core/rule.ts': leaf,
  'src/shared/message.ts': "export { value } from '../core/rule';\n",
  'src/providers/source.ts': "export { value } from '../core/rule';\nexport { value as message } from '../shared/message';\n",
  'src/git/history.ts': "import * as vscode from 'vscode';\nexport { value } from '../core/rule';\nexport const editor = vscode;\n",
  'src/ui/common/pick.ts': "export { value } from '../../providers/source';\n",
  'src/ui/queue/tree.ts':
    "export { value } from '../common/pick';\nexport { editor } from '../../git/history';\nexport { message } from '../../providers/source';\n",
  'src/ui/ticket/panel.ts': "export { value } from '../queue/tree';\n",
  'src/extension.ts': "export { value } from './ui/ticket/panel';\n",
  'webview/main.ts': "export { value } from '../src/shared/message';\nexport { value as rule } from '../src/core/rule';\n",
};

describe('dependency rules (.dependency-cruiser.cjs)', () => {
  it('allow every import from a layer into itself or a lower one', async () => {
    assert.deepEqual(await violations(ALLOWED), []);
  });

  const wrong: [string, string, string, string][] = [
    ['core imports the UI', 'src/core/rule.ts', "export { value } from '../ui/queue/tree';\n", 'core-imports-only-core'],
    ['core imports vscode', 'src/core/rule.ts', "import * as vscode from 'vscode';\nexport const value = vscode;\n", 'no-vscode-outside-the-editor-layers'],
    [
      'core needs a type from a provider',
      'src/core/rule.ts',
      "import type { value as V } from '../providers/source';\nexport const value: typeof V = 1;\n",
      'core-imports-only-core',
    ],
    ['shared imports a provider', 'src/shared/message.ts', "export { value } from '../providers/source';\n", 'shared-imports-core-and-shared'],
    ['a provider imports git', 'src/providers/source.ts', "export { value } from '../git/history';\n", 'providers-import-core-shared-providers'],
    [
      'a provider imports vscode',
      'src/providers/source.ts',
      "import * as vscode from 'vscode';\nexport const value = vscode;\n",
      'no-vscode-outside-the-editor-layers',
    ],
    ['git imports a provider', 'src/git/history.ts', "export { value } from '../providers/source';\n", 'git-imports-core-and-git'],
    ['the UI imports the composition root', 'src/ui/queue/tree.ts', "export { value } from '../../extension';\n", 'ui-imports-the-layers-below'],
    ['ui/common imports a feature folder', 'src/ui/common/pick.ts', "export { value } from '../ticket/panel';\n", 'ui-common-imports-no-feature'],
    ['the webview imports a provider', 'webview/main.ts', "export { value } from '../src/providers/source';\n", 'webview-imports-shared-and-core'],
    [
      'the webview imports vscode',
      'webview/main.ts',
      "import * as vscode from 'vscode';\nexport const value = vscode;\n",
      'no-vscode-outside-the-editor-layers',
    ],
  ];
  for (const [what, file, text, rule] of wrong) {
    it(`fail when ${what}`, async () => {
      const found = await violations({ ...ALLOWED, [file]: text });
      assert.ok(
        found.some((v) => v.startsWith(`${rule}: ${file} → `)),
        found.join('\n') || 'no violation',
      );
    });
  }

  it('fail on an import cycle, also between two features of src/ui', async () => {
    const found = await violations({ ...ALLOWED, 'src/ui/queue/tree.ts': "export { value } from '../ticket/panel';\n" });
    assert.ok(found.length > 0, 'no violation');
    for (const v of found) assert.match(v, /^no-circular: src\/ui\/(queue\/tree|ticket\/panel)\.ts → /);
  });
});
