/**
 * The rotation as it stands: what is open by severity, what is breached right now, who holds how
 * much, and the ticket that has waited longest for anyone. Read from the queue's tickets, which
 * carry their assignees (history records do not).
 */
import { severityLabel, severityRank } from '../severity';
import { slaDueAt, type SlaTargets } from '../sla';
import type { Ticket } from '../ticket';

export interface WaitingTicket {
  readonly sourceId: string;
  readonly id: string;
  readonly key: string;
  readonly title: string;
  /** Hours since it was created, or since it breached for a breached one. */
  readonly hours: number;
}

export interface ThisWeek {
  /** `S1`…`S4`, `S?`, each with its number of open tickets, most severe first; severities with none left out. */
  readonly openBySeverity: readonly { readonly severity: string; readonly count: number }[];
  /** Most overdue first. */
  readonly breachedNow: readonly WaitingTicket[];
  /** Open tickets held per person, most first. */
  readonly claimedPerPerson: readonly { readonly person: string; readonly count: number }[];
  readonly oldestUnclaimed: WaitingTicket | undefined;
}

export interface ThisWeekOptions {
  readonly now: Date;
  readonly targets: SlaTargets;
  /** Statuses that are not open (the queue's hidden statuses). */
  readonly closedStatuses: readonly string[];
}

export function thisWeek(tickets: readonly Ticket[], options: ThisWeekOptions): ThisWeek {
  const closed = new Set(options.closedStatuses.map((s) => s.toLowerCase()));
  const open = tickets.filter((t) => !closed.has(t.status.toLowerCase()));
  const hoursSince = (at: Date): number => Math.round(((options.now.getTime() - at.getTime()) / 3_600_000) * 10) / 10;
  const waiting = (t: Ticket, since: Date): WaitingTicket => ({ sourceId: t.sourceId, id: t.id, key: t.key, title: t.title, hours: hoursSince(since) });
  const breachedNow = open.flatMap((t) => {
    const due = slaDueAt(t, options.targets);
    return due && due <= options.now ? [waiting(t, due)] : [];
  });
  const oldest = open.filter((t) => t.assignee === null).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0];
  return {
    openBySeverity: countBy(
      [...open].sort((a, b) => severityRank(a.severity) - severityRank(b.severity)),
      (t) => severityLabel(t.severity),
    ).map(({ name, count }) => ({ severity: name, count })),
    breachedNow: breachedNow.sort((a, b) => b.hours - a.hours),
    claimedPerPerson: countBy(
      open.filter((t) => t.assignee !== null),
      (t) => (t.assignee as NonNullable<Ticket['assignee']>).name,
    )
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
      .map(({ name, count }) => ({ person: name, count })),
    oldestUnclaimed: oldest && waiting(oldest, oldest.createdAt),
  };
}

function countBy<T>(items: readonly T[], key: (item: T) => string): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count }));
}
