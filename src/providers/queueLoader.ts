/**
 * Loads the queue from every source at once. Each source is paged through to the end; a source that
 * fails does not stop the others, and its failure is returned beside the tickets that did load.
 * A ticket that comes twice (a server whose pages shifted while they were read) is kept once, as it
 * was read last: the view cannot show two rows with one id.
 */
import type { Ticket } from '../core/ticket';
import type { SourceFailure } from './sourceResult';
import type { QueueProblem, TicketSource } from './ticketSource';

/** A bound on pages per source, so a server that always answers "there is more" cannot loop us forever. */
const MAX_PAGES = 1_000;

export interface SourceLoad {
  readonly sourceId: string;
  readonly tickets: readonly Ticket[];
  readonly problems: readonly QueueProblem[];
  readonly failure?: SourceFailure;
}

export function loadAllSources(sources: readonly TicketSource[], signal?: AbortSignal): Promise<SourceLoad[]> {
  return Promise.all(sources.map((source) => loadSource(source, signal)));
}

export async function loadSource(source: TicketSource, signal?: AbortSignal): Promise<SourceLoad> {
  const tickets = new Map<string, Ticket>();
  const problems: QueueProblem[] = [];
  const load = (failure?: SourceFailure): SourceLoad => ({ sourceId: source.id, tickets: [...tickets.values()], problems, ...(failure ? { failure } : {}) });
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await source.listQueue({ cursor, signal });
    if (result.kind !== 'ok') return load(result);
    for (const ticket of result.value.tickets) tickets.set(ticket.id, ticket);
    problems.push(...result.value.problems);
    cursor = result.value.nextCursor;
    if (cursor === undefined) return load();
  }
  return load({ kind: 'invalidResponse', message: `${source.label} kept announcing more pages after ${MAX_PAGES}; the queue shown is incomplete.` });
}
