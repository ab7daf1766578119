/**
 * The dashboard's monthly numbers from history records, in one pass: escalations opened, resolution
 * time (median and p90) and SLA breaches per month, for the whole rotation and split by severity
 * and by team. A ticket counts where each event happened: opened in the month it was created,
 * resolved in the month of its last resolution (a reopened ticket is open again and counts only
 * once it is resolved again), breached in the month its breach time fell in.
 */
import type { TicketHistoryRecord } from '../history/ticketHistory';
import { severityLabel, type Severity } from '../severity';
import type { SlaTargets } from '../sla';
import { percentileOfSorted } from './percentiles';
import { breachOutcome } from './slaBreach';
import { cachedZoneOffset, monthLabel, monthNumber, type ZoneOffset } from './zoneMonths';

export interface MonthFigures {
  readonly opened: number;
  readonly resolved: number;
  /** Hours from creation to resolution, of the tickets resolved this month; null when none was. */
  readonly medianHours: number | null;
  readonly p90Hours: number | null;
  readonly breached: number;
  /** Breaches the dashboard cannot judge: no breach time known, or no first claim time where it matters. */
  readonly breachUnknown: number;
}

export interface FigureSeries {
  /** `S1`…`S4`, `S?`; a team's id, or '' for tickets without a team. */
  readonly name: string;
  readonly months: readonly MonthFigures[];
}

export interface RotationFigures {
  /** `2026-01`…, oldest first, the current month last. */
  readonly months: readonly string[];
  readonly total: readonly MonthFigures[];
  readonly bySeverity: readonly FigureSeries[];
  readonly byTeam: readonly FigureSeries[];
  /** Every team of the records, before filtering, for the filter's choices. */
  readonly teams: readonly string[];
}

/** Which tickets count; an absent field is not filtered on. `team: ''` is the tickets without a team. */
export interface RotationFilter {
  readonly team?: string;
  readonly severity?: Severity;
}

export interface FigureOptions {
  readonly now: Date;
  readonly offset: ZoneOffset;
  /** The settings' per-severity targets, for records whose source cannot say when they breach. */
  readonly targets: SlaTargets | undefined;
  readonly months: number;
  readonly filter?: RotationFilter;
}

const HOUR_MS = 3_600_000;

/** One series' counters for every month of the window. */
class SeriesCounter {
  readonly opened: number[];
  readonly breached: number[];
  readonly breachUnknown: number[];
  readonly durations: number[][];

  constructor(months: number) {
    this.opened = new Array<number>(months).fill(0);
    this.breached = new Array<number>(months).fill(0);
    this.breachUnknown = new Array<number>(months).fill(0);
    this.durations = Array.from({ length: months }, () => []);
  }

  figures(): MonthFigures[] {
    return this.opened.map((opened, i) => {
      const durations = this.durations[i].sort((a, b) => a - b);
      return {
        opened,
        resolved: durations.length,
        medianHours: hours(percentileOfSorted(durations, 0.5)),
        p90Hours: hours(percentileOfSorted(durations, 0.9)),
        breached: this.breached[i],
        breachUnknown: this.breachUnknown[i],
      };
    });
  }
}

function hours(ms: number | null): number | null {
  return ms === null ? null : Math.round((ms / HOUR_MS) * 10) / 10;
}

export function rotationFigures(records: Iterable<TicketHistoryRecord>, options: FigureOptions): RotationFigures {
  const offset = cachedZoneOffset(options.offset);
  const last = monthNumber(options.now, offset);
  const first = last - options.months + 1;
  const total = new SeriesCounter(options.months);
  const severities = new Map<string, SeriesCounter>();
  const teams = new Map<string, SeriesCounter>();
  const allTeams = new Set<string>();
  const slot = (at: Date): number => {
    const month = monthNumber(at, offset);
    return month >= first && month <= last ? month - first : -1;
  };
  for (const record of records) {
    const team = record.team ?? '';
    allTeams.add(team);
    if (!matches(record, team, options.filter)) continue;
    const counters = [total, counterOf(severities, severityLabel(record.severity), options.months), counterOf(teams, team, options.months)];
    const opened = slot(record.createdAt);
    const resolved = record.resolvedAt ? slot(record.resolvedAt) : -1;
    const breach = breachOutcome(record, options.targets, options.now);
    const breachSlot = breach.kind === 'breached' ? slot(breach.at) : breach.kind === 'unknown' ? slot(breach.dueAt ?? record.createdAt) : -1;
    for (const counter of counters) {
      if (opened >= 0) counter.opened[opened]++;
      // Clocks of different systems can put a resolution a moment before the creation: that is no time spent, not negative time.
      if (resolved >= 0) counter.durations[resolved].push(Math.max(0, (record.resolvedAt as Date).getTime() - record.createdAt.getTime()));
      if (breachSlot >= 0) (breach.kind === 'breached' ? counter.breached : counter.breachUnknown)[breachSlot]++;
    }
  }
  const months = Array.from({ length: options.months }, (_, i) => monthLabel(first + i));
  return {
    months,
    total: total.figures(),
    // `S1`…`S4` then `S?`: code unit order, which no locale reorders.
    bySeverity: seriesOf(severities, (a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    byTeam: seriesOf(teams, (a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b))),
    teams: [...allTeams].sort((a, b) => a.localeCompare(b)),
  };
}

function matches(record: TicketHistoryRecord, team: string, filter: RotationFilter | undefined): boolean {
  if (!filter) return true;
  return (filter.team === undefined || filter.team === team) && (filter.severity === undefined || filter.severity === record.severity);
}

function counterOf(counters: Map<string, SeriesCounter>, name: string, months: number): SeriesCounter {
  let counter = counters.get(name);
  if (!counter) {
    counter = new SeriesCounter(months);
    counters.set(name, counter);
  }
  return counter;
}

function seriesOf(counters: Map<string, SeriesCounter>, order: (a: string, b: string) => number): FigureSeries[] {
  return [...counters.keys()].sort(order).map((name) => ({ name, months: (counters.get(name) as SeriesCounter).figures() }));
}
