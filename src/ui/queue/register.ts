/**
 * The queue: its view, the view's title-bar commands, claiming and releasing, and finding a ticket
 * in the view or in the browser.
 */
import * as vscode from 'vscode';
import type { GroupingMode } from '../../core/queueGrouping';
import { registerCommand } from '../common/commandRegistration';
import { COMMANDS } from '../common/contributionIds';
import { log } from '../common/log';
import type { Settings } from '../common/settings';
import { registerTicketCommand, type TicketCommandHost } from '../common/ticketCommand';
import { ClaimCommands } from './claimCommands';
import type { QueueModel } from './queueModel';
import { QueueTreeProvider } from './queueTreeProvider';
import { createQueueView } from './queueView';
import { QueueViewState } from './queueViewState';
import { createSampleQueue } from './sampleQueueCommand';
import { openQueueOnStartup } from './startupQueue';
import { openMostUrgentTicket, openTicketInBrowser, revealTicket } from './ticketNavigation';
import { ViewCommands } from './viewCommands';

export interface QueueParts {
  readonly tree: QueueTreeProvider;
  readonly claims: ClaimCommands;
  /** Whether someone can see the queue: remote sources refresh on their own only then. */
  readonly view: vscode.TreeView<unknown>;
}

export function registerQueue(host: TicketCommandHost, model: QueueModel, settings: () => Settings): QueueParts {
  const { context } = host;
  const viewState = new QueueViewState(context.workspaceState, () => settings().groupBy);
  const tree = new QueueTreeProvider(model, viewState, settings);
  const view = createQueueView(context, model, viewState, tree);
  const claims = new ClaimCommands(model);
  const viewCommands = new ViewCommands(model, viewState);
  context.subscriptions.push(viewState, tree);

  registerCommand(context, COMMANDS.refresh, () => viewCommands.refresh());
  registerCommand(context, COMMANDS.filterRegion, () => viewCommands.filterRegion());
  registerCommand(context, COMMANDS.filterQueue, () => viewCommands.filterQueue(tree.filterableTickets()));
  registerCommand(context, COMMANDS.editFilter, () => viewCommands.filterQueue(tree.filterableTickets()));
  registerCommand(context, COMMANDS.clearFilter, () => viewCommands.clearFilter());
  registerCommand(context, COMMANDS.changeGrouping, (mode) => viewCommands.changeGrouping(isGroupingMode(mode) ? mode : undefined));
  registerCommand(context, COMMANDS.openQueueFile, (sourceId) => viewCommands.openQueueFile(sourceId));
  registerCommand(context, COMMANDS.createSampleQueue, () => createSampleQueue(settings().localQueueFile, () => model.reconfigure()));
  registerCommand(context, COMMANDS.openSettings, () => viewCommands.openSettings());
  registerCommand(context, COMMANDS.showLog, () => log().show(true));
  registerCommand(context, COMMANDS.nextUrgentTicket, () => openMostUrgentTicket(model, tree, settings().slaTargets));

  registerTicketCommand(
    host,
    COMMANDS.claim,
    { pick: 'unclaimed', placeHolder: vscode.l10n.t('Claim which ticket?'), none: vscode.l10n.t('There is no unclaimed ticket in the queue.'), needs: 'claim' },
    (ticket, source) => claims.claim(ticket, source),
  );
  registerTicketCommand(
    host,
    COMMANDS.release,
    { pick: 'mine', placeHolder: vscode.l10n.t('Release which of your tickets?'), none: vscode.l10n.t('You hold no ticket.'), needs: 'claim' },
    (ticket, source) => claims.release(ticket, source),
  );
  registerTicketCommand(host, COMMANDS.revealTicket, { pick: 'active', placeHolder: vscode.l10n.t('Show which ticket in the queue?') }, (ticket) =>
    revealTicket(view, tree, ticket),
  );
  registerTicketCommand(host, COMMANDS.openInBrowser, { pick: 'active', placeHolder: vscode.l10n.t('Open which ticket in the browser?') }, (ticket) =>
    openTicketInBrowser(ticket),
  );
  if (settings().startupOpenQueue) {
    void openQueueOnStartup(model, tree, settings().slaTargets).catch((error: unknown) => log().warn(`Could not open on the queue: ${String(error)}`));
  }
  return { tree, claims, view };
}

function isGroupingMode(value: unknown): value is GroupingMode {
  return value === 'ownership' || value === 'team';
}
