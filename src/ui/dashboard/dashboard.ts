/**
 * The rotation dashboard: one panel, the history of every source read once per session (again on
 * Refresh), the figures computed in `core/rotation` and sent to the page, which validates them.
 * Everything the page sends is validated here first. Built as `dist/dashboard.js`, loaded on the
 * first "Open Rotation Dashboard".
 */
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { figuresCsv } from '../../core/rotation/figuresCsv';
import { rotationFigures, type RotationFigures, type RotationFilter } from '../../core/rotation/rotationFigures';
import { thisWeek } from '../../core/rotation/thisWeek';
import { localZoneOffset, monthNumber, monthStart } from '../../core/rotation/zoneMonths';
import {
  dashboardFromWebviewSchema,
  dashboardStateSchema,
  type DashboardFilter,
  type DashboardFromWebview,
  type DashboardToWebview,
} from '../../shared/dashboardMessages';
import { COMMANDS, PANEL_VIEW_TYPES } from '../common/contributionIds';
import type { Settings } from '../common/settings';
import { webviewOptions, webviewPage } from '../common/webviewPage';
import type { QueueModel } from '../queue/queueModel';
import { readHistory, type ReadHistory } from './historyReader';

const MONTHS = 12;

export interface DashboardDeps {
  readonly model: QueueModel;
  readonly settings: () => Settings;
  readonly extensionUri: vscode.Uri;
  /** The extension's output channel. */
  readonly log: vscode.LogOutputChannel;
}

export interface FirstPaint {
  readonly totalMs: number;
  /** From the page's navigation to its drawn figures; the rest is VS Code making the webview and passing messages. */
  readonly pageMs: number;
}

/** What became of a message from the page. */
export type Receipt = 'handled' | 'refused';

export class Dashboard implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private history: Promise<ReadHistory> | undefined;
  private filter: DashboardFilter = {};
  private openedAt = 0;
  /** From opening the panel to the page's first drawn figures, and the page's own part of it; undefined until then. */
  firstPaint: FirstPaint | undefined;

  constructor(private readonly deps: DashboardDeps) {}

  open(): void {
    if (this.panel) return this.panel.reveal();
    this.attach(vscode.window.createWebviewPanel(PANEL_VIEW_TYPES.dashboard, vscode.l10n.t('Rotation Dashboard'), vscode.ViewColumn.Active));
  }

  /** Takes over a dashboard VS Code restored after a reload, with the filter its page kept. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const saved = dashboardStateSchema.safeParse(state);
    this.filter = saved.success ? saved.data.filter : {};
    this.panel?.dispose();
    this.attach(panel);
  }

  /** A new or restored panel: the same options and page either way. */
  private attach(panel: vscode.WebviewPanel): void {
    this.openedAt = performance.now();
    this.firstPaint = undefined;
    panel.webview.options = webviewOptions(this.deps.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'support-rotation.svg');
    panel.webview.html = webviewPage(panel.webview, this.deps.extensionUri, {
      styles: [
        ['dist', 'webview.css'],
        ['media', 'base.css'],
        ['media', 'dashboard.css'],
      ],
      title: vscode.l10n.t('Rotation Dashboard'),
      loading: vscode.l10n.t('Reading the history of every source…'),
      page: 'dashboard',
    });
    panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message));
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
    });
    this.panel = panel;
    // Read while the page loads rather than after it says it is ready; a failure here is met
    // again, and reported, when the page asks for the figures.
    void this.readOnce().catch(() => undefined);
  }

  /** The entry point for everything the page sends; public so automation can speak the same protocol. */
  async receive(raw: unknown): Promise<Receipt> {
    const parsed = dashboardFromWebviewSchema.safeParse(raw);
    if (!parsed.success) {
      this.deps.log.warn(`Ignored a message from the rotation dashboard that does not fit the protocol: ${parsed.error.issues[0]?.message ?? ''}`);
      return 'refused';
    }
    await this.handle(parsed.data);
    return 'handled';
  }

  dispose(): void {
    this.panel?.dispose();
  }

  private async handle(message: DashboardFromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.greet();
      case 'filter':
        this.filter = message.filter;
        return this.show();
      case 'refresh':
        this.history = undefined;
        return this.show();
      case 'exportCsv':
        return this.exportCsv();
      case 'openTicket':
        await vscode.commands.executeCommand(COMMANDS.openTicket, { sourceId: message.sourceId, id: message.id });
        return;
      case 'painted':
        this.firstPaint ??= { totalMs: performance.now() - this.openedAt, pageMs: message.pageMs };
        return;
    }
  }

  /**
   * The page's language, then the figures, without waiting for VS Code to confirm the first: the two
   * arrive in order either way, and the wait was a round trip through the workbench before the figures.
   */
  private greet(): Promise<void> {
    void this.post({ type: 'locale', language: vscode.env.language, bundle: vscode.l10n.bundle });
    return this.show();
  }

  private async show(): Promise<void> {
    const history = await this.readOnce();
    const settings = this.deps.settings();
    const figures = this.figures(history);
    const week = thisWeek(this.deps.model.tickets(), { now: new Date(), targets: settings.slaTargets, closedStatuses: settings.hiddenStatuses });
    await this.post({
      type: 'figures',
      months: [...figures.months],
      total: [...figures.total],
      bySeverity: figures.bySeverity.map((s) => ({ name: s.name, months: [...s.months] })),
      byTeam: figures.byTeam.map((s) => ({ name: s.name, months: [...s.months] })),
      teams: [...figures.teams],
      filter: this.filter,
      sources: [...history.sources],
      thisWeek: {
        openBySeverity: [...week.openBySeverity],
        breachedNow: [...week.breachedNow],
        claimedPerPerson: [...week.claimedPerPerson],
        oldestUnclaimed: week.oldestUnclaimed,
      },
    });
  }

  private figures(history: ReadHistory): RotationFigures {
    return rotationFigures(history.records, {
      now: new Date(),
      offset: localZoneOffset,
      targets: this.deps.settings().slaTargets,
      months: MONTHS,
      filter: coreFilter(this.filter),
    });
  }

  /** The session's history: read on first use and on Refresh, shared by every message in between. */
  private readOnce(): Promise<ReadHistory> {
    this.history ??= this.read().catch((error: unknown) => {
      this.history = undefined;
      throw error;
    });
    return this.history;
  }

  private async read(): Promise<ReadHistory> {
    await this.deps.model.refresh();
    const since = monthStart(monthNumber(new Date(), localZoneOffset) - MONTHS + 1, localZoneOffset);
    const sources = this.deps.model.statuses().map((s) => s.source);
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Rotation Dashboard') }, (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return readHistory(
        sources,
        since,
        this.deps.log,
        (message) => {
          progress.report({ message });
          void this.post({ type: 'progress', message });
        },
        abort.signal,
      );
    });
  }

  private async exportCsv(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `rotation-${new Date().toISOString().slice(0, 10)}.csv`;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: { [vscode.l10n.t('CSV')]: ['csv'] },
      saveLabel: vscode.l10n.t('Export'),
      title: vscode.l10n.t('Export the Rotation Figures'),
    });
    if (!target) return;
    const csv = figuresCsv(this.figures(await this.readOnce()));
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(csv));
    vscode.window.setStatusBarMessage(`$(check) ${vscode.l10n.t('Exported the rotation figures to {0}', vscode.workspace.asRelativePath(target))}`, 5_000);
  }

  private async post(message: DashboardToWebview): Promise<void> {
    await this.panel?.webview.postMessage(message);
  }
}

function coreFilter(filter: DashboardFilter): RotationFilter {
  const severity = filter.severity === undefined ? undefined : filter.severity === 'unknown' ? 'unknown' : (Number(filter.severity) as 1 | 2 | 3 | 4);
  return { team: filter.team, severity };
}
