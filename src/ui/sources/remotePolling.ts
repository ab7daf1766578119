/**
 * Refreshes the queue on its own, for the sources that say how long to wait (Zendesk's poll budget,
 * which keeps a whole support floor under a share of the account's rate limit), and only while
 * someone can see it: the queue view visible in a focused window. A window in the background or a
 * closed view asks nothing; when it is seen again, an overdue refresh runs at once.
 */
import * as vscode from 'vscode';
import type { TicketSource } from '../../providers/ticketSource';

interface Paced {
  pollDelayMs(): number;
}

export interface PolledModel {
  readonly onDidChange: vscode.Event<void>;
  statuses(): readonly { readonly source: TicketSource }[];
  refresh(): Promise<void>;
}

export interface VisibleView {
  readonly visible: boolean;
  readonly onDidChangeVisibility: vscode.Event<unknown>;
}

export function pollRemoteSources(context: vscode.ExtensionContext, model: PolledModel, view: VisibleView): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dueAt: number | undefined;
  const seen = (): boolean => view.visible && vscode.window.state.focused;
  const refreshIfDue = (): void => {
    if (dueAt !== undefined && Date.now() >= dueAt && seen()) {
      dueAt = undefined;
      void model.refresh();
    }
  };
  const schedule = (): void => {
    clearTimeout(timer);
    const delays = model
      .statuses()
      .map(({ source }) => source)
      .filter(isPaced)
      .map((source) => source.pollDelayMs());
    if (delays.length === 0) return void (dueAt = undefined);
    const delay = Math.min(...delays);
    dueAt = Date.now() + delay;
    timer = setTimeout(refreshIfDue, delay);
  };
  context.subscriptions.push(model.onDidChange(schedule), view.onDidChangeVisibility(refreshIfDue), vscode.window.onDidChangeWindowState(refreshIfDue), {
    dispose: () => clearTimeout(timer),
  });
}

function isPaced(source: TicketSource): source is TicketSource & Paced {
  return typeof (source as Partial<Paced>).pollDelayMs === 'function';
}
