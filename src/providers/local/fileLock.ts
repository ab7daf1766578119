/**
 * A lock between processes (two VS Code windows on one workspace) around read-check-write of the
 * queue file. `open(..., 'wx')` creates the lock file only if it does not exist, atomically on every
 * local file system, so exactly one writer holds it at a time.
 */
import { open, rm, stat } from 'node:fs/promises';

export interface LockOptions {
  /** Give up after this long. */
  readonly timeoutMs: number;
  /** A lock older than this was left by a process that died mid-write. */
  readonly staleMs: number;
}

export const DEFAULT_LOCK_OPTIONS: LockOptions = { timeoutMs: 5_000, staleMs: 10_000 };

export class LockTimeoutError extends Error {}

export async function withFileLock<T>(lockPath: string, action: () => Promise<T>, options = DEFAULT_LOCK_OPTIONS): Promise<T> {
  await acquire(lockPath, options);
  try {
    return await action();
  } finally {
    await rm(lockPath, { force: true });
  }
}

async function acquire(lockPath: string, options: LockOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(`${process.pid} ${new Date().toISOString()}\n`);
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    await removeIfStale(lockPath, options.staleMs);
    if (Date.now() > deadline) {
      throw new LockTimeoutError(`${lockPath} has been locked by another writer for more than ${options.timeoutMs / 1000}s`);
    }
    // Short random waits: writes take a few milliseconds, and jitter keeps two waiters from colliding again.
    await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 8));
  }
}

async function removeIfStale(lockPath: string, staleMs: number): Promise<void> {
  try {
    const info = await stat(lockPath);
    if (Date.now() - info.mtimeMs > staleMs) await rm(lockPath, { force: true });
  } catch {
    // Gone already: the holder finished between our open and our stat.
  }
}
