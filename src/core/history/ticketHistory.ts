/**
 * What a source remembers of a ticket's life, open or resolved: the rotation's numbers (escalations,
 * resolution time, breaches per month) and "seen before?" are computed from these records alone.
 * A field a source cannot fill is `undefined`, never a guess: "not known" and "never happened"
 * (`null`) are different answers, and the dashboard says which.
 */
import type { Severity } from '../severity';
import type { Ticket } from '../ticket';

export interface TicketHistoryRecord {
  readonly sourceId: string;
  readonly id: string;
  /** What people call it: `#123`, `SUP-42`. */
  readonly key: string;
  readonly title: string;
  /** The ticket's description as the source stores it (Markdown or plain text): untrusted. */
  readonly text: string;
  readonly severity: Severity;
  readonly team?: string;
  readonly createdAt: Date;
  /** First time anyone claimed it; `null` when never claimed, `undefined` when the source cannot say. */
  readonly firstClaimedAt?: Date | null;
  /** When it was last resolved; `null` while it is open (reopened tickets are open again). */
  readonly resolvedAt: Date | null;
  /** When its SLA was (or will be) breached; `null` when it has none, `undefined` when the source cannot say. */
  readonly breachAt?: Date | null;
  readonly url?: string;
}

/** What only a source's history can say of a ticket, beside what the ticket itself says. */
type TicketLife = Pick<TicketHistoryRecord, 'resolvedAt' | 'firstClaimedAt' | 'breachAt'>;

/** A source's ticket as a history record. */
export function historyRecord(ticket: Ticket, life: TicketLife): TicketHistoryRecord {
  return {
    sourceId: ticket.sourceId,
    id: ticket.id,
    key: ticket.key,
    title: ticket.title,
    text: ticket.description,
    severity: ticket.severity,
    team: ticket.team,
    createdAt: ticket.createdAt,
    url: ticket.url,
    ...life,
  };
}
