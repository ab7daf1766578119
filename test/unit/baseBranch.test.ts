import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultBranch, defaultBranchBase } from '../../src/git/baseBranch';
import type { Repository } from '../../src/git/gitApiTypes';
import { gitRead } from '../../src/git/gitRead';

function repository(initialBranch: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'base-branch-'));
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
  git('init', '-q', `--initial-branch=${initialBranch}`);
  git('config', 'user.email', 'test@example.com');
  git('config', 'user.name', 'Test');
  writeFileSync(join(dir, 'a.txt'), 'a\n');
  git('add', 'a.txt');
  git('commit', '-q', '-m', 'first');
  return dir;
}

describe('the default branch a fix starts from (git CLI, read-only)', () => {
  const made: string[] = [];
  const make = (branch: string): string => {
    const dir = repository(branch);
    made.push(dir);
    return dir;
  };
  after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it("follows the remote's HEAD when it is known", async () => {
    const upstream = make('trunk');
    const clone = mkdtempSync(join(tmpdir(), 'base-branch-clone-'));
    made.push(clone);
    execFileSync('git', ['clone', '-q', upstream, clone]);
    assert.equal(await defaultBranch('git', clone, 'origin'), 'origin/trunk');
  });

  it('falls back to a usual local default branch, then to nothing', async () => {
    assert.equal(await defaultBranch('git', make('master'), undefined), 'master');
    assert.equal(await defaultBranch('git', make('feature-x'), undefined), undefined);
  });

  it('says why the base is what it is: a local default branch without a remote, the current branch without one', async () => {
    const fetches: string[] = [];
    const fake = (dir: string, head: string): Repository =>
      ({
        rootUri: { fsPath: dir },
        state: { HEAD: { name: head }, remotes: [] },
        fetch: async (options: { remote?: string }) => void fetches.push(options.remote ?? ''),
      }) as unknown as Repository;
    assert.deepEqual(await defaultBranchBase(fake(make('main'), 'main'), 'git'), { ref: 'main', reason: { kind: 'local', remote: undefined } });
    assert.deepEqual(await defaultBranchBase(fake(make('feature-x'), 'feature-x'), 'git'), { ref: 'feature-x', reason: { kind: 'noDefault' } });
    assert.deepEqual(fetches, [], 'nothing to fetch without a remote');
  });

  it('runs only read-only git commands', async () => {
    const dir = make('main');
    const refused = await gitRead('git', dir, ['branch', '-D', 'main']);
    assert.deepEqual(refused, { ok: false, message: 'git branch is not a read-only query' });
    assert.equal((await gitRead('git', dir, ['rev-parse', '--abbrev-ref', 'HEAD'])).ok, true);
  });
});
