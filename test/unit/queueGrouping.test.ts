import { strict as assert } from 'node:assert';
import { urgentUnclaimedCount } from '../../src/core/queueBadge';
import { filterQueue, regionsOf } from '../../src/core/queueFilter';
import { groupQueue, type QueueGroup } from '../../src/core/queueGrouping';
import { sortQueue } from '../../src/core/queueOrder';
import { DEFAULT_SLA_TARGETS } from '../../src/core/sla';
import type { Ticket } from '../../src/core/ticket';
import { makeTicket, person } from '../support/ticketFactory';

const me = new Map([
  ['local', 'me@example.com'],
  ['gitlab', 'me-on-gitlab'],
]);
const at = (iso: string): Date => new Date(iso);
const keys = (tickets: readonly Ticket[]): string[] => tickets.map((t) => t.key);
const byId = (groups: readonly QueueGroup[], id: string): QueueGroup => {
  const found = groups.find((g) => g.id === id);
  assert.ok(found, `group ${id}`);
  return found;
};

describe('queue order', () => {
  it('sorts by severity, then SLA due (breached first), then oldest', () => {
    const tickets = [
      makeTicket({ id: 's3-old', severity: 3, createdAt: at('2026-11-01T00:00:00Z') }),
      makeTicket({ id: 's1-due-later', severity: 1, createdAt: at('2026-11-24T10:00:00Z') }),
      makeTicket({ id: 's1-breached', severity: 1, createdAt: at('2026-11-24T08:00:00Z') }),
      makeTicket({ id: 'unknown', severity: 'unknown', createdAt: at('2026-10-01T00:00:00Z') }),
      makeTicket({ id: 's1-explicit-soon', severity: 1, createdAt: at('2026-11-24T11:00:00Z'), slaDueAt: at('2026-11-24T09:00:00Z') }),
      makeTicket({ id: 's2', severity: 2 }),
    ];
    assert.deepEqual(keys(sortQueue(tickets, DEFAULT_SLA_TARGETS)), ['s1-breached', 's1-explicit-soon', 's1-due-later', 's2', 's3-old', 'unknown']);
  });

  it('puts tickets without a due time after those with one, then the oldest first', () => {
    const tickets = [
      makeTicket({ id: 'b', severity: 'unknown', createdAt: at('2026-11-02T00:00:00Z') }),
      makeTicket({ id: 'a', severity: 'unknown', createdAt: at('2026-11-01T00:00:00Z') }),
    ];
    assert.deepEqual(keys(sortQueue(tickets, DEFAULT_SLA_TARGETS)), ['a', 'b']);
  });

  it('is stable for equal tickets (by key, numerically)', () => {
    const tickets = ['SUP-10', 'SUP-9', 'SUP-100'].map((id) => makeTicket({ id }));
    assert.deepEqual(keys(sortQueue(tickets, DEFAULT_SLA_TARGETS)), ['SUP-9', 'SUP-10', 'SUP-100']);
  });
});

describe('queue grouping by ownership', () => {
  const tickets = [
    makeTicket({ id: 'mine', assignee: person('ME@example.com') }),
    makeTicket({ id: 'mine-gitlab', sourceId: 'gitlab', assignee: person('me-on-gitlab') }),
    makeTicket({ id: 'not-mine-elsewhere', sourceId: 'gitlab', assignee: person('me@example.com') }),
    makeTicket({ id: 'u1', severity: 1 }),
    makeTicket({ id: 'u4', severity: 4 }),
    makeTicket({ id: 'u?', severity: 'unknown' }),
    makeTicket({ id: 'u1b', severity: 1, createdAt: at('2026-11-24T07:00:00Z') }),
    makeTicket({ id: 'zed', assignee: { id: 'zed@example.com', name: 'Zed' } }),
    makeTicket({ id: 'amy', assignee: { id: 'amy@example.com', name: 'Amy' } }),
    makeTicket({ id: 'amy2', severity: 1, assignee: { id: 'AMY@example.com', name: 'Amy' } }),
  ];
  const groups = groupQueue(tickets, { mode: 'ownership', me, targets: DEFAULT_SLA_TARGETS });

  it('has the three groups in order, with counts', () => {
    assert.deepEqual(
      groups.map((g) => [g.label, g.count]),
      [
        ['Assigned to me', 2],
        ['Unclaimed', 4],
        ['Claimed by others', 4],
      ],
    );
  });

  it('matches "me" per source, without case', () => {
    assert.deepEqual(keys(byId(groups, 'mine').tickets).sort(), ['mine', 'mine-gitlab']);
  });

  it('sub-groups unclaimed tickets S1…S4 then unknown, leaving out empty severities', () => {
    const unclaimed = byId(groups, 'unclaimed');
    assert.deepEqual(
      unclaimed.children.map((g) => [g.label, keys(g.tickets)]),
      [
        ['S1', ['u1b', 'u1']],
        ['S4', ['u4']],
        ['S?', ['u?']],
      ],
    );
    assert.deepEqual(
      unclaimed.children.map((g) => g.severity),
      [1, 4, 'unknown'],
    );
  });

  it('names colleagues known only by their address as people, never as the address', () => {
    const named = groupQueue([makeTicket({ id: 'x', assignee: person('jo.bloggs-smith@example.com') })], {
      mode: 'ownership',
      me,
      targets: DEFAULT_SLA_TARGETS,
    });
    assert.deepEqual(
      byId(named, 'others').children.map((g) => g.label),
      ['Jo Bloggs Smith'],
    );
  });

  it('sub-groups tickets of others by assignee, sorted by name, queue order inside', () => {
    const others = byId(groups, 'others');
    assert.deepEqual(
      others.children.map((g) => [g.label, keys(g.tickets)]),
      [
        ['Amy', ['amy2', 'amy']],
        ['Me', ['not-mine-elsewhere']],
        ['Zed', ['zed']],
      ],
    );
  });

  it('keeps the three groups when the queue is empty', () => {
    const empty = groupQueue([], { mode: 'ownership', me, targets: DEFAULT_SLA_TARGETS });
    assert.deepEqual(
      empty.map((g) => [g.id, g.count]),
      [
        ['mine', 0],
        ['unclaimed', 0],
        ['others', 0],
      ],
    );
  });
});

describe('queue grouping urgency', () => {
  const now = at('2026-11-24T12:00:00Z');
  const minutesAgo = (m: number): Date => new Date(now.getTime() - m * 60_000);
  const tickets = [
    makeTicket({ id: 'amy-breached', severity: 1, createdAt: minutesAgo(45), assignee: { id: 'amy@example.com', name: 'Amy' } }),
    makeTicket({ id: 'amy-fine', severity: 4, createdAt: minutesAgo(5), assignee: { id: 'amy@example.com', name: 'Amy' } }),
    makeTicket({ id: 'zed-soon', severity: 2, createdAt: minutesAgo(200), assignee: { id: 'zed@example.com', name: 'Zed' } }),
    makeTicket({ id: 'bo-fine', severity: 3, createdAt: minutesAgo(5), assignee: { id: 'bo@example.com', name: 'Bo' } }),
    makeTicket({ id: 'untriaged', severity: 'unknown', createdAt: minutesAgo(5000) }),
  ];

  it('marks each group by its most pressing ticket, up to the top', () => {
    const groups = groupQueue(tickets, { mode: 'ownership', me, targets: DEFAULT_SLA_TARGETS, now });
    const others = byId(groups, 'others');
    assert.equal(others.urgency, 'breached');
    assert.deepEqual(
      others.children.map((g) => [g.label, g.urgency]),
      [
        ['Amy', 'breached'],
        ['Bo', undefined],
        ['Zed', 'dueSoon'],
      ],
    );
    assert.equal(byId(groups, 'unclaimed').urgency, undefined);
  });

  it('marks nothing without a clock to read', () => {
    const groups = groupQueue(tickets, { mode: 'ownership', me, targets: DEFAULT_SLA_TARGETS });
    assert.equal(byId(groups, 'others').urgency, undefined);
  });
});

describe('queue grouping by team', () => {
  it('makes one group per team, alphabetically, "No team" last', () => {
    const tickets = [
      makeTicket({ id: 'a', team: 'search' }),
      makeTicket({ id: 'b' }),
      makeTicket({ id: 'c', team: 'billing', severity: 2 }),
      makeTicket({ id: 'd', team: 'billing', severity: 1 }),
    ];
    const groups = groupQueue(tickets, { mode: 'team', me, targets: DEFAULT_SLA_TARGETS });
    assert.deepEqual(
      groups.map((g) => [g.label, keys(g.tickets)]),
      [
        ['billing', ['d', 'c']],
        ['search', ['a']],
        ['No team', ['b']],
      ],
    );
  });
});

describe('queue filter and badge', () => {
  const tickets = [
    makeTicket({ id: 'emea', region: 'EMEA', severity: 1 }),
    makeTicket({ id: 'apac', region: 'APAC', severity: 2 }),
    makeTicket({ id: 'none', severity: 2, assignee: person('x') }),
    makeTicket({ id: 'solved', region: 'EMEA', status: 'Solved', severity: 1 }),
  ];

  it('filters by region without case, keeping tickets that name no region', () => {
    assert.deepEqual(keys(filterQueue(tickets, { regions: ['emea'], hiddenStatuses: ['solved'] })), ['emea', 'none']);
  });

  it('shows every region when the filter is empty, and hides done statuses', () => {
    assert.deepEqual(keys(filterQueue(tickets, { regions: [], hiddenStatuses: ['solved'] })), ['emea', 'apac', 'none']);
  });

  it('lists the regions the queue names', () => {
    assert.deepEqual(regionsOf(tickets), ['APAC', 'EMEA']);
  });

  it('counts unclaimed S1 and S2 tickets for the badge', () => {
    assert.equal(urgentUnclaimedCount(filterQueue(tickets, { regions: [], hiddenStatuses: ['solved'] })), 2);
  });
});
