import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { REPO_ROOT } from '../support/testPaths';

type BundleName = 'extension' | 'remote' | 'expertise' | 'ownership' | 'jsonSyntax' | 'handover' | 'dashboard' | 'similar';

interface BundleConfig {
  bundleOptions(name: BundleName, mode: { production: boolean }): esbuild.BuildOptions;
  LAZY_BUNDLES: string[];
}

/** What only remote sources or a search for experts need: never in the bundle loaded at activation. */
const REMOTE_ONLY = [
  /(^|\/)node_modules\/axios\//,
  /^src\/providers\/http\//,
  /^src\/providers\/gitlab\//,
  /^src\/ui\/sources\/(gitlab|zendesk|github|jira)Accounts\.ts$/,
  /^src\/providers\/jira\//,
];
/** Modules with state the whole extension shares (the output channel, the refusal notices): a copy in a lazy bundle would be a second one. */
const SHARED_STATE = [/^src\/ui\/common\/log\.ts$/, /^src\/ui\/common\/failureMessages\.ts$/];
const EXPERTISE_ONLY = [
  /^src\/core\/expertise\/expertiseIndex\.ts$/,
  /^src\/core\/expertise\/historyRecord\.ts$/,
  /^src\/git\/expertiseHistory\.ts$/,
  /^src\/git\/historyStream\.ts$/,
];
const OWNERSHIP_ONLY = [/(^|\/)node_modules\/ignore\//, /^src\/core\/ownership\/(codeowners|codeownersPattern|patternIndex|teamRanking)\.ts$/];

describe('the bundles', function () {
  this.timeout(60_000);
  const built = new Map<BundleName, { inputs: string[]; text: string }>();
  let lazyBundles: string[] = [];

  before(async () => {
    // The options `npm run package` builds with, built here in memory, so the check never reads a stale dist/.
    const config = (await import(pathToFileURL(join(REPO_ROOT, 'esbuild.mjs')).href)) as BundleConfig;
    lazyBundles = config.LAZY_BUNDLES;
    for (const name of ['extension', 'remote', 'expertise', 'ownership', 'jsonSyntax', 'handover', 'dashboard', 'similar'] as const) {
      const result = await esbuild.build({ ...config.bundleOptions(name, { production: true }), absWorkingDir: REPO_ROOT, write: false, logLevel: 'silent' });
      built.set(name, { inputs: Object.keys(result.metafile?.inputs ?? {}), text: result.outputFiles[0]?.text ?? '' });
    }
  });

  const inputsOf = (name: BundleName): string[] => built.get(name)?.inputs ?? [];
  const matching = (name: BundleName, patterns: RegExp[]): string[] => inputsOf(name).filter((input) => patterns.some((p) => p.test(input)));

  it('keep axios, the HTTP layer and the GitLab source out of the bundle loaded at activation', () => {
    assert.deepEqual(matching('extension', REMOTE_ONLY), []);
    assert.ok(matching('remote', REMOTE_ONLY).length >= 5, 'they are in dist/remote.js');
  });

  it('keep the expertise index and the history reading that builds it out of the bundle loaded at activation', () => {
    assert.deepEqual(matching('extension', EXPERTISE_ONLY), []);
    assert.deepEqual(matching('expertise', EXPERTISE_ONLY).length, EXPERTISE_ONLY.length, 'they are in dist/expertise.js');
  });

  it('keep CODEOWNERS, its matcher and the team ranking out of the bundle loaded at activation', () => {
    assert.deepEqual(matching('extension', OWNERSHIP_ONLY), []);
    assert.equal(matching('ownership', OWNERSHIP_ONLY).length, 5, 'they are in dist/ownership.js');
  });

  it("keep JSON's scanner, needed only to say where a queue file breaks, out of the bundle loaded at activation", () => {
    const scanner = [/(^|\/)node_modules\/jsonc-parser\//];
    assert.deepEqual(matching('extension', scanner), []);
    assert.ok(matching('jsonSyntax', scanner).length > 0, 'it is in dist/jsonSyntax.js');
  });

  it('keep the rotation dashboard and its figures out of the bundle loaded at activation', () => {
    const DASHBOARD_ONLY = [/^src\/core\/rotation\//, /^src\/ui\/dashboard\/dashboard\.ts$/, /^src\/shared\/dashboardMessages\.ts$/];
    assert.deepEqual(matching('extension', DASHBOARD_ONLY), []);
    assert.ok(matching('dashboard', DASHBOARD_ONLY).length >= 7, 'they are in dist/dashboard.js');
  });

  it('give the lazy bundles no copy of a module whose state the activation bundle holds', () => {
    assert.equal(matching('extension', SHARED_STATE).length, SHARED_STATE.length, 'the activation bundle has them');
    for (const name of ['remote', 'expertise', 'ownership', 'jsonSyntax', 'handover', 'dashboard', 'similar'] as const)
      assert.deepEqual(matching(name, SHARED_STATE), [], name);
  });

  it('leave the lazy bundles for Node to load, from beside the activation bundle', () => {
    const activation = built.get('extension')?.text ?? '';
    assert.deepEqual(lazyBundles, ['./remote.js', './expertise.js', './ownership.js', './jsonSyntax.js', './handover.js', './dashboard.js', './similar.js']);
    for (const file of lazyBundles) assert.ok(activation.includes(`require("${file}")`), `${file} is required, not bundled`);
  });
});
