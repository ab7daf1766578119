/**
 * The bundles as `npm run package` built them: what went into each (from esbuild's metafiles in
 * dist/meta/), the .vsix and that it carries every bundle and the sample queue's data, and how
 * long loading the activation bundle takes against loading every extension host bundle, as
 * activation did when they were one. Each size is shown against its target (issue 10). Prints the
 * figures as JSON on the last line.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../support/testPaths';
import { breakdown, bundleOutput, type BundleMetafile } from './bundleBreakdown';
import { loadTimes } from './bundleLoad';
import { median } from './percentile';
import { zipEntries } from './zipEntries';

const LOAD_RUNS = 15;
const VSIX = join(REPO_ROOT, 'dist', 'support-rotation.vsix');
/** Parts smaller than this are summed on one line. */
const SHOWN_PART_BYTES = 1024;

/** Targets in KB: the bundle loaded at activation, every extension host bundle together, the package. */
const TARGET_KB = { activation: 180, extensionHost: 450, vsix: 400 };

interface BundleDefinition {
  readonly outfile: string;
  readonly platform: string;
}

interface BuildConfig {
  readonly BUNDLES: Record<string, BundleDefinition>;
  /** `./zod.js`: zod, shared by every host bundle and loaded with the activation bundle. */
  readonly SHARED_ZOD: string;
  /** `./shared.js`: our modules that more than one host bundle imports, loaded with the activation bundle. */
  readonly SHARED: string;
}

const kb = (bytes: number): number => Number((bytes / 1024).toFixed(1));
const shownKB = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const againstTarget = (label: string, sizeKB: number, targetKB: number): string =>
  `${label}: ${sizeKB} KB of ${targetKB} KB (${Math.round((sizeKB / targetKB) * 100)}%, ${sizeKB < targetKB ? 'met' : 'not met'})`;

function printBundle(name: string, meta: BundleMetafile): void {
  const parts = breakdown(meta);
  const shown = parts.filter((p) => p.bytes >= SHOWN_PART_BYTES);
  const rest = parts.slice(shown.length);
  console.log(`\n${name}: ${shownKB(bundleOutput(meta).bytes)}`);
  for (const p of shown) console.log(`  ${shownKB(p.bytes).padStart(9)}  ${p.part}`);
  if (rest.length > 0) console.log(`  ${shownKB(rest.reduce((n, p) => n + p.bytes, 0)).padStart(9)}  ${rest.length} smaller parts`);
}

async function main(): Promise<void> {
  const { BUNDLES: built, SHARED_ZOD, SHARED } = (await import(pathToFileURL(join(REPO_ROOT, 'esbuild.mjs')).href)) as BuildConfig;
  const BUNDLES: Record<string, BundleDefinition> = {
    ...built,
    shared: { outfile: `dist/${SHARED.slice(2)}`, platform: 'node' },
    zod: { outfile: `dist/${SHARED_ZOD.slice(2)}`, platform: 'node' },
  };
  const sizes: Record<string, number> = {};
  for (const [name, bundle] of Object.entries(BUNDLES)) {
    const meta = JSON.parse(readFileSync(join(REPO_ROOT, 'dist', 'meta', `${name}.json`), 'utf8')) as BundleMetafile;
    printBundle(bundle.outfile, meta);
    sizes[name] = kb(bundleOutput(meta).bytes);
  }
  const hostFiles = Object.values(BUNDLES)
    .filter((b) => b.platform === 'node')
    .map((b) => b.outfile);

  const packaged = zipEntries(VSIX);
  const wanted = [...Object.values(BUNDLES).map((b) => b.outfile), 'dist/ThirdPartyNotices.txt', 'resources/sampleQueue.json'];
  const missing = wanted.filter((file) => !packaged.includes(`extension/${file}`));
  if (missing.length > 0) throw new Error(`The .vsix lacks ${missing.join(', ')}: see .vscodeignore`);
  console.log(`\n.vsix: ${kb(statSync(VSIX).size)} KB, carries ${wanted.join(', ')}`);

  const activation = median(loadTimes([join(REPO_ROOT, BUNDLES.extension?.outfile ?? '')], LOAD_RUNS));
  const everything = median(
    loadTimes(
      hostFiles.map((f) => join(REPO_ROOT, f)),
      LOAD_RUNS,
    ),
  );
  console.log(
    `Loading ${BUNDLES.extension?.outfile} (it loads ${BUNDLES.shared?.outfile} and ${BUNDLES.zod?.outfile}): ${activation.toFixed(1)} ms; loading ${hostFiles.join(' + ')}: ${everything.toFixed(1)} ms (medians of ${LOAD_RUNS})`,
  );

  const hostKB = kb(hostFiles.reduce((n, f) => n + statSync(join(REPO_ROOT, f)).size, 0));
  const activationKB = Number(((sizes.extension ?? 0) + (sizes.shared ?? 0) + (sizes.zod ?? 0)).toFixed(1));
  console.log(
    againstTarget(
      `\n${BUNDLES.extension?.outfile} with ${BUNDLES.shared?.outfile} and ${BUNDLES.zod?.outfile}, loaded at activation`,
      activationKB,
      TARGET_KB.activation,
    ),
  );
  console.log(againstTarget('Every extension host bundle together', hostKB, TARGET_KB.extensionHost));
  console.log(againstTarget('.vsix', kb(statSync(VSIX).size), TARGET_KB.vsix));

  const figures = {
    bundlesKB: sizes,
    activationBundleKB: activationKB,
    extensionHostBundlesKB: hostKB,
    vsixKB: kb(statSync(VSIX).size),
    loadActivationBundleMs: Number(activation.toFixed(1)),
    loadAllHostBundlesMs: Number(everything.toFixed(1)),
  };
  console.log(JSON.stringify(figures));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
