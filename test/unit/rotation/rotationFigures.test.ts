import { strict as assert } from 'node:assert';
import { rotationFigures, type FigureOptions } from '../../../src/core/rotation/rotationFigures';
import { DEFAULT_SLA_TARGETS } from '../../../src/core/sla';
import { zoneOffset } from '../../support/timeZones';
import { at, record } from './historyRecords';

const utc = zoneOffset('UTC');
const options: FigureOptions = { now: at('2026-11-24T12:00:00Z'), offset: utc, targets: undefined, months: 12 };
const monthOf = (figures: ReturnType<typeof rotationFigures>, label: string) => {
  const index = figures.months.indexOf(label);
  assert.ok(index >= 0, `${label} is in the window`);
  return figures.total[index];
};

describe('rotation figures per month', () => {
  it('covers the last twelve months, the current one last', () => {
    const figures = rotationFigures([], options);
    assert.equal(figures.months.length, 12);
    assert.equal(figures.months[0], '2025-12');
    assert.equal(figures.months[11], '2026-11');
  });

  it('counts escalations in the month they were opened, in the reader’s zone; older ones are left out', () => {
    const records = [record('2026-03-31T22:30:00Z'), record('2026-03-15T10:00:00Z'), record('2025-11-30T10:00:00Z')];
    const inUtc = rotationFigures(records, options);
    assert.equal(monthOf(inUtc, '2026-03')?.opened, 2);
    assert.equal(monthOf(inUtc, '2026-04')?.opened, 0);
    assert.equal(
      inUtc.total.reduce((sum, m) => sum + m.opened, 0),
      2,
      'November 2025 is outside the window',
    );
    const inBerlin = rotationFigures(records, { ...options, offset: zoneOffset('Europe/Berlin') });
    assert.equal(monthOf(inBerlin, '2026-03')?.opened, 1);
    assert.equal(monthOf(inBerlin, '2026-04')?.opened, 1);
  });

  it('gives the median and p90 resolution time of the tickets resolved in a month, in hours', () => {
    const resolvedAfter = (hours: number) =>
      record('2026-10-01T00:00:00Z', {
        resolvedAt: new Date(Date.parse('2026-10-01T00:00:00Z') + hours * 3_600_000),
        firstClaimedAt: at('2026-10-01T00:05:00Z'),
      });
    const figures = rotationFigures([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(resolvedAfter), options);
    const october = monthOf(figures, '2026-10');
    assert.equal(october?.resolved, 10);
    assert.equal(october?.medianHours, 5.5);
    assert.equal(october?.p90Hours, 9.1);
    assert.equal(monthOf(figures, '2026-09')?.medianHours, null, 'nothing resolved: no time, not zero');
  });

  it('counts a resolution in the month it happened, not the month the ticket was opened', () => {
    const figures = rotationFigures([record('2026-09-30T20:00:00Z', { resolvedAt: at('2026-10-01T08:00:00Z') })], options);
    assert.equal(monthOf(figures, '2026-09')?.resolved, 0);
    assert.equal(monthOf(figures, '2026-10')?.resolved, 1);
    assert.equal(monthOf(figures, '2026-10')?.medianHours, 12);
  });

  it('leaves never-resolved and reopened tickets (open again) out of resolution time, but counts them as opened', () => {
    const figures = rotationFigures(
      [record('2026-10-02T00:00:00Z', { resolvedAt: null }), record('2026-10-03T00:00:00Z', { resolvedAt: at('2026-10-03T02:00:00Z') })],
      options,
    );
    assert.equal(monthOf(figures, '2026-10')?.opened, 2);
    assert.equal(monthOf(figures, '2026-10')?.resolved, 1);
    assert.equal(monthOf(figures, '2026-10')?.medianHours, 2);
  });

  it('counts a ticket resolved before anyone claimed it from creation to resolution', () => {
    const figures = rotationFigures([record('2026-10-02T00:00:00Z', { firstClaimedAt: null, resolvedAt: at('2026-10-02T03:00:00Z') })], options);
    assert.equal(monthOf(figures, '2026-10')?.medianHours, 3);
  });

  it('counts breaches in the month of the breach time, and the ones it cannot judge apart', () => {
    const records = [
      record('2026-10-31T20:00:00Z', { breachAt: at('2026-11-01T00:30:00Z'), firstClaimedAt: at('2026-11-01T02:00:00Z') }),
      record('2026-10-10T00:00:00Z', { breachAt: at('2026-10-10T04:00:00Z'), firstClaimedAt: at('2026-10-10T01:00:00Z') }),
      record('2026-10-12T00:00:00Z', { breachAt: undefined }),
    ];
    const figures = rotationFigures(records, options);
    assert.deepEqual([monthOf(figures, '2026-10')?.breached, monthOf(figures, '2026-11')?.breached], [0, 1]);
    assert.equal(monthOf(figures, '2026-10')?.breachUnknown, 1, 'no breach time and no targets: cannot say');
    const withTargets = rotationFigures(records, { ...options, targets: DEFAULT_SLA_TARGETS });
    assert.equal(monthOf(withTargets, '2026-10')?.breachUnknown, 0);
    assert.equal(monthOf(withTargets, '2026-10')?.breached, 1, 'S2 due after 4 hours, never claimed');
  });

  it('splits by severity and team, and filters by either', () => {
    const records = [
      record('2026-10-01T00:00:00Z', { severity: 1, team: 'billing' }),
      record('2026-10-02T00:00:00Z', { severity: 2, team: 'billing' }),
      record('2026-10-03T00:00:00Z', { severity: 2 }),
    ];
    const figures = rotationFigures(records, options);
    const october = figures.months.indexOf('2026-10');
    assert.deepEqual(
      figures.bySeverity.map((s) => [s.name, s.months[october]?.opened]),
      [
        ['S1', 1],
        ['S2', 2],
      ],
    );
    assert.deepEqual(
      figures.byTeam.map((s) => [s.name, s.months[october]?.opened]),
      [
        ['billing', 2],
        ['', 1],
      ],
    );
    assert.equal(rotationFigures(records, { ...options, filter: { team: 'billing' } }).total[october]?.opened, 2);
    assert.equal(rotationFigures(records, { ...options, filter: { team: '' } }).total[october]?.opened, 1);
    assert.equal(rotationFigures(records, { ...options, filter: { team: 'billing', severity: 2 } }).total[october]?.opened, 1);
    assert.deepEqual(rotationFigures(records, { ...options, filter: { team: 'billing' } }).teams, ['', 'billing'], 'the filter offers every team');
  });
});
