/**
 * Mocha's spec output, plus the run's counts written as JSON for the test runner's final
 * `N passed, N failed` line. The file comes from the reporter option `output` or from
 * SUPPORT_ROTATION_RESULTS; without either, it only prints.
 */
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';

export interface StageCounts {
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
  readonly failures: readonly { title: string; message: string }[];
}

export default class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
    super(runner, options);
    const output = (options.reporterOptions as { output?: string } | undefined)?.output ?? process.env.SUPPORT_ROTATION_RESULTS;
    const failures: { title: string; message: string }[] = [];
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (test: Mocha.Test, err: Error) => {
      failures.push({ title: test.fullTitle(), message: err.message });
    });
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      if (!output) return;
      const stats = runner.stats ?? { passes: 0, failures: failures.length, pending: 0 };
      const counts: StageCounts = { passed: stats.passes, failed: stats.failures, pending: stats.pending, failures };
      writeFileSync(output, `${JSON.stringify(counts, null, 2)}\n`);
    });
  }
}
