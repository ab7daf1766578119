/**
 * Watches the queue of every source and the clock, asks the alert rules what happened and shows
 * it. The keys of what was shown are kept in the workspace state, so a window reload tells nothing
 * again.
 */
import * as vscode from 'vscode';
import * as z from 'zod/mini';
import { AlertRules, type AlertSettings } from '../../core/alerts/alertRules';
import { ShownAlerts } from '../../core/alerts/shownAlerts';
import type { Severity } from '../../core/severity';
import type { AlertSeverity } from '../../shared/settingSchemas';
import type { QueueModel } from '../queue/queueModel';
import type { Settings } from '../common/settings';
import { showAlert } from './alertMessage';

const SHOWN_KEY = 'supportRotation.alerts.shown';
/** Time alone makes a ticket due soon or breached: the rules are asked again this often. */
const CLOCK_TICK_MS = 30_000;

const SEVERITY_OF: Record<AlertSeverity, Severity> = { S1: 1, S2: 2, S3: 3, S4: 4 };

export class AlertNotifier implements vscode.Disposable {
  private readonly rules = new AlertRules();
  private readonly shown: ShownAlerts;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly model: QueueModel,
    private readonly settings: () => Settings,
    private readonly state: vscode.Memento,
  ) {
    const stored = z.array(z.string()).safeParse(state.get<unknown>(SHOWN_KEY));
    this.shown = new ShownAlerts(stored.success ? stored.data : []);
    this.subscriptions.push(model.onDidChange(() => this.check()));
    this.timer = setInterval(() => this.check(), CLOCK_TICK_MS);
  }

  dispose(): void {
    clearInterval(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private check(): void {
    if (!this.model.hasLoaded) return;
    const now = new Date();
    const freshSources = new Set(this.model.statuses().flatMap((s) => (s.failure || !s.loadedAt ? [] : [s.source.id])));
    const revision = this.shown.revision;
    const events = this.rules.evaluate({ tickets: this.model.tickets(), me: this.model.me(), freshSources, now }, alertSettingsOf(this.settings()), this.shown);
    if (this.shown.revision !== revision) void this.state.update(SHOWN_KEY, this.shown.toJSON());
    for (const event of events) void showAlert(event, this.model.sourceOf(event.ticket), now);
  }
}

/** The alert rules' settings, from the extension's. */
export function alertSettingsOf(current: Settings): AlertSettings {
  return {
    severities: current.alertSeverities.map((s) => SEVERITY_OF[s]),
    dueSoonMinutes: current.alertDueSoonMinutes,
    targets: current.slaTargets,
    hiddenStatuses: current.hiddenStatuses,
  };
}
