/** A fresh copy of the sample workspace (with its scripted git history) for one test run. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeSampleWorkspace } from '../../scripts/make-sample-workspace';
import { CACHE_DIR } from './testPaths';

export async function freshSampleWorkspace(runName: string): Promise<string> {
  const dir = join(CACHE_DIR, 'runs', runName, 'workspace');
  rmSync(dir, { recursive: true, force: true });
  await makeSampleWorkspace(dir);
  return dir;
}

export function runStateDir(runName: string): string {
  return join(CACHE_DIR, 'runs', runName, 'server');
}
