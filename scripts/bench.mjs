// `npm run bench`: the performance targets, measured and printed with their ratios. What went
// into each production bundle (from esbuild's metafiles), their sizes and the .vsix's, and the
// time to load the activation bundle; validating, grouping and sorting 10,000 tickets against
// JSON.parse; the rotation dashboard's monthly figures from 20,000 history records; activation and claim times and the dashboard's first paint inside a real VS Code extension host; the expertise
// index on a generated history of 50,000 commits (made once, cached in .vscode-test/), and the
// first expert answer on it before any index exists; and 100 clients polling one Zendesk account on a
// simulated clock: requests a minute, 429s and how late a change shows; and "seen before?": indexing
// 50,000 resolved tickets, a query among them, and the evaluation set's top-5 rate in both halves.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './ensureDependencies.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** activate() with everything in one 380 KB bundle, before remote sources and the expertise index had their own (median of 3 windows). */
const ACTIVATE_MS_BEFORE_SPLIT = 15.8;

/** Runs a step with its output shown; returns the JSON it printed on its last line. */
function figuresOf(command, args) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(result.stdout);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1));
}

function main() {
  ensureDependencies(root);
  const packaged = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (packaged.status !== 0) throw new Error('npm run package failed');
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  const bundles = figuresOf(tsx, ['test/bench/bundleBench.ts']);

  const queue = figuresOf(process.execPath, ['--expose-gc', '--import', 'tsx', 'test/bench/queueBench.ts']);
  const rotation = figuresOf(tsx, ['test/bench/rotationBench.ts']);
  // The production bundle just built is what the extension host loads: what users run.
  const host = figuresOf(tsx, ['test/bench/runHostBench.ts']);
  const expertise = figuresOf(tsx, ['test/bench/expertiseBench.ts']);
  const zendesk = figuresOf(tsx, ['test/bench/zendeskPollingBench.ts']);
  const similar = figuresOf(tsx, ['test/bench/similarBench.ts']);

  const results = join(root, 'test-results');
  mkdirSync(results, { recursive: true });
  const all = { measuredAt: new Date().toISOString(), bundles, queue, rotation, host, expertise, zendesk, similar };
  writeFileSync(join(results, 'bench.json'), `${JSON.stringify(all, null, 2)}\n`);
  console.log('\nTarget                                   measured     target   ratio');
  const row = (name, value, target, unit) =>
    console.log(`${name.padEnd(40)} ${`${value} ${unit}`.padStart(9)} ${`${target} ${unit}`.padStart(10)} ${(value / target).toFixed(2).padStart(7)}`);
  row('extension + shared + zod.js, at activation', bundles.activationBundleKB, 180, 'KB');
  row('extension host bundles together', bundles.extensionHostBundlesKB, 450, 'KB');
  row('.vsix', bundles.vsixKB, 400, 'KB');
  row('loading it vs all host bundles (median)', bundles.loadActivationBundleMs, bundles.loadAllHostBundlesMs, 'ms');
  row('activate() in the host (median)', host.activationMedianMs, 20, 'ms');
  row('activate() vs the single bundle', host.activationMedianMs, ACTIVATE_MS_BEFORE_SPLIT, 'ms');
  row('10k tickets vs JSON.parse (× floor)', queue.ratioToJsonParse, 5, '×');
  row('claim until the tree shows it (median)', host.claimMedianMs, 100, 'ms');
  row('rotation figures, 20k records (median)', rotation.medianMs, 200, 'ms');
  row('rotation dashboard first paint (median)', host.dashboardFirstPaintMedianMs, 500, 'ms');
  row("  … of it the page's own (median)", host.dashboardPageMedianMs, host.dashboardFirstPaintMedianMs, 'ms');
  row('  … an empty webview, the same way', host.emptyWebviewMedianMs, host.dashboardFirstPaintMedianMs, 'ms');
  row('dashboard after another webview', host.afterAnotherWebview.dashboardMs, 500, 'ms');
  row('  … an empty webview, the same way', host.afterAnotherWebview.emptyMs, host.afterAnotherWebview.dashboardMs, 'ms');
  row('first expert answer, cold history', expertise.firstAnswerMs, 2000, 'ms');
  console.log(`${"  top expert = the full index's".padEnd(40)} ${expertise.sameTopExpert ? 'yes' : 'NO'}`);
  row('expertise build vs git log (× floor)', expertise.buildRatio, 1.5, '×');
  row('expertise update after 100 commits', expertise.update100Ms, 500, 'ms');
  row('expert query, 20 references (median)', expertise.query20Ms, 20, 'ms');
  row('Zendesk: account requests a minute', zendesk.requestsPerMinute, zendesk.limitPerMinute / 4, '/min');
  console.log(`${'Zendesk: 429 answers (target 0)'.padEnd(40)} ${String(zendesk.throttled429).padStart(9)}`);
  row('Zendesk: p95 until a change shows', zendesk.changeDelayP95Seconds, 120, 's');
  row('seen before: index 50k resolved tickets', similar.indexMs, 10_000, 'ms');
  row('seen before: query, worst of 44', similar.queryMaxMs, 50, 'ms');
  row('seen before: partner in top 5, tuning', similar.top5Tuning * 100, 80, '%');
  row('seen before: partner in top 5, held out', similar.top5HeldOut * 100, 80, '%');
  console.log(`Figures written to test-results/bench.json`);
}

try {
  main();
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
