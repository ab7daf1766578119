/** What the scenarios share: a fresh server per scenario, and the assertions about its final state. */
import { strict as assert } from 'node:assert';
import type { TicketHistoryRecord } from '../../../src/core/history/ticketHistory';
import type { Ticket } from '../../../src/core/ticket';
import { loadSource, type SourceLoad } from '../../../src/providers/queueLoader';
import type { SourceResult } from '../../../src/providers/sourceResult';
import type { QueueProblem, TicketSeen, TicketSource } from '../../../src/providers/ticketSource';
import type { ConformanceSubject, FakeServer, ServerTicket, Transport } from '../conformanceSubject';

/** A fresh fake server for every scenario of the enclosing `describe`, closed after it. */
export function useServer(subject: ConformanceSubject): { readonly server: FakeServer; readonly transport: Transport } {
  let current: FakeServer | undefined;
  beforeEach(async () => {
    current = await subject.start();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    get server(): FakeServer {
      if (!current) throw new Error('no server outside a scenario');
      return current;
    },
    get transport(): Transport {
      if (!current?.transport) throw new Error(`${subject.name} declares a transport but its fake offers none`);
      return current.transport;
    },
  };
}

/** `it` when the subject can take part, `it.skip` when its capabilities make the scenario irrelevant. */
export function when(applies: boolean | undefined): Mocha.TestFunction | Mocha.PendingTestFunction {
  return applies ? it : it.skip;
}

export async function load(source: TicketSource): Promise<SourceLoad> {
  const loaded = await loadSource(source);
  assert.equal(loaded.failure, undefined, `the queue loads: ${loaded.failure?.message ?? ''}`);
  return loaded;
}

export async function seenOf(source: TicketSource, id: string): Promise<TicketSeen> {
  const ticket = expectOk(await source.getTicket(id));
  return { id, revision: ticket.revision };
}

export function expectOk<T>(result: SourceResult<T>): T {
  assert.equal(result.kind, 'ok', 'message' in result ? result.message : '');
  if (result.kind !== 'ok') throw new Error('unreachable');
  return result.value;
}

/** Every page of a source's history since `since`; fails when the source still announces more after `maxPages`. */
export async function readWholeHistory(
  source: Required<Pick<TicketSource, 'history'>>,
  since: Date,
  maxPages: number,
): Promise<{ records: TicketHistoryRecord[]; problems: QueueProblem[]; pages: number }> {
  const records: TicketHistoryRecord[] = [];
  const problems: QueueProblem[] = [];
  let cursor: string | undefined;
  for (let pages = 1; pages <= maxPages; pages++) {
    const read = expectOk(await source.history({ since, cursor }));
    records.push(...read.records);
    problems.push(...read.problems);
    cursor = read.nextCursor;
    if (cursor === undefined) return { records, problems, pages };
  }
  assert.fail(`the source kept announcing history pages after ${maxPages}`);
}

export function ticketOn(state: readonly ServerTicket[], id: string): ServerTicket {
  const ticket = state.find((t) => t.id === id);
  assert.ok(ticket, `ticket ${id} is on the server`);
  return ticket;
}

export function assertNoDuplicateRows(tickets: readonly Ticket[]): void {
  const ids = tickets.map((t) => t.id);
  assert.deepEqual(
    ids.filter((id, i) => ids.indexOf(id) !== i),
    [],
    'no ticket is listed twice',
  );
}

/** The queue shows exactly the server's queue, each ticket as the server has it now. */
export function assertQueueIsServer(tickets: readonly Ticket[], state: readonly ServerTicket[]): void {
  assertNoDuplicateRows(tickets);
  const expected = state.filter((t) => t.inQueue);
  assert.deepEqual(tickets.map((t) => t.id).sort(), expected.map((t) => t.id).sort(), 'the queue holds the server’s queue, nothing more, nothing less');
  for (const ticket of tickets) {
    const held = ticketOn(state, ticket.id);
    assert.deepEqual([ticket.title, ticket.assignee?.id ?? null], [held.title, held.assignees[0] ?? null], `ticket ${ticket.id} as the server has it`);
  }
}

/** Notes with exactly this body: a lost answer must never make two. */
export function notesWithBody(ticket: ServerTicket, body: string): ServerTicket['notes'] {
  return ticket.notes.filter((n) => n.body === body);
}

export const FIVE_MINUTES = 5 * 60_000;
