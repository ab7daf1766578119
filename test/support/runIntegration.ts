/** Runs the integration suites inside a real VS Code extension host; exit code 0 when all passed. */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildHostBundles } from './buildTests';
import { runInExtensionHost } from './hostRun';
import { readStageCounts, stagePassed } from './stageCounts';
import { INTEGRATION_OUT_DIR, RESULTS_DIR } from './testPaths';

/** A bound for a hung host, not a speed target: a loaded machine takes several minutes for what an idle one does in two. */
const SUITE_TIMEOUT_MS = 12 * 60_000;

async function main(): Promise<number> {
  await buildHostBundles('test/integration', INTEGRATION_OUT_DIR);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const countsFile = join(RESULTS_DIR, 'integration.json');
  const reportFile = join(RESULTS_DIR, 'integration.log');
  rmSync(countsFile, { force: true });

  const outcome = await runInExtensionHost({ name: 'integration', entry: join(INTEGRATION_OUT_DIR, 'index.js'), timeoutMs: SUITE_TIMEOUT_MS });
  if (existsSync(reportFile)) process.stdout.write(readFileSync(reportFile, 'utf8'));
  if (outcome.exitCode === undefined) console.error(`The integration suites did not finish within ${SUITE_TIMEOUT_MS / 60_000} minutes.`);
  const counts = readStageCounts(countsFile);
  // The workbench reports 0 also when the suite could not even load, so the counts decide.
  if (!counts) console.error(`The integration suites reported no results; see ${outcome.serverLog}.`);
  return outcome.exitCode === 0 && stagePassed(counts) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
