/**
 * The queue filter beside the region filter: severity, status, team, organisation, and "breached or
 * due within the hour". Within a dimension any chosen value matches; every dimension must match.
 */
import * as l10n from '@vscode/l10n';
import { SEVERITIES, severityLabel, type Severity } from './severity';
import { slaState, type SlaTargets } from './sla';
import type { Ticket } from './ticket';

export interface TicketFilter {
  /** Empty: every severity; `unknown` is a ticket not yet triaged. */
  readonly severities: readonly Severity[];
  /** Empty: every status; compared without case, as sources spell them differently. */
  readonly statuses: readonly string[];
  /** Empty: every team. */
  readonly teams: readonly string[];
  /** Empty: every organisation. */
  readonly organizations: readonly string[];
  /** Only tickets that breached their SLA or are due within the hour. */
  readonly urgentOnly: boolean;
}

export const NO_TICKET_FILTER: TicketFilter = { severities: [], statuses: [], teams: [], organizations: [], urgentOnly: false };

export function isFiltering(filter: TicketFilter): boolean {
  return filter.urgentOnly || filter.severities.length + filter.statuses.length + filter.teams.length + filter.organizations.length > 0;
}

/** A ticket without a team or organisation is hidden once that dimension is filtered: it is not one of those chosen. */
export function applyTicketFilter(tickets: readonly Ticket[], filter: TicketFilter, targets: SlaTargets, now: Date): Ticket[] {
  const statuses = new Set(filter.statuses.map((s) => s.toLowerCase()));
  const matches = (chosen: readonly string[], value: string | undefined): boolean => chosen.length === 0 || (value !== undefined && chosen.includes(value));
  return tickets.filter(
    (t) =>
      (filter.severities.length === 0 || filter.severities.includes(t.severity)) &&
      (statuses.size === 0 || statuses.has(t.status.toLowerCase())) &&
      matches(filter.teams, t.team) &&
      matches(filter.organizations, t.organization) &&
      (!filter.urgentOnly || ['breached', 'dueSoon'].includes(slaState(t, targets, now))),
  );
}

export interface FilterChoices {
  readonly severities: readonly Severity[];
  readonly statuses: readonly string[];
  readonly teams: readonly string[];
  readonly organizations: readonly string[];
}

/** What the queue holds, to choose from; values already chosen stay choosable even when no ticket has them now. */
export function filterChoices(tickets: readonly Ticket[], current: TicketFilter): FilterChoices {
  const sorted = (values: readonly string[]): string[] => [...new Set(values)].sort((a, b) => a.localeCompare(b));
  const severities = new Set<Severity>([...tickets.map((t) => t.severity), ...current.severities]);
  return {
    severities: SEVERITIES.filter((s) => severities.has(s)),
    statuses: sorted([...tickets.map((t) => t.status.toLowerCase()), ...current.statuses]),
    teams: sorted([...tickets.flatMap((t) => (t.team ? [t.team] : [])), ...current.teams]),
    organizations: sorted([...tickets.flatMap((t) => (t.organization ? [t.organization] : [])), ...current.organizations]),
  };
}

/** For the view's title bar: `S1, S2 · open · breached or due soon`; empty when nothing is filtered. */
export function describeTicketFilter(filter: TicketFilter): string {
  const severities = SEVERITIES.filter((s) => filter.severities.includes(s)).map(severityLabel);
  return [severities, filter.statuses, filter.teams, filter.organizations, filter.urgentOnly ? [l10n.t('breached or due soon')] : []]
    .filter((values) => values.length > 0)
    .map((values) => values.join(', '))
    .join(' · ');
}
