/**
 * The order inside every group of the queue: severity, then SLA due time (the most overdue first,
 * then the soonest; tickets with no due time after those), then the oldest ticket, then the key so
 * that equal tickets never swap places between refreshes.
 */
import { slaDueAt, type SlaTargets } from './sla';
import { severityRank } from './severity';
import type { Ticket } from './ticket';

/** Sorts a copy; the due time of each ticket is computed once, not once per comparison. */
export function sortQueue(tickets: readonly Ticket[], targets: SlaTargets): Ticket[] {
  const keyed = tickets.map((ticket) => ({
    ticket,
    rank: severityRank(ticket.severity),
    due: slaDueAt(ticket, targets)?.getTime() ?? Number.POSITIVE_INFINITY,
    created: ticket.createdAt.getTime(),
  }));
  keyed.sort(
    (a, b) =>
      a.rank - b.rank ||
      compareNumbers(a.due, b.due) ||
      a.created - b.created ||
      a.ticket.key.localeCompare(b.ticket.key, undefined, { numeric: true }) ||
      a.ticket.sourceId.localeCompare(b.ticket.sourceId),
  );
  return keyed.map((k) => k.ticket);
}

/** Infinity - Infinity is NaN; equal infinities must compare as equal. */
function compareNumbers(a: number, b: number): number {
  return a === b ? 0 : a - b;
}
