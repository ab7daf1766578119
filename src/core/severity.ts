/** Severity 1 (most urgent) to 4, or not yet triaged. */
export type Severity = 1 | 2 | 3 | 4 | 'unknown';

export const SEVERITIES: readonly Severity[] = [1, 2, 3, 4, 'unknown'];

/** `S1` … `S4`, `S?` when unknown. */
export function severityLabel(severity: Severity): string {
  return severity === 'unknown' ? 'S?' : `S${severity}`;
}

/** Sort rank: S1 first, unknown last. */
export function severityRank(severity: Severity): number {
  return severity === 'unknown' ? 5 : severity;
}
