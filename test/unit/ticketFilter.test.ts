import { strict as assert } from 'node:assert';
import { DEFAULT_SLA_TARGETS } from '../../src/core/sla';
import type { Ticket } from '../../src/core/ticket';
import { applyTicketFilter, describeTicketFilter, filterChoices, isFiltering, NO_TICKET_FILTER, type TicketFilter } from '../../src/core/ticketFilter';
import { makeTicket } from '../support/ticketFactory';

const now = new Date('2026-11-24T12:00:00Z');
const minutesAgo = (minutes: number): Date => new Date(now.getTime() - minutes * 60_000);
const ids = (tickets: readonly Ticket[]): string[] => tickets.map((t) => t.id);
const filter = (overrides: Partial<TicketFilter>): TicketFilter => ({ ...NO_TICKET_FILTER, ...overrides });

// S1 targets 30 minutes, S3 8 hours (the defaults).
const queue = [
  makeTicket({ id: 'breached-s1', severity: 1, status: 'new', createdAt: minutesAgo(45), team: 'api', organization: 'Acme' }),
  makeTicket({ id: 'due-soon-s3', severity: 3, status: 'Open', createdAt: minutesAgo(7 * 60 + 30), team: 'billing', organization: 'Globex' }),
  makeTicket({ id: 'on-track-s2', severity: 2, status: 'pending', createdAt: minutesAgo(10), team: 'api' }),
  makeTicket({ id: 'untriaged', severity: 'unknown', status: 'new', createdAt: minutesAgo(600), organization: 'Acme' }),
];
const filtered = (f: Partial<TicketFilter>): string[] => ids(applyTicketFilter(queue, filter(f), DEFAULT_SLA_TARGETS, now));

describe('the queue filter (severity, status, team, organisation, urgency)', () => {
  it('shows everything when nothing is chosen', () => {
    assert.equal(isFiltering(NO_TICKET_FILTER), false);
    assert.deepEqual(filtered({}), ['breached-s1', 'due-soon-s3', 'on-track-s2', 'untriaged']);
  });

  it('matches any chosen value within a dimension, untriaged included as a severity', () => {
    assert.deepEqual(filtered({ severities: [1, 'unknown'] }), ['breached-s1', 'untriaged']);
    assert.deepEqual(filtered({ teams: ['api'] }), ['breached-s1', 'on-track-s2']);
    assert.deepEqual(filtered({ organizations: ['Acme', 'Globex'] }), ['breached-s1', 'due-soon-s3', 'untriaged']);
  });

  it('compares statuses without case', () => {
    assert.deepEqual(filtered({ statuses: ['open', 'NEW'] }), ['breached-s1', 'due-soon-s3', 'untriaged']);
  });

  it('requires every dimension chosen to match', () => {
    assert.deepEqual(filtered({ teams: ['api'], statuses: ['pending'] }), ['on-track-s2']);
    assert.deepEqual(filtered({ organizations: ['Acme'], severities: [2] }), []);
  });

  it('keeps only breached tickets and those due within the hour when asked; an untriaged ticket has no clock', () => {
    assert.equal(isFiltering(filter({ urgentOnly: true })), true);
    assert.deepEqual(filtered({ urgentOnly: true }), ['breached-s1', 'due-soon-s3']);
  });

  it('offers what the queue holds, sorted, and keeps values already chosen', () => {
    const choices = filterChoices(queue, filter({ teams: ['payments'] }));
    assert.deepEqual(choices.severities, [1, 2, 3, 'unknown']);
    assert.deepEqual(choices.statuses, ['new', 'open', 'pending']);
    assert.deepEqual(choices.teams, ['api', 'billing', 'payments']);
    assert.deepEqual(choices.organizations, ['Acme', 'Globex']);
  });

  it('describes the filter for the title bar, severities in their order', () => {
    assert.equal(describeTicketFilter(NO_TICKET_FILTER), '');
    assert.equal(
      describeTicketFilter(filter({ severities: ['unknown', 2, 1], statuses: ['open'], teams: ['api'], organizations: ['Acme'], urgentOnly: true })),
      'S1, S2, S? · open · api · Acme · breached or due soon',
    );
  });
});
