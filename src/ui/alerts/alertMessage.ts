/** One alert as a notification: what happened to which ticket, with the actions that apply to it. */
import * as vscode from 'vscode';
import type { AlertEvent } from '../../core/alerts/alertEvent';
import { formatDuration } from '../../core/duration';
import { severityLabel } from '../../core/severity';
import type { TicketSource } from '../../providers/ticketSource';
import type { TicketRef } from '../common/ticketPick';
import { COMMANDS } from '../common/contributionIds';

function alertText(event: AlertEvent, now: Date): string {
  const { ticket } = event;
  const severity = severityLabel(ticket.severity);
  const remaining = formatDuration((event.dueAt?.getTime() ?? now.getTime()) - now.getTime());
  switch (event.kind) {
    case 'newUnclaimed':
      return vscode.l10n.t('New unclaimed {0} ticket {1}: {2}', severity, ticket.key, ticket.title);
    case 'dueSoon':
      return vscode.l10n.t('Your {0} ticket {1} breaches its SLA in {2}: {3}', severity, ticket.key, remaining, ticket.title);
    case 'breached':
      return vscode.l10n.t('Your {0} ticket {1} breached its SLA {2} ago: {3}', severity, ticket.key, remaining, ticket.title);
  }
}

/**
 * Shows the alert (a warning for a breach, information otherwise) and runs the action picked:
 * Claim where the ticket is unclaimed and its source can claim, and Open.
 */
export async function showAlert(event: AlertEvent, source: TicketSource | undefined, now: Date): Promise<void> {
  const claim = vscode.l10n.t('Claim');
  const open = vscode.l10n.t('Open');
  const canClaim = event.ticket.assignee === null && source?.capabilities.claim === true;
  const actions = canClaim ? [claim, open] : [open];
  const show = event.kind === 'breached' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const picked = await show(alertText(event, now), ...actions);
  const ref: TicketRef = { sourceId: event.ticket.sourceId, id: event.ticket.id };
  if (picked === claim) await vscode.commands.executeCommand(COMMANDS.claim, ref);
  else if (picked === open) await vscode.commands.executeCommand(COMMANDS.openTicket, ref);
}
