/** History records for the rotation tests: a ticket opened at a time, with only what each test is about. */
import type { TicketHistoryRecord } from '../../../src/core/history/ticketHistory';

let next = 0;

export function record(createdAt: string, fields: Partial<Omit<TicketHistoryRecord, 'createdAt'>> = {}): TicketHistoryRecord {
  next++;
  return {
    sourceId: 'local',
    id: `T-${next}`,
    key: `T-${next}`,
    title: 'A ticket',
    text: '',
    severity: 2,
    createdAt: new Date(createdAt),
    firstClaimedAt: null,
    resolvedAt: null,
    breachAt: null,
    ...fields,
  };
}

export const at = (iso: string): Date => new Date(iso);
