/** The view badge: unclaimed tickets that need someone now (S1 and S2). */
import type { Ticket } from './ticket';

export function urgentUnclaimedCount(tickets: readonly Ticket[]): number {
  return tickets.filter((t) => t.assignee === null && (t.severity === 1 || t.severity === 2)).length;
}
