/** Pairing with the colleague who knows the code a ticket touches. */
import * as vscode from 'vscode';
import type { Ticket } from '../../core/ticket';
import { COMMANDS } from '../common/contributionIds';
import type { Settings } from '../common/settings';
import { registerTicketCommand, type TicketCommandHost } from '../common/ticketCommand';
import type { Drafts } from '../handoff/drafts';
import type { QueueModel } from '../queue/queueModel';
import { ExpertFinder, type ExpertFinding } from './expertFinder';
import { ExpertiseStore } from './expertiseStore';
import { PairCommand } from './pairCommand';

export interface ExpertsFeature {
  /** The experts for a ticket, with progress: the ticket panel shows the same list as the command. */
  find(ticket: Ticket): Thenable<ExpertFinding>;
}

export function registerExperts(host: TicketCommandHost, model: QueueModel, drafts: Drafts, settings: () => Settings): ExpertsFeature {
  const store = new ExpertiseStore(host.context.globalStorageUri);
  host.context.subscriptions.push(store);
  const finder = new ExpertFinder(store, model, settings);
  const pair = new PairCommand(finder, drafts, () => settings().people);
  registerTicketCommand(
    host,
    COMMANDS.pairWithExpert,
    { pick: 'any', placeHolder: vscode.l10n.t('Find an expert for which ticket?') },
    (ticket, source, argument) => pair.run(ticket, source, argument),
  );
  return { find: (ticket) => pair.find(ticket) };
}
