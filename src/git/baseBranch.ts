/**
 * Where a fix branch starts. By default the remote's default branch after a fetch, so a fix
 * never carries unrelated local work; the current branch or a choice of the user's when asked.
 */
import { gitRead } from './gitRead';
import type { GitErrorDetails, Repository } from './gitApiTypes';

/**
 * Why the base is what it is, for the message that names it: `fetched` (the remote's default
 * branch, just fetched), `fetchFailed` (as fetched last), `local` (a local default branch: no
 * remote, or none whose default branch is known), `noDefault` (none anywhere: the current branch),
 * `chosen` (by the settings or the user).
 */
export type BaseReason =
  | { readonly kind: 'fetched'; readonly remote: string }
  | { readonly kind: 'fetchFailed'; readonly remote: string; readonly error: string }
  | { readonly kind: 'local'; readonly remote: string | undefined }
  | { readonly kind: 'noDefault' }
  | { readonly kind: 'chosen' };

export interface BaseRef {
  /** What `git checkout -b <branch> <ref>` starts from. */
  readonly ref: string;
  readonly reason: BaseReason;
}

const USUAL_DEFAULTS = ['main', 'master', 'trunk', 'develop'];

/** Fetches only when there is a remote; the caller says so before, and names the base after. */
export async function defaultBranchBase(repository: Repository, gitPath: string): Promise<BaseRef> {
  const remote = remoteOf(repository);
  let fetchError: string | undefined;
  if (remote) {
    try {
      await repository.fetch({ remote });
    } catch (error) {
      fetchError = errorText(error);
    }
  }
  const found = await defaultBranch(gitPath, repository.rootUri.fsPath, remote);
  if (!found) return { ref: repository.state.HEAD?.name ?? 'HEAD', reason: { kind: 'noDefault' } };
  if (!remote || !found.startsWith(`${remote}/`)) return { ref: found, reason: { kind: 'local', remote } };
  return { ref: found, reason: fetchError === undefined ? { kind: 'fetched', remote } : { kind: 'fetchFailed', remote, error: fetchError } };
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
