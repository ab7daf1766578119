/**
 * The Queue view itself: its tree, the badge counting unclaimed S1/S2 tickets, the description that
 * says what is filtered, the message that says which source is shown from an earlier load and how
 * old it is, and the SLA clock, which moves while the queue does not.
 */
import * as vscode from 'vscode';
import { urgentUnclaimedCount } from '../../core/queueBadge';
import type { Ticket } from '../../core/ticket';
import { describeTicketFilter, isFiltering } from '../../core/ticketFilter';
import { CONTEXT_KEYS, VIEWS } from '../common/contributionIds';
import type { QueueModel } from './queueModel';
import type { QueueNode, QueueTreeProvider } from './queueTreeProvider';
import type { QueueViewState } from './queueViewState';
import { staleSourcesMessage } from './staleSource';

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
    const visible = tree.visibleTickets();
    const filtered = viewState.regions.length > 0 || isFiltering(viewState.filter);
    view.badge = badgeOf(visible);
    view.description = descriptionOf(viewState);
    view.message = messageOf(model, viewState, filtered && model.state === 'ready' && visible.length === 0);
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.queueFiltered, filtered);
  };
  updateChrome();
  // Redrawn without reloading, and only while someone can see it.
  const clock = setInterval(() => {
    if (!view.visible) return;
    tree.redraw();
    updateChrome();
  }, SLA_CLOCK_MS);
  context.subscriptions.push(view, model.onDidChange(updateChrome), viewState.onDidChange(updateChrome), { dispose: () => clearInterval(clock) });
  return view;
}

function badgeOf(visible: readonly Ticket[]): vscode.ViewBadge | undefined {
  const urgent = urgentUnclaimedCount(visible);
  return urgent > 0 ? { value: urgent, tooltip: vscode.l10n.t('{0} unclaimed S1/S2 tickets', urgent) } : undefined;
}

/** What is filtered and how it is grouped, in the title bar: `EMEA · S1, S2 · breached or due soon · by team`. */
function descriptionOf(viewState: QueueViewState): string | undefined {
  const regions = viewState.regions.join(', ');
  const grouping = viewState.mode === 'team' ? vscode.l10n.t('by team') : '';
  return [regions, describeTicketFilter(viewState.filter), grouping].filter((part) => part !== '').join(' · ') || undefined;
}

/**
 * A narrow sidebar cuts the title bar's description before anything else, so the filter is said
 * again here, where the text wraps.
 */
function messageOf(model: QueueModel, viewState: QueueViewState, filteredToNothing: boolean): string | undefined {
  const filter = [viewState.regions.join(', '), describeTicketFilter(viewState.filter)].filter((part) => part !== '').join(' · ');
  const filtered = filter === '' ? undefined : vscode.l10n.t('Filtered: {0}.', filter);
  const nothingMatches = filteredToNothing ? vscode.l10n.t('No ticket matches the filter. Clear Filter shows the whole queue.') : undefined;
  return [staleSourcesMessage(model.statuses(), new Date()), filtered, nothingMatches].filter(Boolean).join(' ') || undefined;
}
