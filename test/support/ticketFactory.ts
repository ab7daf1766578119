import type { Ticket } from '../../src/core/ticket';

/** A ticket with plain defaults; tests name only what they are about. */
export function makeTicket(overrides: Partial<Ticket> & { id: string }): Ticket {
  return {
    sourceId: 'local',
    key: overrides.id,
    title: `Ticket ${overrides.id}`,
    description: '',
    severity: 3,
    status: 'open',
    assignee: null,
    createdAt: new Date('2026-11-24T08:00:00Z'),
    updatedAt: new Date('2026-11-24T08:00:00Z'),
    labels: [],
    comments: [],
    links: [],
    revision: '0',
    ...overrides,
  };
}

export const person = (id: string): { id: string; name: string } => ({ id, name: id });
