/** The files of a repository that ownership evidence is matched against, read with the git CLI. */
import { gitRead } from './gitRead';

/** Every tracked file, repository-relative with forward slashes. */
export async function trackedFiles(gitPath: string, root: string): Promise<string[]> {
  const listed = await gitRead(gitPath, root, ['ls-files', '-z']);
  return listed.ok ? splitNul(listed.stdout) : [];
}

/** Files a branch changed since it left `base` (three dots: only the branch's own commits). */
export async function filesChangedOnBranch(gitPath: string, root: string, branch: string, base: string): Promise<string[]> {
  const changed = await gitRead(gitPath, root, ['diff', '--name-only', '-z', `${base}...${branch}`, '--']);
  return changed.ok ? splitNul(changed.stdout) : [];
}

function splitNul(text: string): string[] {
  return text.split('\0').filter((line) => line !== '');
}
