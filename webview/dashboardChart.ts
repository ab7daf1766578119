/**
 * One dashboard chart, drawn by uPlot on a canvas: it builds its DOM with `createElement` and sets
 * styles through the CSSOM, never markup or `eval`, so it runs under the page's CSP. Colours are the
 * theme's chart colours, read from VS Code's CSS variables each time a chart is drawn.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
  /** A CSS variable of the theme, such as `--vscode-charts-red`. */
  readonly colour: string;
}

export interface ChartData {
  readonly labels: readonly string[];
  readonly series: readonly ChartSeries[];
}

const HEIGHT = 220;
/** The theme's chart colours, in the order series without a colour of their own take them. */
export const PALETTE = [
  '--vscode-charts-blue',
  '--vscode-charts-orange',
  '--vscode-charts-green',
  '--vscode-charts-purple',
  '--vscode-charts-red',
  '--vscode-charts-yellow',
] as const;

function themeColour(variable: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(variable).trim() || fallback;
}

export function drawChart(container: HTMLElement, data: ChartData): uPlot {
  const foreground = themeColour('--vscode-foreground', '#888');
  const grid = themeColour('--vscode-editorWidget-border', 'rgba(128, 128, 128, 0.3)');
  const axis = { stroke: foreground, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  const options: uPlot.Options = {
    width: Math.max(container.clientWidth, 280),
    height: HEIGHT,
    // Room on the right for half of the last month's label, which is centred on the chart's edge.
    padding: [null, 32, null, null],
    scales: { x: { time: false } },
    axes: [
      { ...axis, values: (_chart, ticks) => ticks.map((tick) => data.labels[tick] ?? '') },
      { ...axis, size: 48 },
    ],
    cursor: { drag: { x: false, y: false } },
    series: [
      { label: '', value: (_chart, index: number | null) => (index === null ? '' : (data.labels[index] ?? '')) },
      ...data.series.map((s) => {
        const colour = themeColour(s.colour, foreground);
        return { label: s.name, stroke: colour, width: 2, points: { show: true, size: 6, fill: colour }, spanGaps: false };
      }),
    ],
  };
  const columns: uPlot.AlignedData = [data.labels.map((_, i) => i), ...data.series.map((s) => [...s.values])];
  container.replaceChildren();
  return new uPlot(options, columns, container);
}
