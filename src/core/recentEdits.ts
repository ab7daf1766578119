/**
 * Tickets a source returned after a write (a claim, a release) that a queue load may not have
 * seen yet. A load that started before the write reads the old ticket; laying these edits over
 * its result keeps the view from flicking back to the old state until the next load.
 */
import { ticketUid, type Ticket } from './ticket';

export class RecentEdits {
  private sequence = 0;
  private readonly edits = new Map<string, { ticket: Ticket; sequence: number }>();

  /** A mark to take when a load starts. */
  mark(): number {
    return this.sequence;
  }

  record(ticket: Ticket): void {
    this.sequence += 1;
    this.edits.set(ticketUid(ticket), { ticket, sequence: this.sequence });
  }

  /**
   * The loaded tickets with every edit made after `since` laid over them. Edits made before
   * `since` are in what was loaded, and are forgotten.
   */
  applyTo(loaded: readonly Ticket[], since: number): Ticket[] {
    for (const [uid, edit] of this.edits) if (edit.sequence <= since) this.edits.delete(uid);
    if (this.edits.size === 0) return [...loaded];
    return loaded.map((ticket) => this.edits.get(ticketUid(ticket))?.ticket ?? ticket);
  }
}
