import { strict as assert } from 'node:assert';
import { appendEntry, JOURNAL_LIMIT, type JournalEntry } from '../../../src/core/journal/journal';
import { readJournal } from '../../../src/core/journal/journalRead';
import { journalEntryFor } from '../../../src/core/journal/journalWrites';
import { fail, ok } from '../../../src/providers/sourceResult';
import type { TicketSource } from '../../../src/providers/ticketSource';
import { journaledSource } from '../../../src/ui/handover/journaledSource';
import { makeTicket } from '../../support/ticketFactory';

const entry = (minute: number, overrides: Partial<JournalEntry> = {}): JournalEntry => ({
  at: new Date(Date.UTC(2026, 10, 24, 9, minute)).toISOString(),
  action: 'claimed',
  sourceId: 'local',
  ticketId: `SUP-${minute}`,
  key: `SUP-${minute}`,
  ...overrides,
});

describe('the activity journal', () => {
  it('keeps the newest entries up to its limit, dropping the oldest', () => {
    let stored: unknown = undefined;
    for (let minute = 0; minute < 5; minute++) stored = appendEntry(stored, entry(minute), 3);
    assert.deepEqual(
      readJournal(stored).map((e) => e.key),
      ['SUP-2', 'SUP-3', 'SUP-4'],
    );
    const full = Array.from({ length: JOURNAL_LIMIT + 10 }, (_, i) => entry(i % 60, { ticketId: String(i) }));
    assert.equal(appendEntry(full, entry(0)).length, JOURNAL_LIMIT);
  });

  it('reads back in time order, whatever order it was stored in', () => {
    const stored = [entry(30), entry(5), entry(12)];
    assert.deepEqual(
      readJournal(stored).map((e) => e.key),
      ['SUP-5', 'SUP-12', 'SUP-30'],
    );
  });

  it('survives a corrupt store: a value that is not a list starts afresh, a broken entry is dropped alone', () => {
    for (const corrupt of ['not json at all', { entries: [] }, 42, null]) {
      assert.deepEqual(readJournal(corrupt), []);
      assert.deepEqual(readJournal(appendEntry(corrupt, entry(1))), [entry(1)]);
    }
    const mixed = [entry(1), { at: 'yesterday', action: 'claimed' }, { ...entry(2), action: 'deleted everything' }, 'junk', entry(3)];
    assert.deepEqual(
      readJournal(mixed).map((e) => e.key),
      ['SUP-1', 'SUP-3'],
    );
  });

  it('records what a write did, and never a note or a hand-off note', () => {
    const ticket = makeTicket({ id: 'SUP-7' });
    const at = new Date('2026-11-24T10:00:00Z');
    const secret = 'customer password is hunter2';
    const noted = journalEntryFor('addInternalNote', `Next steps: ${secret}`, ticket, at);
    const handedOff = journalEntryFor('handOff', { team: 'billing', note: secret }, ticket, at);
    assert.deepEqual(noted, { at: at.toISOString(), action: 'noted', sourceId: 'local', ticketId: 'SUP-7', key: 'SUP-7' });
    assert.equal(handedOff.detail, 'billing');
    assert.ok(!JSON.stringify([noted, handedOff, journalEntryFor('addPublicReply', secret, ticket, at)]).includes('hunter2'));
    assert.deepEqual(
      [
        journalEntryFor('linkChange', { kind: 'branch', name: 'support/SUP-7-x' }, ticket, at),
        journalEntryFor('linkChange', { kind: 'mergeRequest', name: '!12', url: 'https://gitlab.example.com/mr/12' }, ticket, at),
        journalEntryFor('setSeverity', 2, ticket, at),
        journalEntryFor('setStatus', 'solved', ticket, at),
      ].map((e) => [e.action, e.detail]),
      [
        ['branched', 'support/SUP-7-x'],
        ['mergeRequest', 'https://gitlab.example.com/mr/12'],
        ['severity', 'S2'],
        ['status', 'solved'],
      ],
    );
  });
});

describe('a journaled source', () => {
  class FakeSource {
    readonly id = 'local';
    readonly calls: string[] = [];
    private readonly ticket = makeTicket({ id: 'SUP-1' });
    claim() {
      this.calls.push('claim');
      return Promise.resolve(ok(this.ticket));
    }
    release() {
      return Promise.resolve(fail('offline', 'the queue file cannot be read'));
    }
    getTicket() {
      return Promise.resolve(ok(this.ticket));
    }
  }

  it('records each confirmed write once, no failed write and no read, and is still the source it wraps', async () => {
    const fake = new FakeSource();
    const recorded: string[] = [];
    const source = journaledSource(fake as unknown as TicketSource, (method, _argument, ticket) => recorded.push(`${method} ${ticket.key}`));
    await source.claim({ id: 'SUP-1', revision: '0' });
    await source.release({ id: 'SUP-1', revision: '1' });
    await source.getTicket('SUP-1');
    assert.deepEqual(recorded, ['claim SUP-1']);
    assert.deepEqual(fake.calls, ['claim'], 'the write ran on the source itself');
    assert.ok(source instanceof FakeSource);
    assert.equal(source.id, 'local');
  });
});
