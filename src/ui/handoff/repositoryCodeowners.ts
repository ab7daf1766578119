/** A repository's CODEOWNERS, in GitLab's flavour when its remote is a GitLab, else GitHub's. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CodeownersFlavour, OwnerMatch } from '../../core/ownership/codeowners';
import type { Repository } from '../../git/gitApiTypes';
import { log } from '../common/log';
import { ownershipRules } from './ownershipBundle';

export async function loadCodeowners(repository: Repository): Promise<((path: string) => OwnerMatch[]) | undefined> {
  const root = repository.rootUri.fsPath;
  const flavour: CodeownersFlavour = repository.state.remotes.some((r) => /gitlab/i.test(r.fetchUrl ?? r.pushUrl ?? '')) ? 'gitlab' : 'github';
  const { codeownersLocation, codeownersMatcher, parseCodeowners } = ownershipRules();
  const location = codeownersLocation(flavour, (path) => existsSync(join(root, path)));
  if (!location) return undefined;
  const parsed = parseCodeowners(await readFile(join(root, location), 'utf8'), flavour);
  for (const problem of parsed.problems) log().warn(`${location}:${problem.line}: ${problem.message}`);
  return codeownersMatcher(parsed);
}
