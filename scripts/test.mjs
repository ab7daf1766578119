// `npm test`: every test stage in order, then one summary line `N passed, N failed`.
// Stages: build, type check, lint (ESLint, Prettier, knip, dependency-cruiser: one count each),
// unit (plain Node), integration (real VS Code extension host), end-to-end (the real workbench in
// Chromium). A stage that cannot run counts as one failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './ensureDependencies.mjs';
import { runLintChecks } from './lint.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const reporter = (stage) => ['--reporter', 'test/support/countingReporter.ts', '--reporter-option', `output=${join(results, `${stage}.json`)}`];

/** Each stage: a command, and where its test counts are (none for build steps); or checks of its own. */
const stages = [
  { name: 'build', command: [process.execPath, 'esbuild.mjs'] },
  { name: 'typecheck', command: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'lint', checks: runLintChecks },
  { name: 'unit', command: [bin('mocha'), ...reporter('unit')], counts: 'unit.json' },
  { name: 'integration', command: [bin('tsx'), 'test/support/runIntegration.ts'], counts: 'integration.json' },
  { name: 'e2e', command: [bin('mocha'), '--config', 'test/e2e/.mocharc.json', ...reporter('e2e')], counts: 'e2e.json' },
];

async function runStage(stage) {
  const started = Date.now();
  console.log(`\n▶ ${stage.name}`);
  if (stage.checks) {
    const outcomes = await stage.checks();
    const failed = outcomes.filter((o) => !o.ok).length;
    return { name: stage.name, passed: outcomes.length - failed, failed, seconds: ((Date.now() - started) / 1000).toFixed(1) };
  }
  if (stage.counts) rmSync(join(results, stage.counts), { force: true });
  const [command, ...args] = stage.command;
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  if (!stage.counts) return { name: stage.name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds };
  const file = join(results, stage.counts);
  const counts = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
  // A stage whose process failed without recording a failing test still counts as failed.
  const failed = Math.max(counts?.failed ?? 0, ok ? 0 : 1);
  return { name: stage.name, passed: counts?.passed ?? 0, failed, seconds };
}

async function main() {
  const started = Date.now();
  mkdirSync(results, { recursive: true });
  try {
    ensureDependencies(root);
  } catch (err) {
    console.error(err.message);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const outcomes = [];
  for (const stage of stages) {
    outcomes.push(await runStage(stage));
    // Later stages test the build: without one, they would only repeat its failure.
    if (stage.name === 'build' && outcomes.at(-1).failed > 0) break;
  }
  console.log('\nStage         passed  failed  seconds');
  for (const o of outcomes) console.log(`${o.name.padEnd(12)} ${String(o.passed).padStart(7)} ${String(o.failed).padStart(7)} ${o.seconds.padStart(8)}`);
  const passed = outcomes.reduce((n, o) => n + o.passed, 0);
  const failed = outcomes.reduce((n, o) => n + o.failed, 0);
  console.log(`Total time ${((Date.now() - started) / 1000).toFixed(0)} s; artifacts in test-results/`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

await main();
