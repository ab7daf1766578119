/**
 * Percentiles by linear interpolation between the closest ranks (the spreadsheet `PERCENTILE.INC`
 * rule): the median of 1 h and 3 h is 2 h, as a team lead checking by hand would expect.
 */

/** The `p` (0…1) percentile of values sorted ascending; null for none. */
export function percentileOfSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const lower = sorted[below];
  const upper = sorted[Math.min(below + 1, sorted.length - 1)];
  return lower + (upper - lower) * (position - below);
}
