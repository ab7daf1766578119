/**
 * A lock between processes (two VS Code windows on one workspace) around read-check-write of the
 * queue file.
 *
 * The lock is a directory holding exactly one entry, named for its holder (host, process id and a
 * random part). Taking it is one `rename` of a directory prepared with our entry onto the lock's
 * path: the file system refuses that while the lock holds an entry, so exactly one writer holds it
 * at a time. Releasing it, or breaking it when its holder died, removes that one entry by name and
 * then the directory only if it is empty. A waiter that judged a holder stale can therefore only
 * ever remove that holder's entry: if another waiter broke it first and took the lock, the entry
 * named is gone and the new holder's lock is left alone. (Deleting the lock file by path, as a
 * plain `open(..., 'wx')` lock must, can remove a lock another waiter has just taken.)
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

export interface LockOptions {
  /** Give up after this long. */
  readonly timeoutMs: number;
  /**
   * A lock held longer than this is broken even if its holder still runs (or runs on another
   * machine, where it cannot be asked): a write takes milliseconds. A holder on this machine whose
   * process has ended is broken at once.
   */
  readonly staleMs: number;
}

export const DEFAULT_LOCK_OPTIONS: LockOptions = { timeoutMs: 5_000, staleMs: 10_000 };

export class LockTimeoutError extends Error {}

export async function withFileLock<T>(lockPath: string, action: () => Promise<T>, options = DEFAULT_LOCK_OPTIONS): Promise<T> {
  const holder = await acquire(lockPath, options);
  try {
    return await action();
  } finally {
    await removeEntry(lockPath, holder);
  }
}

/** Errors from `rename` that mean the lock is there: a holder's directory, or an older version's lock file. */
const HELD = new Set(['EEXIST', 'ENOTEMPTY', 'ENOTDIR', 'EPERM']);

async function acquire(lockPath: string, options: LockOptions): Promise<string> {
  const holder = holderName();
  const prepared = `${lockPath}.${holder}.tmp`;
  await mkdir(prepared);
  try {
    const entry = join(prepared, holder);
    await writeFile(entry, '');
    const deadline = Date.now() + options.timeoutMs;
    for (;;) {
      try {
        // The entry's age is the lock's age: it must start when the lock is taken, not when waiting began.
        const now = new Date();
        await utimes(entry, now, now);
        await rename(prepared, lockPath);
        return holder;
      } catch (error) {
        if (!HELD.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      }
      await breakIfStale(lockPath, options.staleMs);
      if (Date.now() > deadline) {
        throw new LockTimeoutError(`${lockPath} has been locked by another writer for more than ${options.timeoutMs / 1000}s`);
      }
      // Short random waits: writes take a few milliseconds, and jitter keeps two waiters from colliding again.
      await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 8));
    }
  } finally {
    // Gone after a successful rename; left over after a failure.
    await rm(prepared, { recursive: true, force: true });
  }
}

async function breakIfStale(lockPath: string, staleMs: number): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(lockPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') return removeOldFormatIfStale(lockPath, staleMs);
    if (code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    if (await isStale(join(lockPath, entry), entry, staleMs)) await removeEntry(lockPath, entry);
  }
  // An empty lock belongs to nobody: its holder or a breaker is between removing the entry and the directory.
  if (entries.length === 0) await removeIfEmpty(lockPath);
}

async function isStale(entryPath: string, entry: string, staleMs: number): Promise<boolean> {
  const holder = parseHolderName(entry);
  if (holder?.host === hostname() && !isRunning(holder.pid)) return true;
  try {
    return Date.now() - (await stat(entryPath)).mtimeMs > staleMs;
  } catch {
    // Gone already: the holder released it between our readdir and our stat.
    return false;
  }
}

async function removeEntry(lockPath: string, entry: string): Promise<void> {
  await unlink(join(lockPath, entry)).catch(ignore('ENOENT', 'ENOTDIR'));
  await removeIfEmpty(lockPath);
}

/** `rmdir` removes only an empty directory, so it never removes a lock someone has taken meanwhile. */
async function removeIfEmpty(lockPath: string): Promise<void> {
  await rmdir(lockPath).catch(ignore('ENOENT', 'ENOTEMPTY', 'EEXIST', 'ENOTDIR'));
}

/**
 * Earlier versions locked with a plain file. One left behind by a crash is removed by age; `unlink`
 * fails on a directory, so this can never remove a lock of the current kind.
 */
async function removeOldFormatIfStale(lockPath: string, staleMs: number): Promise<void> {
  try {
    if (Date.now() - (await stat(lockPath)).mtimeMs > staleMs) await unlink(lockPath);
  } catch (error) {
    ignore('ENOENT', 'EISDIR', 'EPERM')(error);
  }
}

function holderName(): string {
  return [process.pid, encodeURIComponent(hostname()), randomBytes(6).toString('hex')].join('+');
}

function parseHolderName(entry: string): { readonly pid: number; readonly host: string } | undefined {
  const [pid, host, random] = entry.split('+');
  if (!pid || host === undefined || !random || !/^\d+$/.test(pid)) return undefined;
  try {
    return { pid: Number(pid), host: decodeURIComponent(host) };
  } catch {
    return undefined;
  }
}

/** Signal 0 checks that a process exists without touching it; EPERM means it exists under another user. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ignore(...codes: string[]): (error: unknown) => void {
  return (error) => {
    if (!codes.includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  };
}
