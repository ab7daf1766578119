/**
 * What the common command helpers need of the queue: the loaded tickets and their sources. The
 * queue model provides it; keeping it this small lets `common/` stay below the feature folders.
 */
import type { Ticket } from '../../core/ticket';
import type { TicketSource } from '../../providers/ticketSource';

export interface TicketLookup {
  readonly hasLoaded: boolean;
  refresh(): Promise<void>;
  tickets(): Ticket[];
  find(uid: string): Ticket | undefined;
  sourceOf(ticket: Pick<Ticket, 'sourceId'>): TicketSource | undefined;
}
