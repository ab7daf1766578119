/**
 * The ticket to turn to next, of those open to me (unclaimed or mine): a breached one first, in
 * the queue's own order (severity, then the most overdue); else the one whose SLA ends soonest,
 * severity breaking ties; tickets with no deadline (untriaged) last.
 */
import { sortQueue } from './queueOrder';
import { slaDueAt, type SlaTargets } from './sla';
import { isAssignedTo, type Ticket } from './ticket';

export function mostUrgentTicket(tickets: readonly Ticket[], targets: SlaTargets, meOf: (ticket: Ticket) => string | undefined, now: Date): Ticket | undefined {
  const open = tickets.filter((t) => t.assignee === null || isAssignedTo(t, meOf(t)));
  const ordered = sortQueue(open, targets).map((ticket, order) => ({ ticket, order, due: slaDueAt(ticket, targets)?.getTime() ?? Number.POSITIVE_INFINITY }));
  const breached = ordered.find((k) => k.due < now.getTime());
  if (breached) return breached.ticket;
  ordered.sort((a, b) => (a.due === b.due ? 0 : a.due - b.due) || a.order - b.order);
  return ordered[0]?.ticket;
}
