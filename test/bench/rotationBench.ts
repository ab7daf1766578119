/**
 * The dashboard's monthly figures from 20,000 history records spread over three years (the last
 * twelve months counted, the rest read and left out), with the SLA targets applied to the records
 * whose source gives no breach time. Prints figures as JSON on the last line.
 */
import { performance } from 'node:perf_hooks';
import type { TicketHistoryRecord } from '../../src/core/history/ticketHistory';
import { rotationFigures } from '../../src/core/rotation/rotationFigures';
import { localZoneOffset } from '../../src/core/rotation/zoneMonths';
import { DEFAULT_SLA_TARGETS } from '../../src/core/sla';
import { median } from './percentile';

const RECORDS = 20_000;
const RUNS = 15;
const TARGET_MS = 200;
const now = new Date('2026-11-24T12:00:00Z');
const THREE_YEARS_MS = 3 * 365 * 24 * 3_600_000;
const TEAMS = ['api-platform', 'billing', 'data', 'frontend', 'infra', 'mobile'];

/** A fixed sequence, so every run measures the same records. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function records(): TicketHistoryRecord[] {
  const random = seeded(16);
  return Array.from({ length: RECORDS }, (_, i) => {
    const created = now.getTime() - random() * THREE_YEARS_MS;
    const claimed = created + random() * 8 * 3_600_000;
    const resolved = claimed + random() * 72 * 3_600_000;
    const open = resolved > now.getTime() || random() < 0.05;
    return {
      sourceId: 'bench',
      id: String(i),
      key: `SUP-${i}`,
      title: 'Checkout fails',
      text: '',
      severity: ([1, 2, 3, 4, 'unknown'] as const)[Math.floor(random() * 5)] ?? 3,
      team: random() < 0.1 ? undefined : TEAMS[Math.floor(random() * TEAMS.length)],
      createdAt: new Date(created),
      firstClaimedAt: random() < 0.1 ? null : new Date(claimed),
      resolvedAt: open ? null : new Date(resolved),
      breachAt: random() < 0.5 ? undefined : new Date(created + 4 * 3_600_000),
    };
  });
}

const input = records();
const aggregate = (): number => rotationFigures(input, { now, offset: localZoneOffset, targets: DEFAULT_SLA_TARGETS, months: 12 }).total.length;
for (let i = 0; i < 3; i++) aggregate();
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  aggregate();
  times.push(performance.now() - start);
}
const figures = { records: RECORDS, runs: RUNS, medianMs: Number(median(times).toFixed(1)), maxMs: Number(Math.max(...times).toFixed(1)) };
console.log(
  `Rotation figures from ${RECORDS} records over 3 years: ${figures.medianMs} ms median, ${figures.maxMs} ms max of ${RUNS} (target < ${TARGET_MS} ms, ratio ${(figures.medianMs / TARGET_MS).toFixed(2)})`,
);
console.log(JSON.stringify(figures));
