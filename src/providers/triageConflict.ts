/** Triage is refused on a ticket that changed since it was seen, as a claim is: the refusal says what it is now. */
import { severityLabel } from '../core/severity';
import type { Ticket } from '../core/ticket';
import type { SourceFailure } from './sourceResult';

export function changedSinceSeen(current: Ticket): SourceFailure {
  const severity = current.severity === 'unknown' ? 'not yet triaged' : severityLabel(current.severity);
  return { kind: 'conflict', holder: null, current, message: `${current.key} changed since you saw it: it is now ${severity}, status "${current.status}".` };
}
