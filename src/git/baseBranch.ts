/**
 * Where a fix branch starts. By default the remote's default branch after a fetch, so a fix
 * never carries unrelated local work; the current branch or a choice of the user's when asked.
 */
import { gitRead } from './gitRead';
import type { GitErrorDetails, Repository } from './gitApiTypes';

export interface BaseRef {
  /** What `git checkout -b <branch> <ref>` starts from. */
  readonly ref: string;
  /** Said to the user when the base is not what they would assume (fetch failed, no remote). */
  readonly warning?: string;
}

const USUAL_DEFAULTS = ['main', 'master', 'trunk', 'develop'];

export async function defaultBranchBase(repository: Repository, gitPath: string): Promise<BaseRef> {
  const remote = remoteOf(repository);
  let warning: string | undefined;
  if (remote) {
    try {
      await repository.fetch({ remote });
    } catch (error) {
      warning = `Could not fetch ${remote} (${errorText(error)}); the branch starts from what was fetched last.`;
    }
  }
  const found = await defaultBranch(gitPath, repository.rootUri.fsPath, remote);
  if (found) return { ref: found, warning };
  const current = repository.state.HEAD?.name ?? 'HEAD';
  return { ref: current, warning: `No default branch found; the branch starts from ${current}.` };
}

/** The remote the current branch tracks, else `origin`, else the first one. */
export function remoteOf(repository: Repository): string | undefined {
  const { HEAD, remotes } = repository.state;
  return HEAD?.upstream?.remote ?? remotes.find((r) => r.name === 'origin')?.name ?? remotes[0]?.name;
}

/** The remote's default branch as last fetched (`origin/main`), else a usual local one; no network. */
export async function defaultBranch(gitPath: string, cwd: string, remote: string | undefined): Promise<string | undefined> {
  if (remote) {
    const symbolic = await gitRead(gitPath, cwd, ['symbolic-ref', '--quiet', '--short', `refs/remotes/${remote}/HEAD`]);
    if (symbolic.ok && symbolic.stdout.trim()) return symbolic.stdout.trim();
    for (const name of USUAL_DEFAULTS) {
      if (await refExists(gitPath, cwd, `refs/remotes/${remote}/${name}`)) return `${remote}/${name}`;
    }
  }
  for (const name of USUAL_DEFAULTS) {
    if (await refExists(gitPath, cwd, `refs/heads/${name}`)) return name;
  }
  return undefined;
}

async function refExists(gitPath: string, cwd: string, ref: string): Promise<boolean> {
  return (await gitRead(gitPath, cwd, ['rev-parse', '--verify', '--quiet', ref])).ok;
}

/** git's own words for a failure, without the extension's wrapping. */
export function errorText(error: unknown): string {
  const details = error as GitErrorDetails & { message?: string };
  const text = details.stderr?.trim() || details.message || String(error);
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, 3)
    .join(' ');
}
