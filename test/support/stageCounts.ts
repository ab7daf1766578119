/** Reads the counts a test stage wrote, treating a missing or empty record as a failure. */
import { existsSync, readFileSync } from 'node:fs';
import type { StageCounts } from './countingReporter';

export function readStageCounts(file: string): StageCounts | undefined {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as StageCounts;
}

/** A stage passed only when it recorded tests, all of which passed. */
export function stagePassed(counts: StageCounts | undefined): boolean {
  return counts !== undefined && counts.failed === 0 && counts.passed > 0;
}
