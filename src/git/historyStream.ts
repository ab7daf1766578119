/**
 * Streams `git log --numstat` into the history parser: one process, lines handled as they
 * arrive, never the whole output in memory. Read-only, an argument array, cancellable.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { HistoryParser, LOG_FORMAT, type HistoryCommit } from '../core/expertise/historyRecord';

export interface HistoryStreamOptions {
  /** `old..new` for an update; the whole history of HEAD when absent. */
  readonly range?: string;
  readonly signal?: AbortSignal;
}

export function streamHistory(gitPath: string, cwd: string, onCommit: (commit: HistoryCommit) => void, options: HistoryStreamOptions = {}): Promise<void> {
  const args = ['log', '--numstat', '--no-merges', '-M', `--format=${LOG_FORMAT}`, options.range ?? 'HEAD', '--'];
  return new Promise((resolve, reject) => {
    const child = spawn(gitPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const parser = new HistoryParser(onCommit);
    let stderr = '';
    const abort = (): void => void child.kill();
    options.signal?.addEventListener('abort', abort, { once: true });
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2_000)));
    createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => parser.line(line));
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
