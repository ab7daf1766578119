/**
 * Streams `git log -z --numstat` into the history parser: one process, output handled as it
 * arrives, never the whole of it in memory. Read-only, an argument array, cancellable.
 */
import { spawn } from 'node:child_process';
import { HistoryParser, LOG_FORMAT, type HistoryCommit } from '../core/expertise/historyRecord';

export interface HistoryStreamOptions {
  /** `old..new` for an update; the whole history of HEAD when absent. */
  readonly range?: string;
  /**
   * Only the commits that changed these paths (taken literally: no glob, no pathspec magic), every
   * one of them (`--full-history`: none left out because a merge kept the other side), each with its
   * whole change (`--full-diff`), so that renames to and from these paths are seen as the full log
   * sees them.
   */
  readonly paths?: readonly string[];
  readonly signal?: AbortSignal;
}

export function streamHistory(gitPath: string, cwd: string, onCommit: (commit: HistoryCommit) => void, options: HistoryStreamOptions = {}): Promise<void> {
  const limited = options.paths ? ['--full-history', '--full-diff'] : [];
  const args = [
    '--literal-pathspecs',
    'log',
    '-z',
    '--numstat',
    '--no-merges',
    '-M',
    ...limited,
    `--format=${LOG_FORMAT}`,
    options.range ?? 'HEAD',
    '--',
    ...(options.paths ?? []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(gitPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const parser = new HistoryParser(onCommit);
    let stderr = '';
    const abort = (): void => void child.kill();
    options.signal?.addEventListener('abort', abort, { once: true });
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2_000)));
    // Decoded as a stream: a character split between two chunks is joined before it is read.
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => parser.write(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      options.signal?.removeEventListener('abort', abort);
      if (options.signal?.aborted) return reject(new Error('Reading the history was cancelled.'));
      if (code !== 0) return reject(new Error(`git log failed: ${stderr.trim() || `exit ${code}`}`));
      parser.end();
      resolve();
    });
  });
}
