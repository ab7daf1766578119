/**
 * A support floor on one Zendesk account, on a simulated clock: 100 clients polling one view of 500
 * tickets, against a loopback Zendesk that enforces a 400-a-minute account limit and whose search
 * index lags two minutes; a change every 20 seconds (nine in ten an update, one in ten a ticket
 * solved and another created), 30 minutes. People open their editors over the first ten minutes.
 * Measures the account's requests a minute (target ≤ 25% of the limit), the 429s (target 0) and the
 * p95 delay until a change shows in a client's queue (target ≤ 2 minutes). Prints figures as JSON
 * on the last line.
 */
import type { Ticket } from '../../src/core/ticket';
import { loadSource } from '../../src/providers/queueLoader';
import { PollBudget } from '../../src/providers/zendesk/pollBudget';
import type { ZendeskSource } from '../../src/providers/zendesk/zendeskSource';
import { zendeskSource } from '../conformance/zendesk/zendeskSubject';
import { fakeZendesk, MEI, QUEUE_TAG } from '../conformance/zendesk/zendeskServer';
import { percentile } from './percentile';

const CLIENTS = 100;
const TICKETS = 500;
const LIMIT = 400;
const CHANGE_EVERY_MS = 20_000;
const DURATION_MS = 30 * 60_000;
const ARRIVALS_MS = 10 * 60_000;
const SEARCH_LAG_MS = 2 * 60_000;

interface Change {
  readonly at: number;
  /** A ticket leaving the view: seen only through the search index, after its lag. */
  readonly departure?: boolean;
  readonly shows: (tickets: readonly Ticket[]) => boolean;
}

interface Client {
  readonly source: ZendeskSource;
  next: number;
  started: boolean;
  readonly pending: Change[];
}

/** A fixed sequence, so that every run measures the same floor. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

async function main(): Promise<void> {
  let sim = Date.parse('2026-11-24T09:00:00Z');
  const start = sim;
  const server = await fakeZendesk(0, { rateLimit: LIMIT, now: () => sim });
  server.searchLagMs = SEARCH_LAG_MS;
  for (let i = 0; i < TICKETS; i++) server.createTicket({ createdAt: sim - (TICKETS - i) * 60_000 });
  const next = random(42);
  const clients: Client[] = Array.from({ length: CLIENTS }, () => ({
    source: zendeskSource(server, [], { budget: new PollBudget({ now: () => sim, random: next }), elapsed: () => sim }),
    next: start + Math.floor(next() * ARRIVALS_MS),
    started: false,
    pending: [],
  }));
  const delays: number[] = [];
  const departureDelays: number[] = [];
  const updateDelays: number[] = [];
  const perMinute = new Map<number, number>();
  let counted = 0;
  let changes = 0;
  let nextChange = start + CHANGE_EVERY_MS;
  const record = (): void => {
    const minute = Math.floor((sim - start) / 60_000);
    perMinute.set(minute, (perMinute.get(minute) ?? 0) + server.server.requests.length - counted);
    counted = server.server.requests.length;
  };
  const announce = (change: Change): void => {
    for (const client of clients) if (client.started) client.pending.push(change);
  };
  const open = (): number[] => [...server.tickets.values()].filter((t) => t.status === 'open' && t.tags.includes(QUEUE_TAG)).map((t) => t.id);

  while (sim < start + DURATION_MS) {
    const client = clients.reduce((soonest, c) => (c.next < soonest.next ? c : soonest));
    sim = Math.min(client.next, nextChange);
    if (sim === nextChange) {
      changes++;
      const ids = open();
      const id = ids[Math.floor(next() * ids.length)] ?? 0;
      const ticket = server.tickets.get(id);
      if (ticket && changes % 10 === 0) {
        server.update(ticket, { status: 'solved' }, MEI);
        announce({ at: sim, departure: true, shows: (tickets) => !tickets.some((t) => t.id === String(id)) });
        const created = server.createTicket({ subject: `Arrived ${changes}` });
        announce({ at: sim, shows: (tickets) => tickets.some((t) => t.id === String(created.id)) });
      } else if (ticket) {
        const title = `Change ${changes}`;
        server.update(ticket, { subject: title }, MEI);
        const number = changes;
        announce({ at: sim, shows: (tickets) => tickets.some((t) => t.id === String(id) && Number(/^Change (\d+)$/.exec(t.title)?.[1] ?? -1) >= number) });
      }
      nextChange += CHANGE_EVERY_MS;
      continue;
    }
    const loaded = await loadSource(client.source);
    record();
    client.started = true;
    for (const change of [...client.pending]) {
      if (!change.shows(loaded.tickets)) continue;
      delays.push(sim - change.at);
      (change.departure ? departureDelays : updateDelays).push(sim - change.at);
      client.pending.splice(client.pending.indexOf(change), 1);
    }
    client.next = sim + client.source.pollDelayMs();
  }
  await server.server.close();
  const unseen = clients.reduce((sum, c) => sum + c.pending.filter((p) => start + DURATION_MS - p.at > 2 * 60_000).length, 0);
  const minutes = [...perMinute.values()];
  const steady = [...perMinute.entries()].filter(([minute]) => minute >= ARRIVALS_MS / 60_000).map(([, n]) => n);
  const figures = {
    clients: CLIENTS,
    tickets: TICKETS,
    limitPerMinute: LIMIT,
    simulatedMinutes: DURATION_MS / 60_000,
    requests: server.server.requests.length,
    requestsPerMinute: Number((server.server.requests.length / (DURATION_MS / 60_000)).toFixed(1)),
    steadyRequestsPerMinute: Number((steady.reduce((a, b) => a + b, 0) / Math.max(1, steady.length)).toFixed(1)),
    peakMinuteRequests: Math.max(...minutes),
    throttled429: server.throttled,
    changeDelayP50Seconds: Number((percentile(delays, 0.5) / 1000).toFixed(1)),
    changeDelayP95Seconds: Number((percentile(delays, 0.95) / 1000).toFixed(1)),
    updateDelayP95Seconds: Number((percentile(updateDelays, 0.95) / 1000).toFixed(1)),
    departureDelayP95Seconds: Number((percentile(departureDelays, 0.95) / 1000).toFixed(1)),
    changesSeen: delays.length,
    changesNotSeenAfterTwoMinutes: unseen,
  };
  console.log(
    `Zendesk polling: ${figures.requestsPerMinute} requests/min over 30 min (steady ${figures.steadyRequestsPerMinute}, peak minute ${figures.peakMinuteRequests}; target ≤ ${LIMIT / 4}), ${figures.throttled429} 429s (target 0), change seen after p50 ${figures.changeDelayP50Seconds} s, p95 ${figures.changeDelayP95Seconds} s (target ≤ 120 s; updates ${figures.updateDelayP95Seconds} s, tickets leaving the view ${figures.departureDelayP95Seconds} s)`,
  );
  console.log(JSON.stringify(figures));
}

void main();
