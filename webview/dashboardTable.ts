/**
 * The table under each chart: the same numbers as the chart, for screen readers and for copying
 * into a spreadsheet. Built with DOM text APIs like the rest of the page.
 */
import * as l10n from '@vscode/l10n';
import { el } from './dom';

export interface TableColumn {
  readonly heading: string;
  readonly values: readonly (number | null)[];
}

/** `null` is a month with nothing to measure: said as such, never as zero. */
export function figuresTable(caption: string, rowLabels: readonly string[], columns: readonly TableColumn[]): HTMLTableElement {
  const head = el('tr', {}, [
    el('th', { text: l10n.t('Month'), attributes: { scope: 'col' } }),
    ...columns.map((c) => el('th', { text: c.heading, attributes: { scope: 'col' } })),
  ]);
  const rows = rowLabels.map((label, i) =>
    el('tr', {}, [
      el('th', { text: label, attributes: { scope: 'row' } }),
      ...columns.map((c) => {
        const value = c.values[i] ?? null;
        return value === null ? el('td', { text: '—', attributes: { title: l10n.t('nothing to measure') } }) : el('td', { text: formatNumber(value) });
      }),
    ]),
  );
  return el('table', { className: 'figures' }, [el('caption', { text: caption }), el('thead', {}, [head]), el('tbody', {}, rows)]);
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
