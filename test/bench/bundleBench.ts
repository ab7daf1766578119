/**
 * The bundles as `npm run package` built them: what went into each (from esbuild's metafiles in
 * dist/meta/), the .vsix and that it carries every bundle and the sample queue's data, and how
 * long loading the activation bundle takes against loading every extension host bundle, as
 * activation did when they were one. Prints the figures as JSON on the last line.
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

interface BundleDefinition {
  readonly outfile: string;
  readonly platform: string;
}

const kb = (bytes: number): number => Number((bytes / 1024).toFixed(1));
const shownKB = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

function printBundle(name: string, meta: BundleMetafile): void {
  const parts = breakdown(meta);
  const shown = parts.filter((p) => p.bytes >= SHOWN_PART_BYTES);
  const rest = parts.slice(shown.length);
  console.log(`\n${name}: ${shownKB(bundleOutput(meta).bytes)}`);
  for (const p of shown) console.log(`  ${shownKB(p.bytes).padStart(9)}  ${p.part}`);
  if (rest.length > 0) console.log(`  ${shownKB(rest.reduce((n, p) => n + p.bytes, 0)).padStart(9)}  ${rest.length} smaller parts`);
}

async function main(): Promise<void> {
  const { BUNDLES } = (await import(pathToFileURL(join(REPO_ROOT, 'esbuild.mjs')).href)) as { BUNDLES: Record<string, BundleDefinition> };
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
  const wanted = [...Object.values(BUNDLES).map((b) => b.outfile), 'resources/sampleQueue.json'];
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
    `Loading ${BUNDLES.extension?.outfile}: ${activation.toFixed(1)} ms; loading ${hostFiles.join(' + ')}: ${everything.toFixed(1)} ms (medians of ${LOAD_RUNS})`,
  );

  const figures = {
    bundlesKB: sizes,
    activationBundleKB: sizes.extension,
    extensionHostBundlesKB: kb(hostFiles.reduce((n, f) => n + statSync(join(REPO_ROOT, f)).size, 0)),
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
