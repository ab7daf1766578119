import { strict as assert } from 'node:assert';
import { thisWeek } from '../../../src/core/rotation/thisWeek';
import { DEFAULT_SLA_TARGETS } from '../../../src/core/sla';
import type { Ticket } from '../../../src/core/ticket';

const now = new Date('2026-11-24T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

function ticket(id: string, fields: Partial<Ticket>): Ticket {
  return {
    sourceId: 'local',
    id,
    key: id,
    title: `Ticket ${id}`,
    description: '',
    severity: 3,
    status: 'open',
    assignee: null,
    createdAt: hoursAgo(1),
    updatedAt: hoursAgo(1),
    labels: [],
    comments: [],
    links: [],
    revision: '1',
    ...fields,
  };
}

const priya = { id: 'priya@example.com', name: 'Priya' };
const sam = { id: 'sam@example.com', name: 'Sam' };

describe('this week on the rotation', () => {
  const tickets = [
    ticket('A', { severity: 1, createdAt: hoursAgo(2), assignee: priya }), // S1: 30 min target, breached 1.5 h
    ticket('B', { severity: 3, createdAt: hoursAgo(30) }), // S3: 8 h target, breached 22 h, unclaimed
    ticket('C', { severity: 3, createdAt: hoursAgo(5), assignee: priya }),
    ticket('D', { severity: 'unknown', createdAt: hoursAgo(3) }),
    ticket('E', { severity: 2, createdAt: hoursAgo(100), status: 'solved', assignee: sam }),
  ];
  const week = thisWeek(tickets, { now, targets: DEFAULT_SLA_TARGETS, closedStatuses: ['solved'] });

  it('counts the open tickets by severity, leaving the closed ones out', () => {
    assert.deepEqual(week.openBySeverity, [
      { severity: 'S1', count: 1 },
      { severity: 'S3', count: 2 },
      { severity: 'S?', count: 1 },
    ]);
  });

  it('lists what is breached now, most overdue first', () => {
    assert.deepEqual(
      week.breachedNow.map((t) => [t.key, t.hours]),
      [
        ['B', 22],
        ['A', 1.5],
      ],
    );
  });

  it('counts the open tickets each person holds', () => {
    assert.deepEqual(week.claimedPerPerson, [{ person: 'Priya', count: 2 }]);
  });

  it('names the oldest ticket nobody has claimed', () => {
    assert.equal(week.oldestUnclaimed?.key, 'B');
    assert.equal(week.oldestUnclaimed?.hours, 30);
    assert.equal(thisWeek([tickets[0]], { now, targets: DEFAULT_SLA_TARGETS, closedStatuses: [] }).oldestUnclaimed, undefined);
  });
});
