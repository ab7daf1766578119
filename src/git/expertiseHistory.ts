/**
 * Builds the expertise index of a repository from its history, or brings a cached one up to date:
 * only the commits since the cached HEAD are read, unless history was rewritten (the cached HEAD
 * is no longer an ancestor), in which case it is rebuilt. While a full build runs, the index of a
 * ticket's few files can be read on its own in a fraction of the time.
 */
import { availableParallelism } from 'node:os';
import { ExpertiseIndex, type IndexSnapshot } from '../core/expertise/expertiseIndex';
import { gitRead } from './gitRead';
import { streamHistory } from './historyStream';

export interface IndexOptions {
  readonly halfLifeDays: number;
  /** Seconds since the epoch that recency is measured from; now when absent. */
  readonly referenceTime?: number;
  readonly signal?: AbortSignal;
}

export type IndexOutcome = { readonly index: ExpertiseIndex; readonly how: 'cached' | 'updated' | 'built'; readonly commitsRead: number };

export async function headOf(gitPath: string, cwd: string): Promise<string | undefined> {
  const head = await gitRead(gitPath, cwd, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  return head.ok ? head.stdout.trim() : undefined;
}

export async function buildIndex(gitPath: string, cwd: string, head: string, options: IndexOptions): Promise<IndexOutcome> {
  // The reference time is fixed for the life of the index: recency is relative to it.
  const index = new ExpertiseIndex(options.referenceTime ?? Math.floor(Date.now() / 1000), options.halfLifeDays);
  let commitsRead = 0;
  await streamHistory(
    gitPath,
    cwd,
    (commit) => {
      commitsRead++;
      index.addCommit(commit);
    },
    { range: head, signal: options.signal },
  );
  index.head = head;
  return { index, how: 'built', commitsRead };
}

/** Whether `cached` can be used as it is or brought up to date, rather than rebuilt from the whole history. */
export async function canUpdate(gitPath: string, cwd: string, cached: IndexSnapshot | undefined, halfLifeDays: number): Promise<boolean> {
  if (!cached || cached.version !== 1 || cached.halfLifeDays !== halfLifeDays) return false;
  const head = await headOf(gitPath, cwd);
  if (!head) return false;
  return cached.head === head || (await gitRead(gitPath, cwd, ['merge-base', '--is-ancestor', cached.head, head])).ok;
}

/** Files per `git log` process, at least: each process walks every commit, whatever number of files it is given. */
const FILES_PER_PROCESS = 4;
/** A rename chain longer than this is not followed further back. */
const MAX_RENAME_HOPS = 10;

/**
 * The index of `files` alone, with the same counts for them as the full index: only the commits
 * that changed them are read, followed back through their renames. The files are shared among
 * parallel `git log` processes, as many as there are processors: walking the commits is most of
 * the time, and each process walks them all for its own files.
 */
export async function indexOfPaths(gitPath: string, cwd: string, head: string, files: readonly string[], options: IndexOptions): Promise<ExpertiseIndex> {
  const referenceTime = options.referenceTime ?? Math.floor(Date.now() / 1000);
  const wanted = [...new Set(files)];
  const index = new ExpertiseIndex(referenceTime, options.halfLifeDays);
  index.head = head;
  if (wanted.length === 0) return index;
  const processes = Math.max(1, Math.min(availableParallelism(), Math.floor(wanted.length / FILES_PER_PROCESS)));
  const groups = Array.from({ length: processes }, (_, group) => wanted.filter((_file, i) => i % processes === group));
  const parts = await Promise.all(groups.map((group) => followedIndex(gitPath, cwd, head, group, referenceTime, options)));
  parts.forEach((part, i) => index.adoptFiles(part, groups[i] ?? []));
  return index;
}

/** Reads the commits of `files` and of every older name they had, until no new older name turns up. */
async function followedIndex(
  gitPath: string,
  cwd: string,
  head: string,
  files: readonly string[],
  referenceTime: number,
  options: IndexOptions,
): Promise<ExpertiseIndex> {
  const today = new Set(files);
  const paths = new Set(files);
  for (let hop = 0; ; hop++) {
    const index = new ExpertiseIndex(referenceTime, options.halfLifeDays);
    await streamHistory(gitPath, cwd, (commit) => index.addCommit(commit), { range: head, paths: [...paths], signal: options.signal });
    const older = index.formerNamesOf(today).filter((name) => !paths.has(name));
    if (older.length === 0 || hop === MAX_RENAME_HOPS) return index;
    for (const name of older) paths.add(name);
  }
}

export async function updateIndex(gitPath: string, cwd: string, cached: IndexSnapshot | undefined, options: IndexOptions): Promise<IndexOutcome> {
  const head = await headOf(gitPath, cwd);
  if (!head) throw new Error(`${cwd} has no commits yet.`);
  const usable = cached && cached.version === 1 && cached.halfLifeDays === options.halfLifeDays;
  if (usable && cached.head === head) return { index: ExpertiseIndex.fromSnapshot(cached), how: 'cached', commitsRead: 0 };
  if (usable && (await gitRead(gitPath, cwd, ['merge-base', '--is-ancestor', cached.head, head])).ok) {
    const index = ExpertiseIndex.fromSnapshot(cached);
    const newer = new ExpertiseIndex(index.referenceTime, index.halfLifeDays);
    let commitsRead = 0;
    await streamHistory(
      gitPath,
      cwd,
      (commit) => {
        commitsRead++;
        newer.addCommit(commit);
      },
      { range: `${cached.head}..${head}`, signal: options.signal },
    );
    newer.head = head;
    index.absorbNewer(newer);
    return { index, how: 'updated', commitsRead };
  }
  return buildIndex(gitPath, cwd, head, options);
}
