import { strict as assert } from 'node:assert';
import { DEFAULT_SLA_TARGETS } from '../../src/core/sla';
import { mostUrgentTicket } from '../../src/core/urgentTicket';
import type { Ticket } from '../../src/core/ticket';
import { makeTicket, person } from '../support/ticketFactory';

const ME = 'me@example.com';
const NOW = new Date('2026-11-24T12:00:00Z');
const at = (iso: string): Date => new Date(iso);
const urgent = (tickets: Ticket[]): string | undefined => mostUrgentTicket(tickets, DEFAULT_SLA_TARGETS, () => ME, NOW)?.key;

describe('the most urgent ticket', () => {
  it('is a breached one before any that is only due, the most severe breached first', () => {
    assert.equal(
      urgent([
        makeTicket({ id: 's1-due-in-10m', severity: 1, slaDueAt: at('2026-11-24T12:10:00Z') }),
        makeTicket({ id: 's4-breached-a-day-ago', severity: 4, slaDueAt: at('2026-11-23T12:00:00Z') }),
        makeTicket({ id: 's2-breached-an-hour-ago', severity: 2, slaDueAt: at('2026-11-24T11:00:00Z') }),
      ]),
      's2-breached-an-hour-ago',
    );
  });

  it('with none breached, is the one whose SLA ends first, whatever its severity', () => {
    assert.equal(
      urgent([
        makeTicket({ id: 's1-due-in-2h', severity: 1, slaDueAt: at('2026-11-24T14:00:00Z') }),
        makeTicket({ id: 's3-due-in-5m', severity: 3, slaDueAt: at('2026-11-24T12:05:00Z') }),
      ]),
      's3-due-in-5m',
    );
  });

  it("is unclaimed or mine, never a colleague's", () => {
    assert.equal(
      urgent([
        makeTicket({ id: 'theirs', severity: 1, slaDueAt: at('2026-11-24T10:00:00Z'), assignee: person('mei@example.com') }),
        makeTicket({ id: 'mine', severity: 2, slaDueAt: at('2026-11-24T12:30:00Z'), assignee: person(ME) }),
        makeTicket({ id: 'unclaimed', severity: 2, slaDueAt: at('2026-11-24T13:00:00Z') }),
      ]),
      'mine',
    );
  });

  it('breaks equal deadlines by severity, puts tickets without one last, and is none in an empty queue', () => {
    const due = at('2026-11-24T13:00:00Z');
    assert.equal(
      urgent([
        makeTicket({ id: 'untriaged', severity: 'unknown', createdAt: at('2026-10-01T00:00:00Z') }),
        makeTicket({ id: 's3-same-due', severity: 3, slaDueAt: due }),
        makeTicket({ id: 's2-same-due', severity: 2, slaDueAt: due }),
      ]),
      's2-same-due',
    );
    assert.equal(urgent([makeTicket({ id: 'untriaged', severity: 'unknown' })]), 'untriaged');
    assert.equal(urgent([]), undefined);
  });
});
