import { strict as assert } from 'node:assert';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withFileLock } from '../../../src/providers/local/fileLock';

describe('the queue lock', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'support-rotation-lock-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('takes over a lock file an earlier version left behind once it is older than staleMs', async () => {
    const lockPath = join(dir, 'queue.json.lock');
    await writeFile(lockPath, '4242 2026-11-24T08:00:00.000Z\n');
    const past = new Date(Date.now() - 60_000);
    await utimes(lockPath, past, past);
    assert.equal(await withFileLock(lockPath, () => Promise.resolve('inside'), { timeoutMs: 2_000, staleMs: 10_000 }), 'inside');
    assert.deepEqual(await readdir(dir), []);
  });
});
