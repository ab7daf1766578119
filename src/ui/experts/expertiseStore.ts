/**
 * The expertise index of each repository, cached in the extension's storage and brought up to
 * date on use (only new commits are read). Building shows progress in the status bar and can be
 * cancelled; it runs in git's process and a streaming parser, so the extension host stays free.
 * The code that builds an index is handed in, since it lives in a bundle loaded on first use.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import * as z from 'zod/mini';
import type { ExpertiseIndex, IndexSnapshot } from '../../core/expertise/expertiseIndex';
import type { updateIndex } from '../../git/expertiseHistory';
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

export class ExpertiseStore {
  private readonly loaded = new Map<string, ExpertiseIndex>();

  constructor(private readonly storage: vscode.Uri) {}

  async indexFor(update: typeof updateIndex, root: string, gitPath: string, halfLifeDays: number, token?: vscode.CancellationToken): Promise<ExpertiseIndex> {
    const file = join(this.storage.fsPath, 'expertise', `${createHash('sha256').update(root).digest('hex').slice(0, 32)}.json`);
    const cached = this.loaded.get(root)?.snapshot() ?? (await readSnapshot(file));
    const controller = new AbortController();
    const cancel = token?.onCancellationRequested(() => controller.abort());
    try {
      const started = Date.now();
      const outcome = await update(gitPath, root, cached, { halfLifeDays, signal: controller.signal });
      this.loaded.set(root, outcome.index);
      if (outcome.how !== 'cached') {
        log().info(`Expertise index of ${root} ${outcome.how} from ${outcome.commitsRead} commits in ${Date.now() - started} ms`);
        await mkdir(join(this.storage.fsPath, 'expertise'), { recursive: true });
        await writeFile(file, JSON.stringify(outcome.index.snapshot()));
      }
      return outcome.index;
    } finally {
      cancel?.dispose();
    }
  }
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
