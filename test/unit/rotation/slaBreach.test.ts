import { strict as assert } from 'node:assert';
import { breachOutcome } from '../../../src/core/rotation/slaBreach';
import { DEFAULT_SLA_TARGETS } from '../../../src/core/sla';
import { at, record } from './historyRecords';

const now = at('2026-11-24T12:00:00Z');
const created = '2026-11-20T08:00:00Z';
const due = at('2026-11-20T12:00:00Z');

describe('SLA breach of a history record', () => {
  it('is met when the first claim comes by the breach time', () => {
    assert.deepEqual(breachOutcome(record(created, { breachAt: due, firstClaimedAt: at('2026-11-20T11:59:00Z') }), undefined, now), {
      kind: 'met',
      dueAt: due,
    });
  });

  it('is breached by the first claim when it comes after the breach time, even if resolved later', () => {
    const late = record(created, { breachAt: due, firstClaimedAt: at('2026-11-20T13:00:00Z'), resolvedAt: at('2026-11-21T09:00:00Z') });
    assert.deepEqual(breachOutcome(late, undefined, now), { kind: 'breached', at: due, by: 'firstClaim' });
  });

  it('takes a resolution before any claim as the answer: in time it is met, late it is breached by the resolution', () => {
    const solvedUnclaimed = record(created, { breachAt: due, firstClaimedAt: null, resolvedAt: at('2026-11-20T10:00:00Z') });
    assert.equal(breachOutcome(solvedUnclaimed, undefined, now).kind, 'met');
    const solvedBeforeClaim = record(created, { breachAt: due, firstClaimedAt: at('2026-11-22T10:00:00Z'), resolvedAt: at('2026-11-20T11:00:00Z') });
    assert.equal(breachOutcome(solvedBeforeClaim, undefined, now).kind, 'met', 'resolved in time, claimed afterwards');
    const solvedLate = record(created, { breachAt: due, firstClaimedAt: null, resolvedAt: at('2026-11-21T10:00:00Z') });
    assert.deepEqual(breachOutcome(solvedLate, undefined, now), { kind: 'breached', at: due, by: 'resolution' });
  });

  it('is breached while nobody has answered past the breach time, and running before it', () => {
    assert.deepEqual(breachOutcome(record(created, { breachAt: due }), undefined, now), { kind: 'breached', at: due, by: 'unanswered' });
    assert.deepEqual(breachOutcome(record(created, { breachAt: due }), undefined, at('2026-11-20T09:00:00Z')), { kind: 'running', dueAt: due });
  });

  it('applies the per-severity targets only where the source cannot say, and says so when there are none', () => {
    // S2: 240 minutes after creation.
    const unknownBreach = record(created, { severity: 2, breachAt: undefined, firstClaimedAt: at('2026-11-20T12:30:00Z') });
    assert.deepEqual(breachOutcome(unknownBreach, DEFAULT_SLA_TARGETS, now), { kind: 'breached', at: due, by: 'firstClaim' });
    assert.deepEqual(breachOutcome(unknownBreach, undefined, now), { kind: 'unknown', reason: 'noBreachTime' });
    assert.deepEqual(breachOutcome(record(created, { breachAt: null }), DEFAULT_SLA_TARGETS, now), { kind: 'noSla' }, 'the source says it has no SLA');
    assert.deepEqual(breachOutcome(record(created, { severity: 'unknown', breachAt: undefined }), DEFAULT_SLA_TARGETS, now), { kind: 'noSla' });
  });

  it('cannot say when the first claim time is unknown, unless a resolution in time settles it', () => {
    assert.deepEqual(breachOutcome(record(created, { breachAt: due, firstClaimedAt: undefined, resolvedAt: at('2026-11-22T10:00:00Z') }), undefined, now), {
      kind: 'unknown',
      dueAt: due,
      reason: 'claimUnknown',
    });
    assert.equal(
      breachOutcome(record(created, { breachAt: due, firstClaimedAt: undefined, resolvedAt: at('2026-11-20T10:00:00Z') }), undefined, now).kind,
      'met',
    );
    assert.equal(breachOutcome(record(created, { breachAt: due, firstClaimedAt: undefined }), undefined, now).kind, 'unknown');
  });
});
