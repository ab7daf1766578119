/**
 * One panel per ticket, reused when the ticket is opened again, and restored after a window
 * reload by the serializer (the webview's saved state names the ticket).
 */
import * as vscode from 'vscode';
import { ticketUid, type Ticket } from '../../core/ticket';
import { panelStateSchema } from '../../shared/panelMessages';
import { PANEL_VIEW_TYPES } from '../common/contributionIds';
import { log } from '../common/log';
import { TicketPanel, type TicketPanelDeps } from './ticketPanel';

export class TicketPanels implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly panels = new Map<string, TicketPanel>();
  private readonly registration: vscode.Disposable;
  private readonly visibility = new vscode.EventEmitter<void>();
  /** Fires when a panel is shown, hidden or closed. */
  readonly onDidChangeVisibility = this.visibility.event;

  constructor(private readonly deps: TicketPanelDeps) {
    this.registration = vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPES.ticket, this);
  }

  open(ticket: Ticket): TicketPanel {
    const existing = this.panels.get(ticketUid(ticket));
    if (existing) {
      existing.reveal();
      return existing;
    }
    // The webview's own options (scripts, resource roots) are TicketPanel's, for a new and a restored panel alike.
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPES.ticket, `${ticket.key} ${ticket.title}`, vscode.ViewColumn.Active, {
      enableFindWidget: true,
    });
    return this.track(new TicketPanel(panel, { sourceId: ticket.sourceId, id: ticket.id }, this.deps));
  }

  /** Whether any ticket panel is visible in its editor group. */
  get visible(): boolean {
    return [...this.panels.values()].some((p) => p.panel.visible);
  }

  find(ref: { sourceId: string; id: string }): TicketPanel | undefined {
    return this.panels.get(ticketUid(ref));
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const parsed = panelStateSchema.safeParse(state);
    if (!parsed.success) {
      log().warn('A ticket panel could not be restored: its saved state does not name a ticket.');
      panel.dispose();
      return;
    }
    await this.deps.model.refresh();
    this.track(new TicketPanel(panel, { sourceId: parsed.data.sourceId, id: parsed.data.id }, this.deps));
  }

  dispose(): void {
    this.registration.dispose();
    this.visibility.dispose();
    for (const panel of this.panels.values()) panel.panel.dispose();
  }

  private track(panel: TicketPanel): TicketPanel {
    this.panels.set(panel.uid, panel);
    panel.onDidClose(() => {
      this.panels.delete(panel.uid);
      this.visibility.fire();
    });
    panel.panel.onDidChangeViewState(() => this.visibility.fire());
    this.visibility.fire();
    return panel;
  }
}
