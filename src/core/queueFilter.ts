/** Which tickets the queue shows at all. */
import type { Ticket } from './ticket';

export interface QueueFilter {
  /** Only tickets whose preferred region is one of these; empty means every region. */
  readonly regions: readonly string[];
  /** Statuses that mean "done"; compared without case. */
  readonly hiddenStatuses: readonly string[];
}

/** A ticket without a preferred region is never hidden by the region filter: nobody owns it yet. */
export function filterQueue(tickets: readonly Ticket[], filter: QueueFilter): Ticket[] {
  const hidden = new Set(filter.hiddenStatuses.map((s) => s.toLowerCase()));
  const regions = new Set(filter.regions.map((r) => r.toLowerCase()));
  return tickets.filter((t) => !hidden.has(t.status.toLowerCase()) && (regions.size === 0 || t.region === undefined || regions.has(t.region.toLowerCase())));
}

/** Every region named by a ticket, for the filter's choices. */
export function regionsOf(tickets: readonly Ticket[]): string[] {
  return [...new Set(tickets.flatMap((t) => (t.region ? [t.region] : [])))].sort((a, b) => a.localeCompare(b));
}
