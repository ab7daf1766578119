/**
 * The dashboard's numbers as CSV (RFC 4180), one row per month and series: what a spreadsheet
 * opens. Empty cells where there is nothing to measure, never a zero that was not counted.
 */
import * as l10n from '@vscode/l10n';
import type { FigureSeries, MonthFigures, RotationFigures } from './rotationFigures';

export function figuresCsv(figures: RotationFigures): string {
  const header = [
    l10n.t('Month'),
    l10n.t('Split'),
    l10n.t('Series'),
    l10n.t('Opened'),
    l10n.t('Resolved'),
    l10n.t('Median resolution (hours)'),
    l10n.t('p90 resolution (hours)'),
    l10n.t('SLA breaches'),
    l10n.t('Breaches that cannot be judged'),
  ];
  const rows = [
    ...seriesRows(figures, l10n.t('All'), [{ name: l10n.t('All'), months: figures.total }]),
    ...seriesRows(figures, l10n.t('Severity'), figures.bySeverity),
    ...seriesRows(
      figures,
      l10n.t('Team'),
      figures.byTeam.map((s) => (s.name === '' ? { ...s, name: l10n.t('No team') } : s)),
    ),
  ];
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function seriesRows(figures: RotationFigures, split: string, series: readonly FigureSeries[]): string[][] {
  return series.flatMap((s) => s.months.map((m, i) => [figures.months[i], split, s.name, ...monthCells(m)]));
}

function monthCells(m: MonthFigures): string[] {
  return [m.opened, m.resolved, m.medianHours, m.p90Hours, m.breached, m.breachUnknown].map((v) => (v === null ? '' : String(v)));
}

/** Quoted when it holds a comma, a quote or a line break; a leading `=`, `+`, `-` or `@` is defused so a spreadsheet never runs a team name as a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
