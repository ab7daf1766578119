import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TicketHistoryRecord } from '../../../src/core/history/ticketHistory';
import type { HistoryRequest } from '../../../src/providers/ticketSource';
import { SimilarStore, type HistorySource } from '../../../src/ui/seenBefore/similarStore';

const POOL: TicketHistoryRecord = {
  sourceId: 'local',
  id: 'SUP-1',
  key: 'SUP-1',
  title: 'Orders fail at peak',
  text: 'HikariPool: Connection is not available, request timed out\n    at com.acme.orders.OrderRepository.findOpen(OrderRepository.java:64)',
  severity: 2,
  createdAt: new Date('2026-02-01T00:00:00Z'),
  resolvedAt: new Date('2026-02-02T00:00:00Z'),
};
const LOGO: TicketHistoryRecord = { ...POOL, id: 'SUP-10', key: 'SUP-10', title: 'Invoice logo is old', text: 'The invoice shows the previous logo.' };
const OPEN = {
  sourceId: 'local',
  id: 'SUP-7',
  title: 'Orders list broken',
  text: 'QueuePool limit reached, connection timed out in order_repository.py, in find_open',
};

/** A source whose history comes in pages of one record, and that remembers what it was asked. */
function source(records: () => readonly TicketHistoryRecord[]): HistorySource & { readonly asked: HistoryRequest[] } {
  const asked: HistoryRequest[] = [];
  return {
    id: 'local',
    asked,
    history: (request) => {
      asked.push(request);
      const all = records();
      const at = Number(request.cursor ?? 0);
      const next = at + 1 < all.length ? String(at + 1) : undefined;
      return Promise.resolve({ kind: 'ok', value: { records: all.slice(at, at + 1), problems: [], nextCursor: next } });
    },
  };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

describe('SimilarStore', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'similar-'));
    git(dir, 'init', '-q');
    git(
      dir,
      '-c',
      'user.name=Priya',
      '-c',
      'user.email=priya@example.com',
      'commit',
      '-q',
      '--allow-empty',
      '-m',
      'Return pooled connections\n\nSupport-Ticket: SUP-1',
    );
    git(dir, '-c', 'user.name=Jonas', '-c', 'user.email=jonas@example.com', 'commit', '-q', '--allow-empty', '-m', 'New logo for SUP-10');
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every page of history, answers with the fix commits from one git log, and keeps its index across a reload', async () => {
    const file = join(dir, 'storage', 'index.json');
    const store = new SimilarStore(file);
    await store.load();
    assert.equal(await store.sync([source(() => [POOL, LOGO])]), 2);
    const [hit] = await store.similarTo(OPEN, 5, { gitPath: 'git', root: dir });
    assert.ok(hit);
    assert.equal(hit.key, 'SUP-1');
    assert.deepEqual(
      hit.commits.map((c) => [c.hash, c.subject, c.author]),
      [[git(dir, 'rev-parse', 'HEAD~1'), 'Return pooled connections', 'Priya']],
    );

    const reloaded = new SimilarStore(file);
    await reloaded.load();
    assert.equal(reloaded.size, 2);
    const later = source(() => [{ ...POOL, resolvedAt: null }]);
    await reloaded.sync([later]);
    assert.ok((later.asked[0]?.since.getTime() ?? 0) > Date.parse('2026-01-01T00:00:00Z'), 'reads only what changed since the last read');
    assert.equal(reloaded.size, 1, 'a reopened ticket leaves the index');
  });

  it('starts empty from a damaged file and fills from the start', async () => {
    const file = join(dir, 'index.json');
    execFileSync('sh', ['-c', `printf '{"version":1,"index":' > "${file}"`]);
    const store = new SimilarStore(file);
    await store.load();
    assert.equal(store.size, 0);
    const fresh = source(() => [POOL]);
    await store.sync([fresh]);
    assert.equal(fresh.asked[0]?.since.getTime(), 0);
    assert.equal(store.size, 1);
  });
});
