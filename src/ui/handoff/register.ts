/**
 * Writing on a ticket from an editor: internal notes and hand-offs to the owning team, with the
 * ownership evidence, and the Send and Discard commands of their drafts.
 */
import * as vscode from 'vscode';
import type { ActiveTicketTracker } from '../branch/activeTicketTracker';
import { registerCommand } from '../common/commandRegistration';
import { COMMANDS } from '../common/contributionIds';
import type { Settings } from '../common/settings';
import { registerTicketCommand, type TicketCommandHost } from '../common/ticketCommand';
import type { QueueModel } from '../queue/queueModel';
import { DraftCommands } from './draftCommands';
import type { Drafts } from './drafts';
import { HandoffCommand } from './handoffCommand';
import { openNoteDraft } from './noteDraft';
import { RepositoryOwnershipAdvisor } from './repositoryOwnershipAdvisor';

export function registerHandoff(host: TicketCommandHost, model: QueueModel, drafts: Drafts, settings: () => Settings, tracker: ActiveTicketTracker): void {
  const handoff = new HandoffCommand(drafts, new RepositoryOwnershipAdvisor(settings), () => settings().slaTargets);
  const draftCommands = new DraftCommands(model, drafts, (ticket) => tracker.letGo(ticket));
  registerTicketCommand(
    host,
    COMMANDS.addInternalNote,
    { pick: 'any', placeHolder: vscode.l10n.t('Add an internal note to which ticket?'), needs: 'internalNotes' },
    (ticket) => openNoteDraft(drafts, ticket),
  );
  registerTicketCommand(
    host,
    COMMANDS.handOff,
    { pick: 'openToMe', placeHolder: vscode.l10n.t('Hand off which ticket?'), needs: 'handoff' },
    (ticket, source, argument) => handoff.start(ticket, source, argument),
  );
  registerCommand(host.context, COMMANDS.sendDraft, (uri) => draftCommands.send(uri instanceof vscode.Uri ? uri : undefined));
  registerCommand(host.context, COMMANDS.discardDraft, (uri) => draftCommands.discard(uri instanceof vscode.Uri ? uri : undefined));
}
