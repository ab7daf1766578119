/**
 * Entry point the workbench calls inside the extension host (`extensionTestsPath`): runs every
 * compiled integration suite beside this file with mocha. The extension host has no terminal,
 * so the report goes to files in test-results/ that the harness prints and counts.
 */
import { appendFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import CountingReporter from '../support/countingReporter';

// This file runs from out/integration/.
const RESULTS_DIR = join(__dirname, '..', '..', 'test-results');
export const INTEGRATION_COUNTS = join(RESULTS_DIR, 'integration.json');
export const INTEGRATION_REPORT = join(RESULTS_DIR, 'integration.log');

export async function run(): Promise<void> {
  rmSync(INTEGRATION_REPORT, { force: true });
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => appendFileSync(INTEGRATION_REPORT, `${format(...args)}\n`);
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 30_000,
    reporter: CountingReporter,
    reporterOptions: { output: INTEGRATION_COUNTS },
  });
  for (const file of readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(join(__dirname, file));
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
