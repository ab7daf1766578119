/**
 * A large repository for the expertise benchmark, made with `git fast-import` (minutes with
 * plain commits, seconds this way): 20,000 files in a monorepo-like tree and 50,000 commits by
 * 200 authors over three years, each touching one to three files. Deterministic; cached.
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const HISTORY_FILES = 20_000;
export const HISTORY_COMMITS = 50_000;
const AUTHORS = 200;
const START = 1_690_000_000;
const SPAN = 3 * 365 * 86_400;

/** A small deterministic generator: the same repository on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

export function filePath(i: number): string {
  return `services/svc${i % 40}/module${Math.floor(i / 40) % 25}/pkg${Math.floor(i / 1000)}/file${i}.ts`;
}

function author(i: number): { name: string; email: string } {
  return { name: `Dev ${i}`, email: `dev${i}@example.com` };
}

/** Writes the fast-import stream for commits [from, to) onto refs/heads/main. */
function* stream(from: number, to: number, parentMark: boolean): Generator<string> {
  const next = random(from + 7);
  for (let c = from; c < to; c++) {
    const who = author(Math.floor(next() * AUTHORS));
    const time = START + Math.floor((c / HISTORY_COMMITS) * SPAN);
    const message = `Change ${c}`;
    let body = `commit refs/heads/main\nmark :${c + 1}\nauthor ${who.name} <${who.email}> ${time} +0000\ncommitter ${who.name} <${who.email}> ${time} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`;
    if (c > 0 || parentMark) body += `from ${c === from && parentMark ? 'refs/heads/main^0' : `:${c}`}\n`;
    // The first commits create every file; the rest change one to three of them.
    const files =
      c < 20
        ? Array.from({ length: HISTORY_FILES / 20 }, (_, k) => c * (HISTORY_FILES / 20) + k)
        : Array.from({ length: 1 + Math.floor(next() * 3) }, () => Math.floor(next() ** 2 * HISTORY_FILES));
    for (const f of files) {
      const content = `// ${filePath(f)}\nexport const v${f} = ${c};\n`;
      body += `M 100644 inline ${filePath(f)}\ndata ${Buffer.byteLength(content)}\n${content}\n`;
    }
    yield body;
  }
}

async function fastImport(cwd: string, chunks: Iterable<string>): Promise<void> {
  const child = spawn('git', ['fast-import', '--quiet'], { cwd, stdio: ['pipe', 'inherit', 'inherit'] });
  const done = new Promise<void>((resolve, reject) =>
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import exit ${code}`)))),
  );
  for (const chunk of chunks) {
    if (!child.stdin.write(chunk)) await new Promise((resolve) => child.stdin.once('drain', resolve));
  }
  child.stdin.end();
  await done;
}

/** The cached large repository; made on first use (about a minute). */
export async function largeHistory(dir: string): Promise<string> {
  const marker = join(dir, '.bench-complete');
  if (existsSync(marker)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', '--initial-branch=main'], { cwd: dir });
  await fastImport(dir, stream(0, HISTORY_COMMITS, false));
  execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: dir });
  writeFileSync(marker, `${HISTORY_COMMITS} commits, ${HISTORY_FILES} files\n`);
  return dir;
}

/** Adds `count` commits on top of main (for the incremental update), in a copy of the cache. */
export async function addCommits(dir: string, count: number): Promise<void> {
  const existing = Number(execFileSync('git', ['rev-list', '--count', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim());
  await fastImport(dir, stream(existing, existing + count, true));
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: dir });
}
