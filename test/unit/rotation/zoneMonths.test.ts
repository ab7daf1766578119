import { strict as assert } from 'node:assert';
import { monthLabel, monthNumber, monthStart } from '../../../src/core/rotation/zoneMonths';
import { zoneOffset } from '../../support/timeZones';

const utc = zoneOffset('UTC');
const berlin = zoneOffset('Europe/Berlin');
const newYork = zoneOffset('America/New_York');
const auckland = zoneOffset('Pacific/Auckland');
const label = (iso: string, zone = utc) => monthLabel(monthNumber(new Date(iso), zone));

describe('months in the reader’s time zone', () => {
  it('puts an instant in the month its zone’s calendar shows', () => {
    // 22:30 UTC on 31 March is 00:30 on 1 April in Berlin (summer time, +2) and 18:30 on 31 March in New York.
    assert.equal(label('2026-03-31T22:30:00Z'), '2026-03');
    assert.equal(label('2026-03-31T22:30:00Z', berlin), '2026-04');
    assert.equal(label('2026-03-31T22:30:00Z', newYork), '2026-03');
    // In winter Berlin is +1: 23:30 UTC on the last day of February is already March there.
    assert.equal(label('2026-02-28T23:30:00Z', berlin), '2026-03');
    assert.equal(label('2026-02-28T22:30:00Z', berlin), '2026-02');
    // Auckland is +13 in its summer: half past eleven UTC on 31 March is 1 April there.
    assert.equal(label('2026-03-31T11:30:00Z', auckland), '2026-04');
    // New Year in New York comes five hours after UTC's.
    assert.equal(label('2027-01-01T04:59:00Z', newYork), '2026-12');
    assert.equal(label('2027-01-01T05:00:00Z', newYork), '2027-01');
  });

  it('counts consecutive months as consecutive numbers across a year', () => {
    assert.equal(monthNumber(new Date('2027-01-15T12:00:00Z'), utc) - monthNumber(new Date('2026-12-15T12:00:00Z'), utc), 1);
  });

  it('finds where a month starts, on either side of a daylight saving change', () => {
    const month = (iso: string) => monthNumber(new Date(iso), utc);
    // Berlin: March starts in winter time (+1), April in summer time (+2).
    assert.equal(monthStart(month('2026-03-10T00:00:00Z'), berlin).toISOString(), '2026-02-28T23:00:00.000Z');
    assert.equal(monthStart(month('2026-04-10T00:00:00Z'), berlin).toISOString(), '2026-03-31T22:00:00.000Z');
    // New York: 1 November 2026 starts in summer time (−4), an hour before the clocks go back.
    assert.equal(monthStart(month('2026-11-10T00:00:00Z'), newYork).toISOString(), '2026-11-01T04:00:00.000Z');
    assert.equal(monthStart(month('2026-12-10T00:00:00Z'), newYork).toISOString(), '2026-12-01T05:00:00.000Z');
  });
});
