/**
 * Jira Cloud's search is eventually consistent: an issue just claimed may still be found as it was.
 * The source keeps the issue as it read it back after its own write, and shows that instead of an
 * older search result until the search agrees (finds it updated as late, or later), for a bounded
 * time so that nothing is held over forever.
 */
import type { Ticket } from '../../core/ticket';

/** Far longer than Cloud's index usually lags; a write still not seen after this is no longer ours to vouch for. */
const HOLD_MS = 5 * 60_000;

export class RecentWrites {
  private readonly written = new Map<string, { readonly ticket: Ticket; readonly at: number }>();

  constructor(private readonly elapsed: () => number) {}

  /** The ticket as read back just after our write. */
  remember(ticket: Ticket): void {
    this.written.set(ticket.id, { ticket, at: this.elapsed() });
  }

  /** The search's tickets, with ours where the search still shows an older state. */
  overlay(found: readonly Ticket[]): Ticket[] {
    const now = this.elapsed();
    return found.map((ticket) => {
      const ours = this.written.get(ticket.id);
      if (!ours) return ticket;
      if (now - ours.at > HOLD_MS || ticket.updatedAt.getTime() >= ours.ticket.updatedAt.getTime()) {
        this.written.delete(ticket.id);
        return ticket;
      }
      return ours.ticket;
    });
  }
}
