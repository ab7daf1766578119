/** Alerts: new unclaimed tickets and my tickets' SLA clocks, told as notifications, for every source. */
import type * as vscode from 'vscode';
import type { QueueModel } from '../queue/queueModel';
import type { Settings } from '../common/settings';
import { AlertNotifier } from './alertNotifier';

export function registerAlerts(context: vscode.ExtensionContext, model: QueueModel, settings: () => Settings): void {
  context.subscriptions.push(new AlertNotifier(model, settings, context.workspaceState));
}
