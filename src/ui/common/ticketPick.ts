/**
 * Which ticket a command acts on: the tree item it was invoked on, a `{ sourceId, id }` given by
 * another command, or — from the palette — one the user picks.
 */
import * as vscode from 'vscode';
import { sortQueue } from '../../core/queueOrder';
import { formatSla, type SlaTargets } from '../../core/sla';
import { ticketUid, type Ticket } from '../../core/ticket';
import { severityIcon } from './severityIcon';
import type { TicketLookup } from './ticketLookup';

export interface TicketRef {
  readonly sourceId: string;
  readonly id: string;
}

function isTicketRef(value: unknown): value is TicketRef {
  const v = value as Partial<TicketRef> | undefined;
  return typeof v?.sourceId === 'string' && typeof v.id === 'string';
}

/** Tree nodes carry the ticket; anything else is looked up, so a stale argument cannot act on old data. */
export function ticketFromArgument(lookup: TicketLookup, argument: unknown): Ticket | undefined {
  const node = argument as { type?: unknown; ticket?: unknown } | undefined;
  const ref = node?.type === 'ticket' ? node.ticket : argument;
  return isTicketRef(ref) ? lookup.find(ticketUid(ref)) : undefined;
}

export async function pickTicket(tickets: readonly Ticket[], targets: SlaTargets, placeHolder: string): Promise<Ticket | undefined> {
  const now = new Date();
  const items = sortQueue(tickets, targets).map((ticket) => ({
    label: `${ticket.key} ${ticket.title}`,
    iconPath: severityIcon(ticket.severity),
    description: formatSla(ticket, targets, now),
    detail: [ticket.requester?.name, ticket.organization, ticket.region, ticket.team].filter(Boolean).join(' · '),
    ticket,
  }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  return picked?.ticket;
}
