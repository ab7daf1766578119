/**
 * Triage from the editor: Set Severity… and Set Status… on a ticket, from the queue's context menu,
 * the Command Palette and the ticket panel. Their menus show only while a ticket in the queue comes
 * from a source that can take them; a ticket from one that cannot gets the standard sentence.
 */
import * as vscode from 'vscode';
import { COMMANDS, CONTEXT_KEYS } from '../common/contributionIds';
import { registerTicketCommand, type TicketCommandHost } from '../common/ticketCommand';
import type { QueueModel } from '../queue/queueModel';
import { TriageCommands } from './triageCommands';

export function registerTriage(host: TicketCommandHost, model: QueueModel): void {
  const triage = new TriageCommands(model);
  registerTicketCommand(
    host,
    COMMANDS.setSeverity,
    { pick: 'any', placeHolder: vscode.l10n.t('Set the severity of which ticket?'), needs: 'setSeverity' },
    (ticket, source) => triage.setSeverity(ticket, source),
  );
  registerTicketCommand(
    host,
    COMMANDS.setStatus,
    { pick: 'any', placeHolder: vscode.l10n.t('Set the status of which ticket?'), needs: 'setStatus' },
    (ticket, source) => triage.setStatus(ticket, source),
  );
  host.context.subscriptions.push(model.onDidChange(() => updateMenus(model)));
}

function updateMenus(model: QueueModel): void {
  const sources = model.tickets().map((ticket) => model.sourceOf(ticket));
  void vscode.commands.executeCommand(
    'setContext',
    CONTEXT_KEYS.canSetSeverity,
    sources.some((s) => s?.capabilities.setSeverity === true),
  );
  void vscode.commands.executeCommand(
    'setContext',
    CONTEXT_KEYS.canSetStatus,
    sources.some((s) => s?.capabilities.setStatus === true),
  );
}
