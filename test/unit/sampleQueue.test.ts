import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SLA_TARGETS, slaDueAt } from '../../src/core/sla';
import { queueFileSchema, type LocalTicket } from '../../src/providers/local/queueFileSchema';
import { toTicket } from '../../src/providers/local/localTicketMapping';
import { readSampleQueue, SAMPLE_DEMO_USER, sampleQueueAt } from '../../src/providers/local/sampleQueue';
import { sampleQueue as buildSampleQueue, sampleQueueData } from '../support/sampleQueueData';
import { REPO_ROOT } from '../support/testPaths';

const SAMPLE_DIR = join(__dirname, '..', '..', 'sample');
const now = new Date('2026-11-24T12:00:00Z');
const tickets = buildSampleQueue(now).tickets;

const isOpen = (t: LocalTicket) => t.status !== 'solved' && t.status !== 'closed';
const unclaimedOpen = (severity: LocalTicket['severity']) => tickets.filter((t) => t.assignee === null && isOpen(t) && t.severity === severity);

const minimalTicket = {
  id: 'SUP-1',
  key: 'SUP-1',
  title: 'A title',
  severity: 2,
  status: 'open',
  assignee: null,
  url: 'https://support.acme.example/tickets/SUP-1',
};

/** Every text a reader sees in the ticket panel. */
function texts(ticket: LocalTicket): string[] {
  return [ticket.description ?? '', ...(ticket.comments ?? []).map((c) => c.body)];
}

describe('sample queue', () => {
  it('validates against the queue file schema', () => {
    const result = queueFileSchema.safeParse(buildSampleQueue(now));
    assert.ok(result.success, result.success ? '' : JSON.stringify(result.error.issues, null, 2));
  });

  it('is read from the data file shipped with the extension', async () => {
    assert.deepEqual(await readSampleQueue(REPO_ROOT, now), buildSampleQueue(now));
  });

  it('turns the offsets of the data into times before (or, for an SLA, after) `now`', () => {
    const data = {
      version: 1,
      tickets: [
        {
          ...minimalTicket,
          createdAgo: '1d 2h 30m',
          slaDueAfter: '4h',
          comments: [
            { author: 'a@example.com', ago: '3h', body: 'first', internal: true },
            { author: 'b@example.com', ago: '45m', body: 'latest', internal: false },
          ],
        },
      ],
    };
    const [ticket] = sampleQueueAt(data, now).tickets;
    assert.equal(ticket?.createdAt, '2026-11-23T09:30:00.000Z');
    assert.equal(ticket?.slaDueAt, '2026-11-23T13:30:00.000Z');
    assert.equal(ticket?.updatedAt, '2026-11-24T11:15:00.000Z', 'updated at the latest comment');
    assert.deepEqual(
      ticket?.comments?.map((c) => [c.createdAt, c.internal]),
      [
        ['2026-11-24T09:00:00.000Z', true],
        ['2026-11-24T11:15:00.000Z', false],
      ],
    );
  });

  it('refuses data that is not valid, naming the ticket, the field and why', () => {
    const withTicket = (ticket: object) => ({ version: 1, tickets: [{ ...minimalTicket, createdAgo: '1h', comments: [] }, ticket] });
    assert.throws(
      () => sampleQueueAt(withTicket({ ...minimalTicket, createdAgo: 'yesterday', comments: [] }), now),
      /tickets\.1\.createdAgo: expected a duration/,
    );
    assert.throws(
      () => sampleQueueAt(withTicket({ ...minimalTicket, createdAgo: '1h', comments: [], createdAt: '2026-11-24T08:00:00Z' }), now),
      /tickets\.1: .*createdAt/,
    );
    assert.throws(
      () => sampleQueueAt(withTicket({ ...minimalTicket, title: '', createdAgo: '1h', comments: [] }), now),
      /tickets\.1\.title: must be a non-empty string; found ""/,
    );
    assert.throws(() => sampleQueueAt({ ...(sampleQueueData() as object), version: 2 }, now), /version: must be 1; found 2/);
  });

  it('is the same for the same `now`, and shifts with it', () => {
    assert.deepEqual(buildSampleQueue(now), buildSampleQueue(new Date(now)));
    const later = buildSampleQueue(new Date(now.getTime() + 3_600_000)).tickets[0];
    assert.equal(Date.parse(later?.createdAt ?? '') - Date.parse(tickets[0]?.createdAt ?? ''), 3_600_000);
  });

  it('has enough tickets across every severity, region and team, and some without', () => {
    assert.ok(tickets.length >= 25, `${tickets.length} tickets`);
    assert.deepEqual(new Set(tickets.map((t) => t.severity)), new Set([1, 2, 3, 4, null]));
    assert.equal(tickets.filter((t) => t.severity === null).length, 2);
    assert.deepEqual(new Set(tickets.map((t) => t.region)), new Set(['EMEA', 'AMER', 'APAC', undefined]));
    assert.deepEqual(new Set(tickets.map((t) => t.team)), new Set(['billing', 'api-platform', 'search', undefined]));
    assert.deepEqual(new Set(tickets.map((t) => t.status)), new Set(['new', 'open', 'pending', 'solved', 'closed']));
    assert.equal(tickets.filter((t) => t.status === 'solved').length, 2);
  });

  it('has unique ids and keys SUP-101 onwards, each with its web address', () => {
    assert.equal(new Set(tickets.map((t) => t.id)).size, tickets.length);
    tickets.forEach((t, i) => {
      assert.equal(t.key, `SUP-${101 + i}`);
      assert.equal(t.url, `https://support.acme.example/tickets/${t.key}`);
    });
  });

  it('gives the demo user exactly three open tickets: one S1, one S2, one S3', () => {
    const mine = tickets.filter((t) => isOpen(t) && t.assignee === SAMPLE_DEMO_USER);
    assert.deepEqual(mine.map((t) => t.severity).sort(), [1, 2, 3]);
    assert.ok(
      mine.some((t) => t.links?.some((l) => l.kind === 'branch')),
      'one of them has a fix branch',
    );
  });

  it('leaves urgent work unclaimed and some claimed by colleagues', () => {
    assert.ok(unclaimedOpen(1).length >= 1);
    assert.ok(unclaimedOpen(2).length >= 2);
    const colleagues = tickets.filter((t) => isOpen(t) && t.assignee !== null && t.assignee !== SAMPLE_DEMO_USER);
    assert.ok(colleagues.length >= 5 && colleagues.length <= 8, `${colleagues.length} claimed by colleagues`);
  });

  it('keeps a year of closed tickets, each claimed and resolved after it was created, for the rotation dashboard', () => {
    const closed = tickets.filter((t) => t.status === 'closed');
    assert.ok(closed.length >= 60 && closed.length <= 100, `${closed.length} closed tickets`);
    const monthsAgo = new Set(closed.map((t) => Math.floor((now.getTime() - Date.parse(t.createdAt)) / (30 * 86_400_000))));
    assert.ok(monthsAgo.size >= 11, `spread over ${monthsAgo.size} months`);
    for (const t of closed) {
      assert.ok(t.resolvedAt && Date.parse(t.resolvedAt) > Date.parse(t.createdAt), `${t.key} resolved after creation`);
      if (t.claimedAt)
        assert.ok(Date.parse(t.claimedAt) >= Date.parse(t.createdAt) && Date.parse(t.claimedAt) < Date.parse(t.resolvedAt), `${t.key} claimed in between`);
    }
    assert.ok(
      closed.some((t) => t.claimedAt === undefined && t.assignee === null),
      'some were solved without a claim',
    );
  });

  it('has tickets within SLA and breached ones, some with their own due time', () => {
    const dues = tickets.filter(isOpen).map((t) => slaDueAt(toTicket(t, 'local'), DEFAULT_SLA_TARGETS));
    assert.ok(
      dues.some((due) => due !== undefined && due > now),
      'some within SLA',
    );
    assert.ok(
      dues.some((due) => due !== undefined && due <= now),
      'some breached',
    );
    assert.ok(tickets.filter((t) => t.slaDueAt).length >= 2);
    for (const t of tickets) {
      assert.ok(Date.parse(t.createdAt) <= now.getTime(), `${t.key} created in the past`);
      assert.ok(Date.parse(t.updatedAt ?? t.createdAt) >= Date.parse(t.createdAt), `${t.key} updated after creation`);
    }
  });

  it('mixes customer comments and internal notes', () => {
    const comments = tickets.flatMap((t) => t.comments ?? []);
    assert.ok(comments.some((c) => c.internal === true));
    assert.ok(comments.some((c) => c.internal === false));
  });

  it('mentions only files that exist in sample/, and lines within them', () => {
    let mentions = 0;
    for (const ticket of tickets) {
      for (const text of texts(ticket)) {
        for (const match of text.matchAll(/(services\/[\w/.-]+\.(?:rb|ts|py))(?::(\d+)|", line (\d+))?/g)) {
          const [, path = '', colonLine, pythonLine] = match;
          const file = join(SAMPLE_DIR, path);
          assert.ok(existsSync(file), `${ticket.key} mentions ${path}, which is not in sample/`);
          const line = Number(colonLine ?? pythonLine ?? 0);
          const lineCount = readFileSync(file, 'utf8').split('\n').length;
          assert.ok(line <= lineCount, `${ticket.key} mentions ${path}:${line}, the file has ${lineCount} lines`);
          mentions++;
        }
      }
    }
    assert.ok(mentions >= 30, `${mentions} file mentions`);
  });

  it('shows stack traces in Ruby, Node and Python', () => {
    const descriptions = tickets.map((t) => t.description ?? '').join('\n');
    assert.match(descriptions, /~~~ruby\n[^~]*\.rb:\d+:in '/);
    assert.match(descriptions, /~~~text\n[^~]*at async [^~]*\.ts:\d+:\d+/);
    assert.match(descriptions, /~~~python\nTraceback \(most recent call last\):/);
  });
});
