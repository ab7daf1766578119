import { strict as assert } from 'node:assert';
import { firstSyntaxError } from '../../src/providers/local/jsonSyntaxError';
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
    assert.deepEqual(
      outcome.queue.problems.map((p) => p.message),
      [
        'severity must be 1, 2, 3, 4 or null; found 7',
        'createdAt must be an ISO 8601 date and time with a zone, e.g. 2026-11-24T09:30:00Z; found "yesterday"',
        'the ticket must be an object; found "nonsense"',
      ],
    );
  });

  describe('names the field once, says what is allowed and what was found', () => {
    const cases: { readonly kind: string; readonly ticket: Record<string, unknown>; readonly field: string; readonly message: string }[] = [
      { kind: 'wrong value of a choice', ticket: { severity: 'high' }, field: 'severity', message: 'severity must be 1, 2, 3, 4 or null; found "high"' },
      { kind: 'wrong type', ticket: { title: 42 }, field: 'title', message: 'title must be a string; found 42' },
      { kind: 'wrong type among alternatives', ticket: { assignee: true }, field: 'assignee', message: 'assignee must be a string or null; found true' },
      { kind: 'out of range', ticket: { revision: -1 }, field: 'revision', message: 'revision must be 0 or more; found -1' },
      { kind: 'not a whole number', ticket: { revision: 1.5 }, field: 'revision', message: 'revision must be a whole number; found 1.5' },
      { kind: 'empty text', ticket: { status: '' }, field: 'status', message: 'status must be a non-empty string; found ""' },
      {
        kind: 'missing field',
        ticket: { createdAt: undefined },
        field: 'createdAt',
        message: 'createdAt must be an ISO 8601 date and time with a zone, e.g. 2026-11-24T09:30:00Z; it is missing',
      },
      { kind: 'missing id', ticket: { id: undefined }, field: 'id', message: 'id must be a non-empty string or a whole number; it is missing' },
      {
        kind: 'nested field in a comment',
        ticket: {
          comments: [
            { author: 'amy@example.com', createdAt: '2026-11-24T09:00:00Z', body: 'ok' },
            { author: 'bo', createdAt: '24/11/2026', body: 'b' },
          ],
        },
        field: 'comments.1.createdAt',
        message: 'comments[1].createdAt must be an ISO 8601 date and time with a zone, e.g. 2026-11-24T09:30:00Z; found "24/11/2026"',
      },
      {
        kind: 'wrong value of a choice in a link',
        ticket: { links: [{ kind: 'pullRequest', name: 'x' }] },
        field: 'links.0.kind',
        message: 'links[0].kind must be "branch" or "mergeRequest"; found "pullRequest"',
      },
      { kind: 'a list where text belongs', ticket: { team: ['billing'] }, field: 'team', message: 'team must be a string; found a list' },
      {
        kind: 'wrong kind of address',
        ticket: { url: 'ftp://support.example.com/SUP-1' },
        field: 'url',
        message: 'url must be an http or https URL; found "ftp://support.example.com/SUP-1"',
      },
      {
        kind: 'a long value, cut',
        ticket: { severity: 'x'.repeat(500) },
        field: 'severity',
        message: `severity must be 1, 2, 3, 4 or null; found "${'x'.repeat(57)}…"`,
      },
    ];
    for (const { kind, ticket, field, message } of cases) {
      it(kind, () => {
        const raw = rawTicket('SUP-1', ticket);
        for (const [key, value] of Object.entries(ticket)) if (value === undefined) delete raw[key];
        const outcome = parseQueueText(JSON.stringify({ version: 1, tickets: [raw] }), context);
        assert.ok(outcome.ok);
        assert.deepEqual(
          outcome.queue.problems.map((p) => [p.field, p.message]),
          [[field, message]],
        );
      });
    }
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
    const outcome = parseQueueText('{\n  "version": 1,\n  "tickets": [,]\n}\n', { ...context, locateSyntaxError: firstSyntaxError });
    assert.equal(outcome.ok, false);
    assert.ok(!outcome.ok);
    assert.match(outcome.message, /^\.support\/queue\.json is not valid JSON at line 3, column 15 \(value expected\)\. The file was left as it is\.$/);
  });

  it('rejects an unknown version', () => {
    const outcome = parseQueueText(JSON.stringify({ version: 2, tickets: [] }), context);
    assert.ok(!outcome.ok);
    assert.equal(outcome.message, '.support/queue.json is not a version 1 queue file: version must be 1; found 2.');
    const listless = parseQueueText(JSON.stringify({ version: 1, tickets: { a: 1 } }), context);
    assert.ok(!listless.ok);
    assert.equal(listless.message, '.support/queue.json is not a version 1 queue file: tickets must be a list; found an object.');
  });

  it('detects the indentation to keep on write', () => {
    const tabbed = parseQueueText('{\n\t"version": 1,\n\t"tickets": []\n}', context);
    const four = parseQueueText('{\n    "version": 1,\n    "tickets": []\n}', context);
    assert.ok(tabbed.ok && four.ok);
    assert.equal(tabbed.queue.indent, '\t');
    assert.equal(four.queue.indent, 4);
  });
});
