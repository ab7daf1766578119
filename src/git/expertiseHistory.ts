/**
 * Builds the expertise index of a repository from its history, or brings a cached one up to date:
 * only the commits since the cached HEAD are read, unless history was rewritten (the cached HEAD
 * is no longer an ancestor), in which case it is rebuilt.
 */
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
