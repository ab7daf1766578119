/**
 * Read-only git queries through the git CLI (the same binary the git extension uses). Always an
 * argument array, never a shell string; only subcommands that cannot change a repository.
 */
import { execFile } from 'node:child_process';

const READ_ONLY = new Set(['symbolic-ref', 'rev-parse', 'diff', 'log', 'ls-files', 'grep', 'merge-base', 'show-ref']);
const MAX_OUTPUT = 16 * 1024 * 1024;

export type GitReadResult = { readonly ok: true; readonly stdout: string } | { readonly ok: false; readonly message: string };

export function gitRead(gitPath: string, cwd: string, args: readonly string[], timeoutMs = 15_000): Promise<GitReadResult> {
  const subcommand = args[0];
  if (subcommand === undefined || !READ_ONLY.has(subcommand)) {
    return Promise.resolve({ ok: false, message: `git ${subcommand ?? '(nothing)'} is not a read-only query` });
  }
  return new Promise((resolve) => {
    execFile(gitPath, [...args], { cwd, timeout: timeoutMs, maxBuffer: MAX_OUTPUT, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) resolve({ ok: false, message: (stderr || error.message).trim() });
      else resolve({ ok: true, stdout });
    });
  });
}
