/**
 * The expertise index on a large history (50,000 commits, 20,000 files), measured in one run: the
 * first answer on the cold history (no index yet: from the history of the ticket's files alone)
 * and whether its top expert is the full index's; building the index against `git log --numstat`
 * alone (the floor), an update after 100 new commits, a query for a ticket with 20 references, its
 * size on disk and peak memory; and, beside a peer, the top author per file against
 * `git shortlog -sn`. Prints figures as JSON on the last line.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LOG_FORMAT } from '../../src/core/expertise/historyRecord';
import { rankExperts } from '../../src/core/expertise/expertRanking';
import { indexFiles, resolveReferences } from '../../src/core/references/fileResolution';
import { referencesIn } from '../../src/core/references/ticketReferences';
import { buildIndex, headOf, indexOfPaths, updateIndex } from '../../src/git/expertiseHistory';
import { trackedFiles } from '../../src/git/repositoryFiles';
import { median } from './percentile';
import { addCommits, filePath, HISTORY_COMMITS, HISTORY_FILES, largeHistory } from './largeHistory';

const CACHE = resolve(__dirname, '..', '..', '.vscode-test', 'bench-history');
const options = { halfLifeDays: 180 };
const FIRST_ANSWER_TARGET_MS = 2_000;

function gitLogFloor(cwd: string): Promise<number> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn('git', ['log', '--numstat', '--no-merges', '-M', `--format=${LOG_FORMAT}`, 'HEAD', '--'], {
      cwd,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', () => undefined);
    child.on('close', (code) => (code === 0 ? done(performance.now() - started) : fail(new Error(`git log exit ${code}`))));
  });
}

/**
 * CPU time, in ms, of the child processes that have ended (git's), from /proc on Linux: the work
 * itself, whatever else the machine is doing meanwhile.
 */
function childCpuMs(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    // After the command name: cutime and cstime are the 14th and 15th fields.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / ticks;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const made = performance.now();
  const repo = await largeHistory(join(CACHE, 'repo'));
  console.log(`Large history ready (${HISTORY_COMMITS} commits, ${HISTORY_FILES} files) in ${((performance.now() - made) / 1000).toFixed(1)} s`);
  const head = (await headOf('git', repo)) ?? '';

  // A ticket naming 20 files (as container paths with lines), resolved and ranked.
  const text = Array.from({ length: 20 }, (_, i) => `/app/${filePath((i * 997) % HISTORY_FILES)}:${10 + i}`).join('\n');
  const now = Math.floor(Date.now() / 1000);
  const rank = (index: Parameters<typeof rankExperts>[0], files: { path: string; confidence: number }[]): ReturnType<typeof rankExperts> =>
    rankExperts(index, { files, now, botPatterns: [], people: [], recency: true });

  // Cold: no index yet. The first answer reads the history of the ticket's files alone.
  const cpuBefore = childCpuMs();
  const coldStarted = performance.now();
  const coldFiles = resolveReferences(referencesIn(text, 'description'), indexFiles(await trackedFiles('git', repo))).map((f) => ({
    path: f.path,
    confidence: f.confidence,
  }));
  const coldExperts = rank(
    await indexOfPaths(
      'git',
      repo,
      head,
      coldFiles.map((f) => f.path),
      options,
    ),
    coldFiles,
  );
  const firstAnswerMs = performance.now() - coldStarted;
  const cpuAfter = childCpuMs();
  const firstAnswerGitCpuMs = cpuBefore === undefined || cpuAfter === undefined ? undefined : Math.round(cpuAfter - cpuBefore);
  const load = loadavg()[0] ?? 0;

  const floorMs = await gitLogFloor(repo);
  const started = performance.now();
  const built = await buildIndex('git', repo, head, options);
  const buildMs = performance.now() - started;
  const snapshot = built.index.snapshot();
  const sizeMB = Buffer.byteLength(JSON.stringify(snapshot)) / 1_048_576;

  // 100 new commits in a copy, then the update from the cached index.
  const copy = join(CACHE, 'updated');
  rmSync(copy, { recursive: true, force: true });
  cpSync(repo, copy, { recursive: true });
  await addCommits(copy, 100);
  const updateStarted = performance.now();
  const updated = await updateIndex('git', copy, snapshot, options);
  const updateMs = performance.now() - updateStarted;
  if (updated.how !== 'updated' || updated.commitsRead !== 100)
    throw new Error(`expected an update of 100 commits, got ${updated.how} of ${updated.commitsRead}`);

  const fileIndex = indexFiles(await trackedFiles('git', repo));
  const queryTimes: number[] = [];
  let found = 0;
  for (let run = 0; run < 15; run++) {
    const queryStarted = performance.now();
    const files = resolveReferences(referencesIn(text, 'description'), fileIndex).map((f) => ({ path: f.path, confidence: f.confidence }));
    found = rankExperts(built.index, { files, now: Math.floor(Date.now() / 1000), botPatterns: [], people: [], recency: true }).length;
    queryTimes.push(performance.now() - queryStarted);
  }
  const queryMs = median(queryTimes);
  const fullExperts = rank(built.index, coldFiles);
  const sameTopExpert = coldExperts.length > 0 && coldExperts[0]?.email === fullExperts[0]?.email;
  const sameRanking = JSON.stringify(coldExperts) === JSON.stringify(fullExperts);

  // Beside a peer: with recency off, the top author of each sampled file is shortlog's.
  let agreed = 0;
  let compared = 0;
  for (let i = 0; i < 40; i++) {
    const path = filePath((i * 4_999 + 13) % 2_000);
    const lines = execFileSync('git', ['shortlog', '-sne', 'HEAD', '--', path], { cwd: repo, encoding: 'utf8' }).trim().split('\n');
    const counts = lines.map((l) => /^\s*(\d+)\t.*<(.+)>$/.exec(l)).filter((m): m is RegExpExecArray => m !== null);
    if (counts.length === 0 || (counts[1] && counts[1][1] === counts[0]?.[1])) continue;
    compared++;
    const [top] = rankExperts(built.index, { files: [{ path, confidence: 1 }], now: 0, botPatterns: [], people: [], recency: false });
    if (top?.email === counts[0]?.[2]) agreed++;
  }

  const figures = {
    firstAnswerMs: Math.round(firstAnswerMs),
    firstAnswerRatio: Number((firstAnswerMs / FIRST_ANSWER_TARGET_MS).toFixed(2)),
    firstAnswerGitCpuMs,
    firstAnswerFiles: coldFiles.length,
    sameTopExpert,
    sameRanking,
    processors: availableParallelism(),
    loadAverage: Number(load.toFixed(1)),
    commits: built.commitsRead,
    files: built.index.fileCount,
    gitLogMs: Math.round(floorMs),
    buildMs: Math.round(buildMs),
    buildRatio: Number((buildMs / floorMs).toFixed(2)),
    update100Ms: Math.round(updateMs),
    query20Ms: Number(queryMs.toFixed(2)),
    expertsFound: found,
    indexMB: Number(sizeMB.toFixed(1)),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    shortlogAgreement: `${agreed}/${compared}`,
  };
  console.log(
    `First expert answer on the cold history (${figures.firstAnswerFiles} files' history alone): ${figures.firstAnswerMs} ms ` +
      `(target ≤ ${FIRST_ANSWER_TARGET_MS} ms, ${figures.firstAnswerRatio}× of it; git's CPU time ${figures.firstAnswerGitCpuMs ?? '?'} ms; ` +
      `${figures.processors} processors, load average ${figures.loadAverage}); top expert = the full index's: ${sameTopExpert ? 'yes' : 'NO'}; ` +
      `whole ranking the same: ${sameRanking ? 'yes' : 'no'}`,
  );
  console.log(
    `Expertise on ${figures.commits} commits / ${figures.files} files: build ${figures.buildMs} ms vs git log ${figures.gitLogMs} ms = ${figures.buildRatio}× (target ≤ 1.5×); ` +
      `update after 100 commits ${figures.update100Ms} ms (target < 500); query of 20 references ${figures.query20Ms} ms (target < 20); ` +
      `index ${figures.indexMB} MB on disk; peak RSS ${figures.peakRssMB} MB; top author = shortlog's on ${figures.shortlogAgreement} files`,
  );
  console.log(JSON.stringify(figures));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
