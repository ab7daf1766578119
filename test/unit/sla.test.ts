import { strict as assert } from 'node:assert';
import { formatDuration } from '../../src/core/duration';
import { DEFAULT_SLA_TARGETS, formatSla, formatSlaClock, slaDueAt, slaState } from '../../src/core/sla';
import { makeTicket } from '../support/ticketFactory';

const now = new Date('2026-11-24T12:00:00Z');
const minutesAgo = (m: number): Date => new Date(now.getTime() - m * 60_000);

describe('SLA', () => {
  it('computes the first-response due time from the per-severity defaults', () => {
    const expected: [1 | 2 | 3 | 4, number][] = [
      [1, 30],
      [2, 240],
      [3, 480],
      [4, 1440],
    ];
    for (const [severity, minutes] of expected) {
      const due = slaDueAt(makeTicket({ id: 'a', severity, createdAt: now }), DEFAULT_SLA_TARGETS);
      assert.equal(due?.getTime(), now.getTime() + minutes * 60_000, `S${severity}`);
    }
  });

  it("prefers the source's own due time", () => {
    const slaDue = new Date('2026-11-30T00:00:00Z');
    assert.equal(slaDueAt(makeTicket({ id: 'a', severity: 1, slaDueAt: slaDue }), DEFAULT_SLA_TARGETS), slaDue);
  });

  it('has no due time for an untriaged ticket', () => {
    assert.equal(slaDueAt(makeTicket({ id: 'a', severity: 'unknown' }), DEFAULT_SLA_TARGETS), undefined);
    assert.equal(formatSla(makeTicket({ id: 'a', severity: 'unknown' }), DEFAULT_SLA_TARGETS, now), 'S? · untriaged');
  });

  it('formats time left and time since breach', () => {
    assert.equal(formatSla(makeTicket({ id: 'a', severity: 1, createdAt: minutesAgo(18) }), DEFAULT_SLA_TARGETS, now), 'S1 · 12m left');
    assert.equal(formatSla(makeTicket({ id: 'a', severity: 2, createdAt: minutesAgo(240 + 65) }), DEFAULT_SLA_TARGETS, now), 'S2 · breached 1h 5m');
    assert.equal(formatSla(makeTicket({ id: 'a', severity: 3, createdAt: minutesAgo(300) }), DEFAULT_SLA_TARGETS, now), 'S3 · 3h left');
    assert.equal(
      formatSla(makeTicket({ id: 'a', severity: 4, createdAt: minutesAgo(1440 + 3 * 1440 + 120) }), DEFAULT_SLA_TARGETS, now),
      'S4 · breached 3d 2h',
    );
  });

  it('counts the exact due moment as breached', () => {
    assert.equal(formatSla(makeTicket({ id: 'a', severity: 1, createdAt: minutesAgo(30) }), DEFAULT_SLA_TARGETS, now), 'S1 · breached <1m');
  });

  it('uses targets from settings', () => {
    const targets = { ...DEFAULT_SLA_TARGETS, s1: 15 };
    assert.equal(formatSla(makeTicket({ id: 'a', severity: 1, createdAt: minutesAgo(5) }), targets, now), 'S1 · 10m left');
  });

  it('tells breached, due within the hour, on track and no clock apart', () => {
    const state = (createdMinutesAgo: number, severity: 1 | 2 | 'unknown' = 1): string =>
      slaState(makeTicket({ id: 'a', severity, createdAt: minutesAgo(createdMinutesAgo) }), DEFAULT_SLA_TARGETS, now);
    assert.equal(state(30), 'breached');
    assert.equal(state(29), 'dueSoon');
    assert.equal(state(240 - 60, 2), 'dueSoon');
    assert.equal(state(240 - 61, 2), 'onTrack');
    assert.equal(state(0, 'unknown'), 'none');
  });

  it('gives the clock alone, for a row that shows the severity elsewhere', () => {
    assert.equal(formatSlaClock(makeTicket({ id: 'a', severity: 1, createdAt: minutesAgo(18) }), DEFAULT_SLA_TARGETS, now), '12m left');
    assert.equal(formatSlaClock(makeTicket({ id: 'a', severity: 'unknown' }), DEFAULT_SLA_TARGETS, now), 'untriaged');
  });

  it('formats durations with at most two units', () => {
    assert.equal(formatDuration(59_999), '<1m');
    assert.equal(formatDuration(60_000), '1m');
    assert.equal(formatDuration(-(3600_000 + 5 * 60_000)), '1h 5m');
    assert.equal(formatDuration(2 * 86_400_000), '2d');
    assert.equal(formatDuration(2 * 86_400_000 + 4 * 3600_000 + 59 * 60_000), '2d 4h');
  });
});
