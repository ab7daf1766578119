/**
 * Whether a ticket breached its SLA, and how. The clocks this product keeps are first-response
 * clocks (`sla.ts`), so a ticket is answered by whichever comes first of its first claim and its
 * resolution: one solved without ever being claimed was answered by solving it. It breached when
 * that answer came after its breach time, or when it is still unanswered past it.
 */
import type { TicketHistoryRecord } from '../history/ticketHistory';
import { slaDueAt, type SlaTargets } from '../sla';

export type BreachOutcome =
  /** `by` says what came too late: the first claim, the resolution (never claimed before it), or nothing yet. */
  | { readonly kind: 'breached'; readonly at: Date; readonly by: 'firstClaim' | 'resolution' | 'unanswered' }
  | { readonly kind: 'met'; readonly dueAt: Date }
  /** Not answered yet, and not due yet. */
  | { readonly kind: 'running'; readonly dueAt: Date }
  /** No clock applies: the source says it has no SLA, or the ticket is untriaged with no source time. */
  | { readonly kind: 'noSla' }
  /** `noBreachTime`: neither the source nor the settings give one; `claimUnknown`: the source cannot say when it was first claimed. */
  | { readonly kind: 'unknown'; readonly dueAt?: Date; readonly reason: 'noBreachTime' | 'claimUnknown' };

type BreachFields = Pick<TicketHistoryRecord, 'createdAt' | 'severity' | 'firstClaimedAt' | 'resolvedAt' | 'breachAt'>;

/** `targets` are the per-severity settings, applied only where the source cannot say (`breachAt` undefined). */
export function breachOutcome(record: BreachFields, targets: SlaTargets | undefined, now: Date): BreachOutcome {
  const due = dueAtOf(record, targets);
  if (due === null) return { kind: 'noSla' };
  if (due === undefined) return { kind: 'unknown', reason: 'noBreachTime' };
  const answer = answeredAt(record);
  if (answer === undefined) {
    // A resolution in time answers the ticket whenever the unknown claim came.
    if (record.resolvedAt && record.resolvedAt <= due) return { kind: 'met', dueAt: due };
    return now < due && record.resolvedAt === null ? { kind: 'running', dueAt: due } : { kind: 'unknown', dueAt: due, reason: 'claimUnknown' };
  }
  if (answer === null) return now < due ? { kind: 'running', dueAt: due } : { kind: 'breached', at: due, by: 'unanswered' };
  if (answer.at <= due) return { kind: 'met', dueAt: due };
  return { kind: 'breached', at: due, by: answer.by };
}

function dueAtOf(record: BreachFields, targets: SlaTargets | undefined): Date | null | undefined {
  if (record.breachAt !== undefined) return record.breachAt;
  if (!targets) return undefined;
  return slaDueAt({ createdAt: record.createdAt, severity: record.severity }, targets) ?? null;
}

/** The first answer; null when there is none yet, undefined when the source cannot say. */
function answeredAt(record: BreachFields): { at: Date; by: 'firstClaim' | 'resolution' } | null | undefined {
  const claim = record.firstClaimedAt;
  const resolved = record.resolvedAt;
  if (claim === undefined) return undefined;
  if (claim === null) return resolved === null ? null : { at: resolved, by: 'resolution' };
  return resolved !== null && resolved < claim ? { at: resolved, by: 'resolution' } : { at: claim, by: 'firstClaim' };
}
