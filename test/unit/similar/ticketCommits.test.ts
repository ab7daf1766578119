import { strict as assert } from 'node:assert';
import { commitQueryArgs, commitsByTicket, isSafeKey } from '../../../src/git/ticketCommits';

const HASH_A = 'a'.repeat(40);
const HASH_B = 'b'.repeat(40);

function entry(hash: string, subject: string, body: string): string {
  return `${hash}\x1fPriya\x1f2026-03-01T10:00:00+01:00\x1f${subject}\x1f${body}\x1e\n`;
}

describe('ticketCommits', () => {
  it('asks one bounded, fixed-string git log for every key and address', () => {
    const args = commitQueryArgs([{ key: 'SUP-4', url: 'https://tickets.example.com/SUP-4' }, { key: '#12' }], 50);
    assert.deepEqual(args?.slice(0, 5), ['log', '--all', '--fixed-strings', '--regexp-ignore-case', '--max-count=50']);
    assert.deepEqual(
      args?.filter((arg) => arg.startsWith('--grep=')),
      ['--grep=SUP-4', '--grep=https://tickets.example.com/SUP-4', '--grep=#12'],
    );
    assert.equal(args?.at(-1), '--');
  });

  it('keeps keys and addresses that are not shaped like one out of the arguments', () => {
    assert.equal(isSafeKey('--output=/tmp/x'), false);
    assert.equal(isSafeKey('SUP 4; rm'), false);
    assert.equal(isSafeKey('acme/api#12'), true);
    assert.equal(commitQueryArgs([{ key: '-x' }, { key: 'a b', url: 'javascript:alert(1)' }]), undefined);
    assert.deepEqual(
      commitQueryArgs([{ key: '-x', url: 'https://ok.example.com/1' }])?.filter((arg) => arg.startsWith('--grep=')),
      ['--grep=https://ok.example.com/1'],
    );
  });

  it('gives each ticket the commits that name its whole key or its address, not a longer key', () => {
    const output =
      entry(HASH_A, 'Fix pool leak', 'Fix pool leak\n\nSupport-Ticket: SUP-4\n') +
      entry(HASH_B, 'Fix logo', 'Fix logo\n\nSupport-Ticket: https://tickets.example.com/SUP-42\n');
    const found = commitsByTicket(output, [{ key: 'SUP-4' }, { key: 'SUP-42', url: 'https://tickets.example.com/SUP-42' }]);
    assert.deepEqual(
      found.get('SUP-4')?.map((c) => c.hash),
      [HASH_A],
    );
    assert.deepEqual(found.get('SUP-42'), [{ hash: HASH_B, subject: 'Fix logo', author: 'Priya', date: '2026-03-01T10:00:00+01:00' }]);
  });
});
