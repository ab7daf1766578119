/**
 * "Seen before?" measured: indexing 50,000 resolved tickets, a query for each of the evaluation
 * set's open tickets among them (median and worst), the stored index's size and the time to load
 * it back, and the evaluation set's top-5 rate in its tuning and held-out halves, among 400 other
 * resolved tickets and among all 50,000. Prints figures as JSON on the last line.
 */
import { performance } from 'node:perf_hooks';
import type { TicketHistoryRecord } from '../../src/core/history/ticketHistory';
import { SimilarIndex } from '../../src/core/similar/similarIndex';
import { distractors } from '../fixtures/similar/distractors';
import { FAULT_PAIRS } from '../fixtures/similar/faultPairs';
import { evaluate } from '../fixtures/similar/similarEvaluation';
import { median } from './percentile';

const TICKETS = 50_000;
const INDEX_TARGET_MS = 10_000;
const QUERY_TARGET_MS = 50;

function records(): TicketHistoryRecord[] {
  const resolvedAt = new Date('2026-01-02T00:00:00Z');
  const createdAt = new Date('2026-01-01T00:00:00Z');
  const pairs = FAULT_PAIRS.map((pair, i) => ({ id: `pair-${i}`, ...pair.resolved }));
  const others = distractors(TICKETS - pairs.length, 50).map((ticket, i) => ({ id: `other-${i}`, ...ticket }));
  return [...pairs, ...others].map((t) => ({ sourceId: 'bench', id: t.id, key: t.id, title: t.title, text: t.text, severity: 3, createdAt, resolvedAt }));
}

function main(): void {
  const all = records();
  const started = performance.now();
  const index = SimilarIndex.empty();
  for (const record of all) index.update(record);
  const indexMs = performance.now() - started;

  const queryTimes: number[] = [];
  const atScale = { tuning: 0, heldOut: 0 };
  for (const [i, pair] of FAULT_PAIRS.entries()) {
    const before = performance.now();
    const hits = index.similarTo({ sourceId: 'bench', id: `open-${i}`, ...pair.open }, 5);
    queryTimes.push(performance.now() - before);
    if (hits.some((hit) => hit.id === `pair-${i}`)) atScale[i % 2 === 0 ? 'tuning' : 'heldOut']++;
  }
  const serialised = JSON.stringify(index.toJSON());
  const loading = performance.now();
  SimilarIndex.load(JSON.parse(serialised));
  const loadMs = performance.now() - loading;
  const quality = evaluate();

  const figures = {
    tickets: all.length,
    indexMs: Math.round(indexMs),
    indexRatio: Number((indexMs / INDEX_TARGET_MS).toFixed(2)),
    queryMedianMs: Number(median(queryTimes).toFixed(2)),
    queryMaxMs: Number(Math.max(...queryTimes).toFixed(2)),
    queryRatio: Number((Math.max(...queryTimes) / QUERY_TARGET_MS).toFixed(2)),
    storedMB: Number((serialised.length / 1024 / 1024).toFixed(1)),
    loadMs: Math.round(loadMs),
    top5Tuning: Number((quality.tuning.inTop5 / quality.tuning.pairs).toFixed(3)),
    top5HeldOut: Number((quality.heldOut.inTop5 / quality.heldOut.pairs).toFixed(3)),
    top5TuningAtScale: Number((atScale.tuning / quality.tuning.pairs).toFixed(3)),
    top5HeldOutAtScale: Number((atScale.heldOut / quality.heldOut.pairs).toFixed(3)),
    pairs: { tuning: quality.tuning.pairs, heldOut: quality.heldOut.pairs },
  };
  console.log(`Indexed ${figures.tickets} resolved tickets in ${figures.indexMs} ms (target ${INDEX_TARGET_MS} ms, ratio ${figures.indexRatio})`);
  console.log(`Query: median ${figures.queryMedianMs} ms, worst ${figures.queryMaxMs} ms (target ${QUERY_TARGET_MS} ms, worst/target ${figures.queryRatio})`);
  console.log(`Stored index ${figures.storedMB} MB, loaded in ${figures.loadMs} ms`);
  console.log(
    `Partner in the top 5: tuning half ${quality.tuning.inTop5}/${quality.tuning.pairs}, held-out half ${quality.heldOut.inTop5}/${quality.heldOut.pairs} (target 80%)`,
  );
  console.log(`Among all ${figures.tickets}: tuning half ${atScale.tuning}/${quality.tuning.pairs}, held-out half ${atScale.heldOut}/${quality.heldOut.pairs}`);
  console.log(JSON.stringify(figures));
}

main();
