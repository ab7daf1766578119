/** What the rotation engineer is told about without looking: the events and how each is named once. */
import type { Ticket } from '../ticket';

/** A new unclaimed ticket arrived; one of mine is due soon; one of mine breached its SLA. */
export type AlertKind = 'newUnclaimed' | 'dueSoon' | 'breached';

export interface AlertEvent {
  /** Names the event for good: the same event always has the same key, a new one a new key. */
  readonly key: string;
  readonly kind: AlertKind;
  readonly ticket: Ticket;
  /** The SLA due time the event refers to, when the ticket has one. */
  readonly dueAt?: Date;
}

/**
 * The due time is part of the key, so a ticket whose clock changes (its severity was raised, the
 * source reset its SLA) can be due soon, or breach, again and is told again.
 */
export function alertKey(ticket: Pick<Ticket, 'sourceId' | 'id' | 'createdAt'>, kind: AlertKind, dueAt: Date | undefined): string {
  return `${ticket.sourceId}:${ticket.id}|${kind}|${(dueAt ?? ticket.createdAt).toISOString()}`;
}
