import { strict as assert } from 'node:assert';
import { parseQueueText } from '../../src/providers/local/queueFileParse';
import { rawTicket } from '../support/tempQueue';

const context = { sourceId: 'local', file: '.support/queue.json' };

describe('queue file parsing', () => {
  it('maps tickets onto the shared model', () => {
    const text = JSON.stringify({
      version: 1,
      tickets: [
        rawTicket('SUP-1', {
          key: 'SUP-1',
          severity: null,
          assignee: 'amy@example.com',
          comments: [
            { author: 'amy@example.com', createdAt: '2026-11-24T09:00:00+01:00', body: 'looking', internal: true },
            { author: 'c', createdAt: '2026-11-24T09:00:00Z', body: 'hi' },
          ],
          links: [{ kind: 'branch', name: 'support/SUP-1-fix' }],
          slaDueAt: '2026-11-24T10:00:00Z',
        }),
      ],
    });
    const outcome = parseQueueText(text, context);
    assert.ok(outcome.ok);
    const [ticket] = outcome.queue.tickets;
    assert.ok(ticket);
    assert.equal(ticket.severity, 'unknown');
    assert.deepEqual(ticket.assignee, { id: 'amy@example.com', name: 'amy@example.com' });
    assert.deepEqual(
      ticket.comments.map((c) => c.internal),
      [true, false],
    );
    assert.equal(ticket.comments[0]?.createdAt.toISOString(), '2026-11-24T08:00:00.000Z');
    assert.equal(ticket.slaDueAt?.toISOString(), '2026-11-24T10:00:00.000Z');
    assert.equal(ticket.revision, '1');
    assert.equal(ticket.updatedAt.getTime(), ticket.createdAt.getTime(), 'updatedAt defaults to createdAt');
  });

  it('reports a broken ticket with file, index, field and why, and keeps the others', () => {
    const text = JSON.stringify({
      version: 1,
      tickets: [rawTicket('a'), rawTicket('b', { severity: 7 }), rawTicket('c', { createdAt: 'yesterday' }), 'nonsense'],
    });
    const outcome = parseQueueText(text, context);
    assert.ok(outcome.ok);
    assert.deepEqual(
      outcome.queue.tickets.map((t) => t.id),
      ['a'],
    );
    assert.deepEqual(
      outcome.queue.problems.map((p) => [p.location, p.field]),
      [
        ['.support/queue.json, ticket 1', 'severity'],
        ['.support/queue.json, ticket 2', 'createdAt'],
        ['.support/queue.json, ticket 3', undefined],
      ],
    );
    assert.match(outcome.queue.problems[0]?.message ?? '', /severity/);
    assert.equal(outcome.queue.problems[1]?.message, 'createdAt: Invalid ISO datetime');
    assert.equal(outcome.queue.problems[2]?.message, 'Invalid input: expected object, received string');
  });

  it('skips a duplicate id and says so', () => {
    const outcome = parseQueueText(JSON.stringify({ version: 1, tickets: [rawTicket('a'), rawTicket('a', { title: 'second' })] }), context);
    assert.ok(outcome.ok);
    assert.deepEqual(
      outcome.queue.tickets.map((t) => t.title),
      ['Ticket a'],
    );
    assert.match(outcome.queue.problems[0]?.message ?? '', /duplicate id "a"/);
  });

  it('gives one clear error with the position for text that is not JSON', () => {
    const outcome = parseQueueText('{\n  "version": 1,\n  "tickets": [,]\n}\n', context);
    assert.equal(outcome.ok, false);
    assert.ok(!outcome.ok);
    assert.match(outcome.message, /^\.support\/queue\.json is not valid JSON at line 3, column 15 \(value expected\)\. The file was left as it is\.$/);
  });

  it('rejects an unknown version', () => {
    const outcome = parseQueueText(JSON.stringify({ version: 2, tickets: [] }), context);
    assert.ok(!outcome.ok);
    assert.match(outcome.message, /not a version 1 queue file: version/);
  });

  it('detects the indentation to keep on write', () => {
    const tabbed = parseQueueText('{\n\t"version": 1,\n\t"tickets": []\n}', context);
    const four = parseQueueText('{\n    "version": 1,\n    "tickets": []\n}', context);
    assert.ok(tabbed.ok && four.ok);
    assert.equal(tabbed.queue.indent, '\t');
    assert.equal(four.queue.indent, 4);
  });
});
