/**
 * The Queue view itself: its tree, the badge counting unclaimed S1/S2 tickets, the description that
 * says what is filtered, and the SLA clock, which moves while the queue does not.
 */
import * as vscode from 'vscode';
import { urgentUnclaimedCount } from '../../core/queueBadge';
import { VIEWS } from '../common/contributionIds';
import type { QueueModel } from './queueModel';
import type { QueueNode, QueueTreeProvider } from './queueTreeProvider';
import type { QueueViewState } from './queueViewState';

const SLA_CLOCK_MS = 60_000;

/** The view and its listeners are disposed with the extension. */
export function createQueueView(
  context: vscode.ExtensionContext,
  model: QueueModel,
  viewState: QueueViewState,
  tree: QueueTreeProvider,
): vscode.TreeView<QueueNode> {
  const view = vscode.window.createTreeView(VIEWS.queue, { treeDataProvider: tree, showCollapseAll: true });
  const updateChrome = (): void => {
    const urgent = urgentUnclaimedCount(tree.visibleTickets());
    view.badge = urgent > 0 ? { value: urgent, tooltip: vscode.l10n.t('{0} unclaimed S1/S2 tickets', urgent) } : undefined;
    const regions = viewState.regions.length > 0 ? viewState.regions.join(', ') : undefined;
    view.description = [regions, viewState.mode === 'team' ? vscode.l10n.t('by team') : undefined].filter(Boolean).join(' · ') || undefined;
  };
  // Redrawn without reloading, and only while someone can see it.
  const clock = setInterval(() => view.visible && tree.redraw(), SLA_CLOCK_MS);
  context.subscriptions.push(view, model.onDidChange(updateChrome), viewState.onDidChange(updateChrome), { dispose: () => clearInterval(clock) });
  return view;
}
