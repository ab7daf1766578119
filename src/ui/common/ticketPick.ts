/**
 * Which ticket a command acts on: the tree item it was invoked on, a `{ sourceId, id }` given by
 * another command, or — from the palette — one the user picks.
 */
import * as vscode from 'vscode';
import { sortQueue } from '../../core/queueOrder';
import { formatSla, type SlaTargets } from '../../core/sla';
import { isAssignedTo, ticketUid, type Ticket } from '../../core/ticket';
import type { QueueModel } from '../queue/queueModel';
import { severityIcon } from '../queue/ticketTreeItem';

export interface TicketRef {
  readonly sourceId: string;
  readonly id: string;
}

function isTicketRef(value: unknown): value is TicketRef {
  const v = value as Partial<TicketRef> | undefined;
  return typeof v?.sourceId === 'string' && typeof v.id === 'string';
}

/** Tree nodes carry the ticket; anything else is looked up, so a stale argument cannot act on old data. */
export function ticketFromArgument(model: QueueModel, argument: unknown): Ticket | undefined {
  const node = argument as { type?: unknown; ticket?: unknown } | undefined;
  const ref = node?.type === 'ticket' ? node.ticket : argument;
  return isTicketRef(ref) ? model.find(ticketUid(ref)) : undefined;
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

/** A ticket from the queue, loaded first if the view has not loaded it yet; `only` narrows the choice. */
export async function pickFromQueue(
  model: QueueModel,
  targets: SlaTargets,
  placeHolder: string,
  only: (ticket: Ticket) => boolean = () => true,
): Promise<Ticket | undefined> {
  if (!model.hasLoaded) await model.refresh();
  return pickTicket(model.tickets().filter(only), targets, placeHolder);
}

/** Tickets I may work on: unclaimed, or mine. */
export function openToMe(model: QueueModel): (ticket: Ticket) => boolean {
  return (ticket) => ticket.assignee === null || isAssignedTo(ticket, model.sourceOf(ticket)?.me);
}
