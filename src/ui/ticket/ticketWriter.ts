/**
 * Writing on a ticket from the panel or a command: internal notes directly, public replies only
 * after the user confirms, in words, that the customer will read them.
 */
import * as vscode from 'vscode';
import type { Ticket } from '../../core/ticket';
import type { SourceResult } from '../../providers/sourceResult';
import { unsupportedMessage } from '../common/unsupportedMessage';
import { publicAudienceText } from '../sources/publicComments';
import type { QueueModel } from '../queue/queueModel';

export type WriteOutcome = SourceResult<Ticket> | { readonly kind: 'declined' } | { readonly kind: 'unsupported'; readonly message: string };

export class TicketWriter {
  constructor(private readonly model: QueueModel) {}

  async note(ticket: Ticket, body: string): Promise<WriteOutcome> {
    const source = this.model.sourceOf(ticket);
    if (!source) return { kind: 'unsupported', message: vscode.l10n.t('{0} is no longer in the queue.', ticket.key) };
    // Without internal notes but with a known audience (GitHub), a note is a public comment, asked for as one.
    if (!source.capabilities.internalNotes && source.commentAudience) return this.reply(ticket, body);
    if (!source.capabilities.internalNotes) return { kind: 'unsupported', message: unsupportedMessage('internalNotes', source, ticket) };
    return this.settle(await source.addInternalNote(ticket.id, body));
  }

  async reply(ticket: Ticket, body: string): Promise<WriteOutcome> {
    const source = this.model.sourceOf(ticket);
    if (!source) return { kind: 'unsupported', message: vscode.l10n.t('{0} is no longer in the queue.', ticket.key) };
    if (!source.capabilities.publicReplies) return { kind: 'unsupported', message: unsupportedMessage('publicReplies', source, ticket) };
    const customer = [ticket.requester?.name, ticket.organization].filter(Boolean).join(', ') || vscode.l10n.t('the customer');
    const sendToCustomer = vscode.l10n.t('Send to Customer');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Send this reply to the customer on {0}?', ticket.key),
      {
        modal: true,
        detail: `${(await publicAudienceText(source, ticket)) ?? vscode.l10n.t('It is visible to the customer ({0}). Internal notes are not.', customer)}\n\n${preview(body)}`,
      },
      sendToCustomer,
    );
    if (answer !== sendToCustomer) return { kind: 'declined' };
    return this.settle(await source.addPublicReply(ticket.id, body));
  }

  private settle(result: SourceResult<Ticket>): SourceResult<Ticket> {
    if (result.kind === 'ok') this.model.replaceTicket(result.value);
    return result;
  }
}

function preview(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > 280 ? `${flat.slice(0, 280)}…` : flat;
}
