/**
 * The expertise index of each repository, cached in the extension's storage and brought up to
 * date on use (only new commits are read). It runs in git's process and a streaming parser, so the
 * extension host stays free.
 *
 * When there is no index to update (the first search in a repository, or history was rewritten),
 * reading the whole history takes from seconds to minutes on a large repository. The first answer
 * then comes from the history of the files asked about alone, read in a fraction of that time,
 * while the full index is built in the background (shown in the status bar); later searches use it.
 * The code that reads history is handed in, since it lives in a bundle loaded on first use.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import * as vscode from 'vscode';
import * as z from 'zod/mini';
import type { ExpertiseIndex, IndexSnapshot } from '../../core/expertise/expertiseIndex';
import type * as ExpertiseHistory from '../../git/expertiseHistory';
import { log } from '../common/log';

const statSchema = z.object({ commits: z.number(), lines: z.number(), lastTime: z.number(), decayed: z.number() });
const snapshotSchema = z.object({
  version: z.literal(1),
  head: z.string().check(z.regex(/^[0-9a-f]{40,64}$/)),
  referenceTime: z.number(),
  halfLifeDays: z.number().check(z.positive()),
  authors: z.record(z.string(), z.object({ name: z.string(), email: z.string() })),
  files: z.record(z.string(), z.record(z.string(), statSchema)),
});

/** The code that reads history into an index. */
export type HistoryReader = Pick<typeof ExpertiseHistory, 'canUpdate' | 'updateIndex' | 'buildIndex' | 'indexOfPaths' | 'headOf'>;

export interface StoredIndex {
  readonly index: ExpertiseIndex;
  /** The index holds the history of the files asked about only: the full one is still being built. */
  readonly partial: boolean;
}

export class ExpertiseStore implements vscode.Disposable {
  private readonly loaded = new Map<string, ExpertiseIndex>();
  /** Repositories whose full index is being built in the background. */
  private readonly building = new Set<string>();
  private readonly disposed = new AbortController();

  constructor(private readonly storage: vscode.Uri) {}

  /** The index of the repository at `root`; while the full one is being built, an index of `files` alone. */
  async indexFor(
    history: HistoryReader,
    root: string,
    gitPath: string,
    halfLifeDays: number,
    files: readonly string[],
    token?: vscode.CancellationToken,
  ): Promise<StoredIndex> {
    const file = join(this.storage.fsPath, 'expertise', `${createHash('sha256').update(root).digest('hex').slice(0, 32)}.json`);
    const cached = this.loaded.get(root)?.snapshot() ?? (await readSnapshot(file));
    const controller = new AbortController();
    const cancel = token?.onCancellationRequested(() => controller.abort());
    try {
      if (!this.building.has(root) && (await history.canUpdate(gitPath, root, cached, halfLifeDays))) {
        const started = Date.now();
        const outcome = await history.updateIndex(gitPath, root, cached, { halfLifeDays, signal: controller.signal });
        this.loaded.set(root, outcome.index);
        if (outcome.how !== 'cached') {
          log().info(`Expertise index of ${root} ${outcome.how} from ${outcome.commitsRead} commits in ${Date.now() - started} ms`);
          await save(file, outcome.index);
        }
        return { index: outcome.index, partial: false };
      }
      const head = await history.headOf(gitPath, root);
      if (!head) throw new Error(`${root} has no commits yet.`);
      const index = await history.indexOfPaths(gitPath, root, head, files, { halfLifeDays, signal: controller.signal });
      // Started after the first answer, not beside it: the answer is what the user waits for.
      if (!this.building.has(root)) this.buildInBackground(history, root, file, gitPath, head, halfLifeDays);
      return { index, partial: true };
    } finally {
      cancel?.dispose();
    }
  }

  dispose(): void {
    this.disposed.abort();
  }

  private buildInBackground(history: HistoryReader, root: string, file: string, gitPath: string, head: string, halfLifeDays: number): void {
    const started = Date.now();
    const build = async (): Promise<void> => {
      const outcome = await history.buildIndex(gitPath, root, head, { halfLifeDays, signal: this.disposed.signal });
      this.loaded.set(root, outcome.index);
      log().info(`Expertise index of ${root} built in the background from ${outcome.commitsRead} commits in ${Date.now() - started} ms`);
      await save(file, outcome.index);
    };
    this.building.add(root);
    void Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading the history of {0}', basename(root)) }, build),
    )
      .catch((error: unknown) => {
        if (!this.disposed.signal.aborted)
          log().warn(`The expertise index of ${root} could not be built: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => this.building.delete(root));
  }
}

async function save(file: string, index: ExpertiseIndex): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(index.snapshot()));
}

async function readSnapshot(file: string): Promise<IndexSnapshot | undefined> {
  try {
    const parsed = snapshotSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (parsed.success) return parsed.data;
    log().warn(`Ignoring an unreadable expertise cache (${file}); it is rebuilt.`);
  } catch {
    // No cache yet, or not JSON: rebuilt either way.
  }
  return undefined;
}
