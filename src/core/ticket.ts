/**
 * The ticket every ticket system maps onto. Providers translate their own shapes into this one, so
 * everything above them (grouping, SLA, the tree, the panel) knows one model only.
 */
import type { Severity } from './severity';

/** Someone a ticket system knows: `id` is what the system matches on, `name` what people read. */
export interface Person {
  readonly id: string;
  readonly name: string;
}

export interface TicketComment {
  readonly author: Person;
  readonly createdAt: Date;
  /** Markdown, written by customers or colleagues: untrusted. */
  readonly body: string;
  /** An internal note is never shown to the customer. */
  readonly internal: boolean;
}

export type TicketLinkKind = 'branch' | 'mergeRequest';

export interface TicketLink {
  readonly kind: TicketLinkKind;
  /** Branch name, or the merge request's title. */
  readonly name: string;
  readonly url?: string;
}

export interface Ticket {
  /** The configured source this ticket came from (`supportRotation.sources[].id`). */
  readonly sourceId: string;
  /** The source's own id, unique within the source. */
  readonly id: string;
  /** What people call it: `#123`, `SUP-42`. */
  readonly key: string;
  readonly title: string;
  /** Markdown, untrusted. */
  readonly description: string;
  readonly severity: Severity;
  readonly status: string;
  readonly assignee: Person | null;
  readonly requester?: Person;
  readonly organization?: string;
  /** The customer's preferred support region, e.g. `EMEA`. */
  readonly region?: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** The source's own SLA due time; when absent the first-response target applies. */
  readonly slaDueAt?: Date;
  /** The source's SLA clock is stopped (a service desk waiting for the customer): not due, whatever the targets say. */
  readonly slaPaused?: boolean;
  /** The team that owns the ticket now. */
  readonly team?: string;
  readonly labels: readonly string[];
  readonly comments: readonly TicketComment[];
  readonly links: readonly TicketLink[];
  readonly url?: string;
  /** Opaque to everyone but the source: changes whenever the ticket does (concurrency checks). */
  readonly revision: string;
}

/** Unique across all sources. */
export function ticketUid(ticket: Pick<Ticket, 'sourceId' | 'id'>): string {
  return `${ticket.sourceId}:${ticket.id}`;
}

/** Identities are compared without case: e-mail addresses and user names are case-insensitive. */
function samePerson(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function isAssignedTo(ticket: Ticket, me: string | undefined): boolean {
  return ticket.assignee !== null && me !== undefined && me !== '' && samePerson(ticket.assignee.id, me);
}
