/** The active ticket in the status bar: `$(issues) SUP-42 · S2 · 3h left`, the clock kept running. */
import * as vscode from 'vscode';
import { formatSla, type SlaTargets } from '../../core/sla';
import type { ActiveTicket, ActiveTicketTracker } from './activeTicketTracker';
import { COMMANDS } from '../common/contributionIds';

const TICK_MS = 30_000;

export class ActiveTicketStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('supportRotation.activeTicket', vscode.StatusBarAlignment.Left, 40);
  private readonly subscription: vscode.Disposable;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly tracker: ActiveTicketTracker,
    private readonly targets: () => SlaTargets,
  ) {
    this.item.name = vscode.l10n.t('Support Rotation: Active Ticket');
    this.item.command = COMMANDS.activeTicketActions;
    this.subscription = tracker.onDidChange(() => this.render());
    this.render();
  }

  /** What the item says now, or undefined when hidden. */
  get text(): string | undefined {
    return this.tracker.current ? this.item.text : undefined;
  }

  dispose(): void {
    this.stopClock();
    this.subscription.dispose();
    this.item.dispose();
  }

  private render(): void {
    const active = this.tracker.current;
    if (!active) {
      this.stopClock();
      this.item.hide();
      return;
    }
    const sla = active.ticket ? formatSla(active.ticket, this.targets(), new Date()) : undefined;
    this.item.text = `$(issues) ${active.key}${sla ? ` · ${sla}` : ''}`;
    this.item.tooltip = tooltip(active, sla);
    const spoken = sla ? `${active.key}, ${sla.replace(' · ', ', ')}` : active.key;
    this.item.accessibilityInformation = { label: vscode.l10n.t('Active ticket {0}. Activate for actions.', spoken) };
    this.item.show();
    // The SLA text changes with time, not with events: tick only while something is shown.
    if (!this.timer && active.ticket) this.timer = setInterval(() => this.render(), TICK_MS);
  }

  private stopClock(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

function tooltip(active: ActiveTicket, sla: string | undefined): vscode.MarkdownString {
  // Customer text goes in as plain text: a title must not become a link or a command.
  const text = new vscode.MarkdownString();
  text.appendText(`${active.key} ${active.ticket?.title ?? vscode.l10n.t('(no longer in the queue)')}\n\n`);
  if (sla) text.appendText(`${sla}\n\n`);
  text.appendText(`${active.link ? vscode.l10n.t('Branch {0}', active.branch) : vscode.l10n.t('Branch {0} (its name contains the key)', active.branch)}\n\n`);
  text.appendText(vscode.l10n.t('Click for actions: open, add an internal note, hand off, stop working on it.'));
  return text;
}
