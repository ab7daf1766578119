/**
 * Service-level targets. A source that knows its own due time (Zendesk SLAs, a local `slaDueAt`)
 * wins; otherwise the first response is due a per-severity target after the ticket was created.
 */
import * as l10n from '@vscode/l10n';
import { formatDuration } from './duration';
import { severityLabel, type Severity } from './severity';
import type { Ticket } from './ticket';

/** First-response targets in minutes, per severity. */
export interface SlaTargets {
  readonly s1: number;
  readonly s2: number;
  readonly s3: number;
  readonly s4: number;
}

export const DEFAULT_SLA_TARGETS: SlaTargets = { s1: 30, s2: 240, s3: 480, s4: 1440 };

function targetMinutes(severity: Severity, targets: SlaTargets): number | undefined {
  switch (severity) {
    case 1:
      return targets.s1;
    case 2:
      return targets.s2;
    case 3:
      return targets.s3;
    case 4:
      return targets.s4;
    case 'unknown':
      return undefined;
  }
}

/** When the ticket is due, or undefined when no target applies (untriaged, no source SLA). */
export function slaDueAt(ticket: Pick<Ticket, 'slaDueAt' | 'slaPaused' | 'createdAt' | 'severity'>, targets: SlaTargets): Date | undefined {
  // A paused source clock keeps a breach time that no longer holds; the per-severity target would not either.
  if (ticket.slaPaused) return undefined;
  if (ticket.slaDueAt) return ticket.slaDueAt;
  const minutes = targetMinutes(ticket.severity, targets);
  return minutes === undefined ? undefined : new Date(ticket.createdAt.getTime() + minutes * 60_000);
}

/** Within this of its due time a ticket is "due soon": the hour a person can still act in. */
const DUE_SOON_MS = 60 * 60_000;

/** Where a ticket stands against its clock; `none` when it has no clock (untriaged). */
export type SlaState = 'breached' | 'dueSoon' | 'onTrack' | 'none';

export function slaState(ticket: Pick<Ticket, 'slaDueAt' | 'slaPaused' | 'createdAt' | 'severity'>, targets: SlaTargets, now: Date): SlaState {
  const due = slaDueAt(ticket, targets);
  if (!due) return 'none';
  const remaining = due.getTime() - now.getTime();
  return remaining <= 0 ? 'breached' : remaining <= DUE_SOON_MS ? 'dueSoon' : 'onTrack';
}

/** The clock alone: `12m left`, `breached 1h 5m`, `SLA paused`, `untriaged`; empty when there is no clock. */
export function formatSlaClock(ticket: Pick<Ticket, 'slaDueAt' | 'slaPaused' | 'createdAt' | 'severity'>, targets: SlaTargets, now: Date): string {
  if (ticket.slaPaused) return l10n.t('SLA paused');
  const due = slaDueAt(ticket, targets);
  if (!due) return ticket.severity === 'unknown' ? l10n.t('untriaged') : '';
  const remaining = due.getTime() - now.getTime();
  return remaining > 0 ? l10n.t('{0} left', formatDuration(remaining)) : l10n.t('breached {0}', formatDuration(remaining));
}

/** `S1 · 12m left`, `S2 · breached 1h 5m`, `S? · untriaged`, or the bare severity when it has no clock. */
export function formatSla(ticket: Pick<Ticket, 'slaDueAt' | 'slaPaused' | 'createdAt' | 'severity'>, targets: SlaTargets, now: Date): string {
  const label = severityLabel(ticket.severity);
  const clock = formatSlaClock(ticket, targets, now);
  return clock === '' ? label : `${label} · ${clock}`;
}
