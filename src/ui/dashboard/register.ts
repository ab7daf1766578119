/** Open Rotation Dashboard, from the queue's title bar and the palette; the dashboard itself loads on first use. */
import * as vscode from 'vscode';
import { COMMANDS, PANEL_VIEW_TYPES } from '../common/contributionIds';
import { registerCommand } from '../common/commandRegistration';
import { log } from '../common/log';
import type { Settings } from '../common/settings';
import type { QueueModel } from '../queue/queueModel';
import type { Dashboard, FirstPaint, Receipt } from './dashboard';
import { dashboardModule } from './dashboardBundle';

export interface DashboardFeature {
  /** Delivers a message to the open dashboard as its page would; `closed` when it is not open. */
  postToDashboard(message: unknown): Promise<Receipt | 'closed'>;
  /** From opening the dashboard to its page's first drawn figures, and the page's own part, once drawn. */
  dashboardFirstPaint(): FirstPaint | undefined;
}

export function registerDashboard(context: vscode.ExtensionContext, model: QueueModel, settings: () => Settings): DashboardFeature {
  let dashboard: Dashboard | undefined;
  const ensureDashboard = (): Dashboard => {
    if (!dashboard) {
      dashboard = new (dashboardModule().Dashboard)({ model, settings, extensionUri: context.extensionUri, log: log() });
      context.subscriptions.push(dashboard);
    }
    return dashboard;
  };
  registerCommand(context, COMMANDS.openDashboard, () => ensureDashboard().open());
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPES.dashboard, {
      deserializeWebviewPanel: (panel, state) => Promise.resolve(ensureDashboard().restore(panel, state)),
    }),
  );
  return {
    postToDashboard: async (message) => (dashboard ? dashboard.receive(message) : 'closed'),
    dashboardFirstPaint: () => dashboard?.firstPaint,
  };
}
