/**
 * Measures the extension inside a real VS Code extension host, several times over (each time a
 * new window, so activation is measured cold): activation time, claim-until-shown times and the
 * rotation dashboard's first paint, beside an empty webview's. Half the windows open the dashboard
 * first, half the empty webview, so that each is measured both as the window's first webview and
 * after one.
 * Prints the figures as JSON on the last line.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildHostBundles } from '../support/buildTests';
import { runInExtensionHost } from '../support/hostRun';
import { HOST_BENCH_OUT_DIR, RESULTS_DIR } from '../support/testPaths';
import { median, percentile } from './percentile';

const WINDOWS = 6;

interface Paint {
  totalMs: number;
  pageMs: number;
}

interface HostFigures {
  activationMs: number;
  claimMs: number[];
  dashboardFirst: boolean;
  dashboard: Paint;
  empty: Paint;
}

const round = (ms: number): number => Number(ms.toFixed(1));

async function main(): Promise<void> {
  await buildHostBundles('test/bench/host', HOST_BENCH_OUT_DIR);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const resultsFile = join(RESULTS_DIR, 'bench-host.json');
  const runs: HostFigures[] = [];
  for (let i = 0; i < WINDOWS; i++) {
    rmSync(resultsFile, { force: true });
    writeFileSync(join(RESULTS_DIR, 'bench-host-order.json'), JSON.stringify({ dashboardFirst: i % 2 === 0 }));
    const outcome = await runInExtensionHost({ name: 'bench', entry: join(HOST_BENCH_OUT_DIR, 'index.js'), timeoutMs: 3 * 60_000 });
    if (outcome.exitCode !== 0 || !existsSync(resultsFile)) throw new Error(`The in-host benchmark failed; see ${outcome.serverLog}`);
    runs.push(JSON.parse(readFileSync(resultsFile, 'utf8')) as HostFigures);
  }
  const claims = runs.flatMap((r) => r.claimMs);
  const medianOf = (pick: (run: HostFigures) => number, first: boolean): number => round(median(runs.filter((r) => r.dashboardFirst === first).map(pick)));
  const firstWebview = {
    dashboardMs: medianOf((r) => r.dashboard.totalMs, true),
    dashboardPageMs: medianOf((r) => r.dashboard.pageMs, true),
    emptyMs: medianOf((r) => r.empty.totalMs, false),
  };
  const afterAnother = {
    dashboardMs: medianOf((r) => r.dashboard.totalMs, false),
    dashboardPageMs: medianOf((r) => r.dashboard.pageMs, false),
    emptyMs: medianOf((r) => r.empty.totalMs, true),
  };
  const figures = {
    windows: WINDOWS,
    activationMs: runs.map((r) => round(r.activationMs)),
    activationMedianMs: round(median(runs.map((r) => r.activationMs))),
    claims: claims.length,
    claimMedianMs: round(median(claims)),
    claimP90Ms: round(percentile(claims, 0.9)),
    claimMaxMs: round(Math.max(...claims)),
    dashboardFirstPaintMedianMs: firstWebview.dashboardMs,
    dashboardPageMedianMs: firstWebview.dashboardPageMs,
    emptyWebviewMedianMs: firstWebview.emptyMs,
    afterAnotherWebview: afterAnother,
  };
  const each = WINDOWS / 2;
  console.log(
    `In the extension host: activate() ${figures.activationMedianMs} ms median of ${WINDOWS} windows (target < 20 ms); ` +
      `claim until the tree shows it ${figures.claimMedianMs} ms median, ${figures.claimP90Ms} ms p90, ${figures.claimMaxMs} ms max of ${claims.length} (target < 100 ms)`,
  );
  console.log(
    `Rotation dashboard, the window's first webview, from its command to the first drawn figures: ${firstWebview.dashboardMs} ms median of ${each} windows (target < 500 ms, ratio ${(firstWebview.dashboardMs / 500).toFixed(2)}); ` +
      `the page's own part ${firstWebview.dashboardPageMs} ms. An empty webview, the window's first: ${firstWebview.emptyMs} ms`,
  );
  console.log(
    `After another webview: the dashboard ${afterAnother.dashboardMs} ms (its page ${afterAnother.dashboardPageMs} ms), an empty webview ${afterAnother.emptyMs} ms, medians of ${each} windows`,
  );
  console.log(JSON.stringify(figures));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
