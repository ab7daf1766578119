/**
 * Writing on a ticket from the panel or a command: internal notes directly, public replies only
 * after the user confirms, in words, that the customer will read them.
 */
import * as vscode from 'vscode';
import type { Ticket } from '../../core/ticket';
import type { SourceResult } from '../../providers/sourceResult';
import type { QueueModel } from '../queue/queueModel';

export type WriteOutcome = SourceResult<Ticket> | { readonly kind: 'declined' } | { readonly kind: 'unsupported'; readonly message: string };

const SEND_TO_CUSTOMER = 'Send to Customer';

export class TicketWriter {
  constructor(private readonly model: QueueModel) {}

  async note(ticket: Ticket, body: string): Promise<WriteOutcome> {
    const source = this.model.sourceOf(ticket);
    if (!source?.capabilities.internalNotes) {
      return {
        kind: 'unsupported',
        message: `${source?.label ?? 'This source'} has no internal notes: anything written on ${ticket.key} is visible to the customer.`,
      };
    }
    return this.settle(await source.addInternalNote(ticket.id, body));
  }

  async reply(ticket: Ticket, body: string): Promise<WriteOutcome> {
    const source = this.model.sourceOf(ticket);
    if (!source?.capabilities.publicReplies) return { kind: 'unsupported', message: `${source?.label ?? 'This source'} does not take replies from here.` };
    const customer = [ticket.requester?.name, ticket.organization].filter(Boolean).join(', ') || 'the customer';
    const answer = await vscode.window.showWarningMessage(
      `Send this reply to the customer on ${ticket.key}?`,
      { modal: true, detail: `It is visible to the customer (${customer}). Internal notes are not.\n\n${preview(body)}` },
      SEND_TO_CUSTOMER,
    );
    if (answer !== SEND_TO_CUSTOMER) return { kind: 'declined' };
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
