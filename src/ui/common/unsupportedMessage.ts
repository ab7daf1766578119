/** Why a source cannot do something: said alike by the ticket commands, the commands that check for themselves and the panel's writer. */
import * as vscode from 'vscode';
import type { Ticket } from '../../core/ticket';
import type { SourceCapabilities, TicketSource } from '../../providers/ticketSource';

/** Why a source cannot do something, in one sentence: the one wording for every command and the panel. */
export function unsupportedMessage(need: keyof SourceCapabilities, source: Pick<TicketSource, 'label'>, ticket: Pick<Ticket, 'key'>): string {
  switch (need) {
    case 'claim':
      return vscode.l10n.t('{0} does not support claiming tickets.', source.label);
    case 'internalNotes':
      // Said before anything is written: there, every comment reaches the customer.
      return vscode.l10n.t('{0} has no internal notes: anything written on {1} is visible to the customer.', source.label, ticket.key);
    case 'publicReplies':
      return vscode.l10n.t('{0} does not take replies to the customer from here.', source.label);
    case 'handoff':
      return vscode.l10n.t('{0} does not support handing tickets off.', source.label);
    case 'linkChanges':
      return vscode.l10n.t('{0} cannot record branches on its tickets.', source.label);
    case 'mergeRequests':
      return vscode.l10n.t('{0} cannot open merge requests from here.', source.label);
    case 'setSeverity':
      return vscode.l10n.t('{0} does not take severities from here.', source.label);
    case 'setStatus':
      return vscode.l10n.t('{0} does not take statuses from here.', source.label);
  }
}
