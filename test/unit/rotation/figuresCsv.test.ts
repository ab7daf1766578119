import { strict as assert } from 'node:assert';
import { figuresCsv } from '../../../src/core/rotation/figuresCsv';
import { rotationFigures } from '../../../src/core/rotation/rotationFigures';
import { zoneOffset } from '../../support/timeZones';
import { at, record } from './historyRecords';

const options = { now: at('2026-11-24T12:00:00Z'), offset: zoneOffset('UTC'), targets: undefined, months: 2 };

describe('rotation figures as CSV', () => {
  const csv = figuresCsv(
    rotationFigures(
      [
        record('2026-11-02T00:00:00Z', { severity: 1, team: 'billing, "EU"', resolvedAt: at('2026-11-02T06:00:00Z') }),
        record('2026-11-03T00:00:00Z', { severity: 1, team: '=HYPERLINK("x")' }),
      ],
      options,
    ),
  );
  const lines = csv.split('\r\n');

  it('has a header and one row per month and series, with CRLF line ends', () => {
    assert.equal(lines[0], 'Month,Split,Series,Opened,Resolved,Median resolution (hours),p90 resolution (hours),SLA breaches,Breaches that cannot be judged');
    // 2 months × (all + S1 + two teams) rows, the header and the final empty line.
    assert.equal(lines.length, 1 + 2 * 4 + 1);
    assert.equal(lines.at(-1), '');
  });

  it('leaves a cell empty where nothing was measured, instead of writing zero', () => {
    assert.equal(lines[1], '2026-10,All,All,0,0,,,0,0');
    assert.equal(lines[2], '2026-11,All,All,2,1,6,6,0,0');
  });

  it('quotes commas and quotes, and defuses formulas', () => {
    assert.ok(lines.includes('2026-11,Team,"billing, ""EU""",1,1,6,6,0,0'), csv);
    assert.ok(lines.includes(`2026-11,Team,"'=HYPERLINK(""x"")",1,0,,,0,0`), csv);
  });
});
