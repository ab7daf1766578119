/**
 * Validating, grouping and sorting 10,000 tickets, against JSON.parse of the same file (the floor:
 * nothing can show a queue without reading it). Prints figures as JSON on the last line.
 */
import { performance } from 'node:perf_hooks';
import { filterQueue } from '../../src/core/queueFilter';
import { groupQueue } from '../../src/core/queueGrouping';
import { DEFAULT_SLA_TARGETS } from '../../src/core/sla';
import { parseQueueText } from '../../src/providers/local/queueFileParse';
import { median } from './percentile';
import { syntheticQueueText } from './syntheticQueue';

const TICKETS = 10_000;
const RUNS = 15;
const now = new Date('2026-11-24T12:00:00Z');

function time(action: () => void): number {
  const start = performance.now();
  action();
  return performance.now() - start;
}

function showQueue(text: string): number {
  const parsed = parseQueueText(text, { sourceId: 'local', file: 'queue.json' });
  if (!parsed.ok) throw new Error(parsed.message);
  const visible = filterQueue(parsed.queue.tickets, { regions: [], hiddenStatuses: ['solved', 'closed'] });
  const groups = groupQueue(visible, { mode: 'ownership', me: new Map([['local', 'sam.taylor@example.com']]), targets: DEFAULT_SLA_TARGETS });
  return groups.length + parsed.queue.tickets.length;
}

const text = syntheticQueueText(TICKETS, now);
// Warm up both paths so the JIT has compiled them before timing.
for (let i = 0; i < 3; i++) {
  JSON.parse(text);
  showQueue(text);
}
const parseTimes: number[] = [];
const queueTimes: number[] = [];
for (let i = 0; i < RUNS; i++) {
  parseTimes.push(time(() => JSON.parse(text)));
  queueTimes.push(time(() => showQueue(text)));
}
/** Holds the measured queue across the second collection. */
const held: unknown[] = [];

/** Heap held by one shown queue: what the view keeps alive between refreshes. Needs --expose-gc. */
function retainedHeapMB(): number | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  gc();
  const before = process.memoryUsage().heapUsed;
  const parsed = parseQueueText(text, { sourceId: 'local', file: 'queue.json' });
  held.push(parsed, parsed.ok ? groupQueue(parsed.queue.tickets, { mode: 'ownership', me: new Map(), targets: DEFAULT_SLA_TARGETS }) : []);
  gc();
  const after = process.memoryUsage().heapUsed;
  held.length = 0;
  return Number(((after - before) / 1_048_576).toFixed(1));
}

const jsonParseMs = median(parseTimes);
const queueMs = median(queueTimes);
const figures = {
  tickets: TICKETS,
  fileMB: Number((Buffer.byteLength(text) / 1_048_576).toFixed(2)),
  jsonParseMedianMs: Number(jsonParseMs.toFixed(1)),
  validateGroupSortMedianMs: Number(queueMs.toFixed(1)),
  ratioToJsonParse: Number((queueMs / jsonParseMs).toFixed(2)),
  peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  heapUsedMB: Math.round(process.memoryUsage().heapUsed / 1_048_576),
  retainedHeapMB: retainedHeapMB(),
};
console.log(
  `10,000 tickets: JSON.parse ${figures.jsonParseMedianMs} ms, validate+group+sort ${figures.validateGroupSortMedianMs} ms (median of ${RUNS}), ratio ${figures.ratioToJsonParse}× (target ≤ 5×), peak RSS ${figures.peakRssMB} MB`,
);
console.log(JSON.stringify(figures));
