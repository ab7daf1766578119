/**
 * A service request's SLAs as one due time. Each SLA metric has at most one ongoing cycle; the
 * request is due at the soonest breach among the cycles that are running. A paused cycle keeps the
 * breach time it had when it stopped, which is stale by the time anyone reads it, so a paused SLA
 * never makes a request due: when every ongoing cycle is paused, the request is shown as paused.
 */
import type { JsmSla } from './jiraSchemas';

export interface SlaReading {
  /** The next breach among running cycles; undefined when none runs. */
  readonly dueAt?: Date;
  /** Every ongoing cycle is paused (waiting for the customer, outside calendar hours). */
  readonly paused: boolean;
  /** The earliest breach that already happened, in a running or completed cycle; null when none did. */
  readonly breachedAt: Date | null;
}

export function readSlas(slas: readonly JsmSla[]): SlaReading {
  const ongoing = slas.flatMap((s) => (s.ongoingCycle ? [s.ongoingCycle] : []));
  const running = ongoing.filter((c) => !c.paused && c.breachTime !== undefined);
  const due = running.map((c) => c.breachTime?.epochMillis ?? Number.POSITIVE_INFINITY);
  const breached = [...ongoing, ...slas.flatMap((s) => s.completedCycles)]
    .filter((c) => c.breached === true && c.breachTime !== undefined)
    .map((c) => c.breachTime?.epochMillis ?? Number.POSITIVE_INFINITY);
  return {
    dueAt: due.length > 0 ? new Date(Math.min(...due)) : undefined,
    paused: ongoing.length > 0 && running.length === 0 && ongoing.every((c) => c.paused === true),
    breachedAt: breached.length > 0 ? new Date(Math.min(...breached)) : null,
  };
}
