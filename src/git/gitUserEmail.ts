/**
 * git's `user.email` for a folder: who "me" is by default. A read-only query, so the git CLI is
 * used directly, with an argument array and no shell.
 */
import { execFile } from 'node:child_process';

export function gitUserEmail(folder: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['config', '--get', 'user.email'], { cwd: folder, timeout: 5_000 }, (error, stdout) => {
      const email = stdout.trim();
      resolve(error || email === '' ? undefined : email);
    });
  });
}
