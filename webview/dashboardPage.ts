/**
 * The rotation dashboard's page: filters and actions at the top, how each source's history was
 * read, this week's numbers, then three charts, each with a table of the same numbers under it.
 * Everything it shows arrives as a validated message; what it asks for the extension validates again.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import * as l10n from '@vscode/l10n';
import type uPlot from 'uplot';
import {
  dashboardStateSchema,
  dashboardToWebviewSchema,
  type DashboardFigures,
  type DashboardFilter,
  type DashboardFromWebview,
  type DashboardState,
} from '../src/shared/dashboardMessages';
import { drawChart, PALETTE, type ChartSeries } from './dashboardChart';
import { figuresTable } from './dashboardTable';
import { renderThisWeek } from './dashboardWeek';
import { custom, el } from './dom';
import { displayLanguage, useLocale } from './locale';

type Split = DashboardState['split'];
type MonthFigures = DashboardFigures['total'][number];

const vscode = acquireVsCodeApi();
const app = document.getElementById('app') as HTMLElement;
const SEVERITY_COLOURS: Readonly<Record<string, string>> = {
  S1: '--vscode-charts-red',
  S2: '--vscode-charts-orange',
  S3: '--vscode-charts-yellow',
  S4: '--vscode-charts-blue',
  'S?': '--vscode-descriptionForeground',
};

let current: DashboardFigures | undefined;
let split: Split = savedSplit();
let charts: uPlot[] = [];
let painted = false;
const progress = el('p', { className: 'progress', attributes: { role: 'status' } });

/** The split the page showed before a reload; the filter it kept is the host's to restore. */
function savedSplit(): Split {
  const saved = dashboardStateSchema.safeParse(vscode.getState());
  return saved.success ? saved.data.split : 'severity';
}

function keepState(): void {
  if (current) vscode.setState({ filter: current.filter, split } satisfies DashboardState);
}

function post(message: DashboardFromWebview): void {
  vscode.postMessage(message);
}

function monthName(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(displayLanguage(), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year ?? 0, (number ?? 1) - 1, 15)),
  );
}

function select(label: string, value: string, options: readonly (readonly [string, string])[], onChange: (value: string) => void): HTMLElement {
  const element = custom(
    'vscode-single-select',
    { attributes: { 'aria-label': label } },
    options.map(([optionValue, text]) =>
      custom('vscode-option', { text, attributes: optionValue === value ? { value: optionValue, selected: '' } : { value: optionValue } }),
    ),
  );
  element.addEventListener('change', () => onChange((element as HTMLElement & { value: string }).value));
  return el('label', { className: 'control' }, [el('span', { text: label }), element]);
}

function toolbar(figures: DashboardFigures): HTMLElement {
  const filter = figures.filter;
  const setFilter = (patch: Partial<DashboardFilter>): void => {
    const next = { ...filter, ...patch };
    post({ type: 'filter', filter: Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)) });
  };
  const severities: [string, string][] = [
    ['all', l10n.t('All severities')],
    ['1', 'S1'],
    ['2', 'S2'],
    ['3', 'S3'],
    ['4', 'S4'],
    ['unknown', l10n.t('Untriaged')],
  ];
  const teams: [string, string][] = [['*', l10n.t('All teams')], ...figures.teams.map((t): [string, string] => [t, t === '' ? l10n.t('No team') : t])];
  const refresh = custom('vscode-button', { text: l10n.t('Refresh'), attributes: { secondary: '', icon: 'refresh' } });
  refresh.addEventListener('click', () => post({ type: 'refresh' }));
  const exportCsv = custom('vscode-button', { text: l10n.t('Export as CSV…'), attributes: { icon: 'export' } });
  exportCsv.addEventListener('click', () => post({ type: 'exportCsv' }));
  return el('div', { className: 'toolbar' }, [
    select(l10n.t('Team'), filter.team ?? '*', teams, (v) => setFilter({ team: v === '*' ? undefined : v })),
    select(l10n.t('Severity'), filter.severity ?? 'all', severities, (v) =>
      setFilter({ severity: v === 'all' ? undefined : (v as DashboardFilter['severity']) }),
    ),
    select(
      l10n.t('Split by'),
      split,
      [
        ['severity', l10n.t('Severity')],
        ['team', l10n.t('Team')],
      ],
      (v) => {
        split = v === 'team' ? 'team' : 'severity';
        if (current) render(current);
      },
    ),
    el('span', { className: 'spacer' }),
    refresh,
    exportCsv,
  ]);
}

function sourcesNote(figures: DashboardFigures): HTMLElement {
  return el(
    'ul',
    { className: 'sources', attributes: { 'aria-label': l10n.t('Sources') } },
    figures.sources.map((s) =>
      el('li', {
        className: `source source-${s.state}`,
        text: s.state === 'read' ? l10n.t('{0}: {1} tickets', s.label, s.records ?? 0) : (s.message ?? s.label),
      }),
    ),
  );
}

function seriesOf(figures: DashboardFigures, pick: (m: MonthFigures) => number | null): ChartSeries[] {
  const groups = split === 'severity' ? figures.bySeverity : figures.byTeam;
  return groups.map((g, i) => ({
    name: split === 'team' && g.name === '' ? l10n.t('No team') : g.name,
    values: g.months.map(pick),
    colour: (split === 'severity' ? SEVERITY_COLOURS[g.name] : undefined) ?? PALETTE[i % PALETTE.length] ?? PALETTE[0],
  }));
}

/** A chart's section, and how to draw the chart once the section is in place: a chart takes its width from its container. */
interface ChartSection {
  readonly section: HTMLElement;
  draw(): uPlot;
}

function chartSection(
  id: string,
  title: string,
  labels: string[],
  series: ChartSeries[],
  extraColumns: { heading: string; values: (number | null)[] }[] = [],
): ChartSection {
  const chart = el('div', {
    className: 'chart',
    attributes: { role: 'img', 'aria-label': l10n.t('{0}: chart; the table below gives the same numbers.', title) },
  });
  const table = figuresTable(title, labels, [...series.map((s) => ({ heading: s.name, values: s.values })), ...extraColumns]);
  const section = el('section', { className: 'chart-section', attributes: { id, 'aria-labelledby': `${id}-title` } }, [
    el('h2', { text: title, attributes: { id: `${id}-title` } }),
    chart,
    el('div', { className: 'table-scroll' }, [table]),
  ]);
  return { section, draw: () => drawChart(chart, { labels, series }) };
}

function render(figures: DashboardFigures): void {
  current = figures;
  keepState();
  for (const chart of charts) chart.destroy();
  progress.textContent = '';
  const labels = figures.months.map(monthName);
  const total = figures.total;
  const sections = [
    chartSection(
      'escalations',
      l10n.t('Escalations opened per month'),
      labels,
      seriesOf(figures, (m) => m.opened),
      [{ heading: l10n.t('All'), values: total.map((m) => m.opened) }],
    ),
    chartSection(
      'resolution',
      l10n.t('Resolution time per month (hours)'),
      labels,
      [
        { name: l10n.t('Median'), values: total.map((m) => m.medianHours), colour: '--vscode-charts-blue' },
        { name: l10n.t('p90'), values: total.map((m) => m.p90Hours), colour: '--vscode-charts-orange' },
      ],
      [{ heading: l10n.t('Resolved'), values: total.map((m) => m.resolved) }],
    ),
    chartSection(
      'breaches',
      l10n.t('SLA breaches per month'),
      labels,
      seriesOf(figures, (m) => m.breached),
      [
        { heading: l10n.t('All'), values: total.map((m) => m.breached) },
        { heading: l10n.t('Cannot say'), values: total.map((m) => m.breachUnknown) },
      ],
    ),
  ];
  app.replaceChildren(
    el('h1', { text: l10n.t('Rotation Dashboard') }),
    toolbar(figures),
    progress,
    sourcesNote(figures),
    renderThisWeek(figures.thisWeek, (ticket) => post({ type: 'openTicket', sourceId: ticket.sourceId, id: ticket.id })),
    ...sections.map((s) => s.section),
  );
  // In the same task as the tables, so that the first frame shows the charts too instead of the frame after it.
  charts = sections.map((s) => s.draw());
  if (!painted) {
    painted = true;
    // After the next frame has been produced: the frame's callbacks run before it, a task queued from them after it.
    requestAnimationFrame(() => setTimeout(() => post({ type: 'painted', pageMs: performance.now() })));
  }
}

function receive(raw: unknown): void {
  const parsed = dashboardToWebviewSchema.safeParse(raw);
  if (!parsed.success) return;
  const message = parsed.data;
  switch (message.type) {
    case 'locale':
      return useLocale(message.language, message.bundle);
    case 'progress':
      progress.textContent = message.message;
      if (!current) app.replaceChildren(progress);
      return;
    case 'figures':
      return render(message);
  }
}

/** Theme changes repaint the canvases with the new theme's colours; the tables follow by themselves. */
new MutationObserver(() => current && render(current)).observe(document.body, { attributes: true, attributeFilter: ['class'] });
let resizeTimer: number | undefined;
window.addEventListener('resize', () => {
  window.clearTimeout(resizeTimer);
  resizeTimer = window.setTimeout(() => {
    for (const chart of charts) chart.setSize({ width: Math.max(chart.root.parentElement?.clientWidth ?? 280, 280), height: chart.height });
  }, 100);
});
window.addEventListener('message', (event: MessageEvent<unknown>) => receive(event.data));
post({ type: 'ready' });
