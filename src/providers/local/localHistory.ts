/** The local file's tickets as history records: the file keeps every ticket, resolved ones included. */
import { historyRecord, type TicketHistoryRecord } from '../../core/history/ticketHistory';
import type { Ticket } from '../../core/ticket';
import type { LocalTicket } from './queueFileSchema';

/** Statuses that end a ticket's life in the local queue; any other status is open (reopened, if it was resolved). */
const RESOLVED_STATUSES: ReadonlySet<string> = new Set(['solved', 'closed', 'resolved', 'done']);

export function isResolvedStatus(status: string): boolean {
  return RESOLVED_STATUSES.has(status.trim().toLowerCase());
}

export function toHistoryRecord(local: LocalTicket, ticket: Ticket): TicketHistoryRecord {
  return historyRecord(ticket, {
    firstClaimedAt: firstClaim(local, ticket),
    // Files written before `resolvedAt` existed: the last change is the closest the file can say.
    resolvedAt: isResolvedStatus(ticket.status) ? (local.resolvedAt ? new Date(local.resolvedAt) : ticket.updatedAt) : null,
    breachAt: ticket.slaDueAt,
  });
}

/** Untouched (`new`, nobody holding it): never claimed. Anything else without `claimedAt`: the file cannot say when. */
function firstClaim(local: LocalTicket, ticket: Ticket): Date | null | undefined {
  if (local.claimedAt) return new Date(local.claimedAt);
  return ticket.assignee === null && ticket.status === 'new' ? null : undefined;
}

/** The contract of `history`: created or resolved since the window's start. */
export function inWindow(record: TicketHistoryRecord, since: Date): boolean {
  return record.createdAt >= since || (record.resolvedAt !== null && record.resolvedAt >= since);
}
