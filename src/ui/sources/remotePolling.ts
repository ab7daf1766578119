/**
 * Refreshes the queue on its own, for the sources that say how long to wait (Zendesk's poll budget,
 * which keeps a whole support floor under a share of the account's rate limit), and only while
 * someone needs it: the queue view or a ticket panel visible in a focused window, or an alert about
 * one of my tickets about to be told, which should be told from a fresh read. A window in the
 * background with no such alert asks nothing; when it is seen again, an overdue refresh runs at once.
 */
import * as vscode from 'vscode';
import { RemotePoller, type PolledModel } from './remotePoller';

export interface Sighting {
  /** Whether it is visible, focus aside. */
  readonly visible: boolean;
  readonly onDidChangeVisibility: vscode.Event<unknown>;
}

export interface PollingNeeds {
  /** What shows the queue's tickets: the queue view, the ticket panels. */
  readonly sightings: readonly Sighting[];
  /** Whether an alert waits for a fresh read before the next refresh, `withinMs` from now. */
  readonly alertPending: (withinMs: number) => boolean;
}

export function pollRemoteSources(context: vscode.ExtensionContext, model: PolledModel, needs: PollingNeeds): void {
  const changes = [...needs.sightings.map((s) => s.onDidChangeVisibility), vscode.window.onDidChangeWindowState];
  const seen = (): boolean => vscode.window.state.focused && needs.sightings.some((s) => s.visible);
  const poller = new RemotePoller(model, {
    now: () => Date.now(),
    setTimer: (callback, ms) => {
      const timer = setTimeout(callback, ms);
      return { dispose: () => clearTimeout(timer) };
    },
    wanted: (delayMs) => seen() || needs.alertPending(delayMs),
    onWantedChange: (listener) => vscode.Disposable.from(...changes.map((event) => event(listener))),
  });
  context.subscriptions.push(poller);
}
