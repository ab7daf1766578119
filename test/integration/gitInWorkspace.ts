/** Git in the test workspace, seen the way the tests check results: the CLI and the git extension. */
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import type { GitExtension, Repository } from '../../src/git/gitApiTypes';
import { eventually } from './extensionApi';

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

export async function workspaceRepository(root: string): Promise<Repository> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) throw new Error('the git extension is missing');
  const api = (await extension.activate()).getAPI(1);
  const found = await eventually(
    async () => api.repositories.find((r) => r.rootUri.fsPath === root),
    (r) => r !== undefined,
    20_000,
  );
  if (!found) throw new Error(`the git extension did not open ${root}`);
  return found;
}
