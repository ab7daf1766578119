/**
 * The queue as a tree of groups. Two modes:
 * - `ownership`: Assigned to me; Unclaimed, sub-grouped S1…S4 then unknown; Claimed by others, by
 *   assignee.
 * - `team`: one group per owning team, "No team" last.
 * Tickets inside every group keep the queue order (see queueOrder.ts). Each group says whether it
 * holds a breached or nearly breached ticket, so the tree can open it and mark it.
 */
import * as l10n from '@vscode/l10n';
import { personName } from './personName';
import { sortQueue } from './queueOrder';
import { SEVERITIES, severityLabel, type Severity } from './severity';
import { slaState, type SlaTargets } from './sla';
import { isAssignedTo, type Ticket } from './ticket';

export type GroupingMode = 'ownership' | 'team';

export type QueueGroupKind = 'mine' | 'unclaimed' | 'severity' | 'others' | 'assignee' | 'team';

export interface QueueGroup {
  /** Stable across refreshes, so the tree keeps what the user expanded. */
  readonly id: string;
  readonly kind: QueueGroupKind;
  readonly label: string;
  /** Every ticket below this group, sub-groups included. */
  readonly count: number;
  readonly tickets: readonly Ticket[];
  readonly children: readonly QueueGroup[];
  /** Set on the severity sub-groups of "Unclaimed". */
  readonly severity?: Severity;
  /** The most pressing clock below this group: a breached ticket, else one due within the hour. */
  readonly urgency?: 'breached' | 'dueSoon';
}

export interface GroupingOptions {
  readonly mode: GroupingMode;
  /** Who "me" is in each source, by source id. */
  readonly me: ReadonlyMap<string, string>;
  readonly targets: SlaTargets;
  /** The clock the urgency is read against; without it no group is marked urgent. */
  readonly now?: Date;
}

export function groupQueue(tickets: readonly Ticket[], options: GroupingOptions): QueueGroup[] {
  const sorted = sortQueue(tickets, options.targets);
  const groups = options.mode === 'team' ? groupByTeam(sorted) : groupByOwnership(sorted, options.me);
  const now = options.now;
  return now ? groups.map((group) => withUrgency(group, (t) => slaState(t, options.targets, now))) : groups;
}

function withUrgency(group: QueueGroup, stateOf: (t: Ticket) => ReturnType<typeof slaState>): QueueGroup {
  const children = group.children.map((child) => withUrgency(child, stateOf));
  const states = [...group.tickets.map(stateOf), ...children.map((c) => c.urgency)];
  const urgency = states.includes('breached') ? 'breached' : states.includes('dueSoon') ? 'dueSoon' : undefined;
  return urgency ? { ...group, children, urgency } : { ...group, children };
}

function groupByOwnership(sorted: readonly Ticket[], me: ReadonlyMap<string, string>): QueueGroup[] {
  const mine: Ticket[] = [];
  const unclaimed: Ticket[] = [];
  const others: Ticket[] = [];
  for (const t of sorted) {
    if (t.assignee === null) unclaimed.push(t);
    else if (isAssignedTo(t, me.get(t.sourceId))) mine.push(t);
    else others.push(t);
  }
  const bySeverity = SEVERITIES.map((severity) => ({
    ...leaf(
      `unclaimed/${severityLabel(severity)}`,
      'severity',
      severityLabel(severity),
      unclaimed.filter((t) => t.severity === severity),
    ),
    severity,
  })).filter((g) => g.count > 0);
  const byAssignee = partition(others, (t) => t.assignee?.id.toLowerCase() ?? '').map(([id, group]) =>
    leaf(`others/${id}`, 'assignee', personName(group[0]?.assignee ?? { id, name: id }), group),
  );
  byAssignee.sort((a, b) => a.label.localeCompare(b.label));
  return [
    leaf('mine', 'mine', l10n.t('Assigned to me'), mine),
    branch('unclaimed', 'unclaimed', l10n.t('Unclaimed'), bySeverity),
    branch('others', 'others', l10n.t('Claimed by others'), byAssignee),
  ];
}

function groupByTeam(sorted: readonly Ticket[]): QueueGroup[] {
  const groups = partition(sorted, (t) => t.team ?? '').map(([team, group]) => leaf(`team/${team}`, 'team', team === '' ? l10n.t('No team') : team, group));
  // Named teams alphabetically, "No team" last.
  return groups.sort((a, b) => Number(a.id === 'team/') - Number(b.id === 'team/') || a.label.localeCompare(b.label));
}

/** Splits while keeping the order inside each part. */
function partition(tickets: readonly Ticket[], keyOf: (t: Ticket) => string): [string, Ticket[]][] {
  const parts = new Map<string, Ticket[]>();
  for (const t of tickets) {
    const key = keyOf(t);
    const part = parts.get(key);
    if (part) part.push(t);
    else parts.set(key, [t]);
  }
  return [...parts];
}

function leaf(id: string, kind: QueueGroupKind, label: string, tickets: Ticket[]): QueueGroup {
  return { id, kind, label, count: tickets.length, tickets, children: [] };
}

function branch(id: string, kind: QueueGroupKind, label: string, children: QueueGroup[]): QueueGroup {
  return { id, kind, label, count: children.reduce((n, c) => n + c.count, 0), tickets: [], children };
}
