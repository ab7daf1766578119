/**
 * Decides which alerts to tell, from the queue of every source at one moment, who "me" is and the
 * clock. It is asked on every queue change and again as time passes, and it keeps what it needs
 * between asks: which tickets each source has shown before (so only arrivals are "new") and which
 * were mine. Every event it returns is added to the shown keys, so none is told twice.
 */
import { severityRank, type Severity } from '../severity';
import { slaDueAt, type SlaTargets } from '../sla';
import { isAssignedTo, ticketUid, type Ticket } from '../ticket';
import { alertKey, type AlertEvent, type AlertKind } from './alertEvent';
import type { ShownAlerts } from './shownAlerts';

export interface AlertSettings {
  /** Tickets of other severities, and untriaged ones, raise no alert. */
  readonly severities: readonly Severity[];
  /** How long before its breach one of my tickets is "due soon". */
  readonly dueSoonMinutes: number;
  readonly targets: SlaTargets;
  /** Statuses that mean "done": such tickets raise nothing. */
  readonly hiddenStatuses: readonly string[];
}

/** The queue as the alerts see it at one moment. */
export interface QueueMoment {
  readonly tickets: readonly Ticket[];
  /** Who "me" is, per source id. */
  readonly me: ReadonlyMap<string, string>;
  /** Sources whose last load succeeded. The others show their last good tickets (stale) or none, and stay silent. */
  readonly freshSources: ReadonlySet<string>;
  readonly now: Date;
}

const KIND_ORDER: Record<AlertKind, number> = { breached: 0, dueSoon: 1, newUnclaimed: 2 };

export class AlertRules {
  /** Per source, every ticket id a fresh load has held; no entry until the source's first fresh load. */
  private readonly seen = new Map<string, Set<string>>();
  /** Uids of the tickets that were mine at the last look. */
  private readonly mine = new Set<string>();

  evaluate(moment: QueueMoment, settings: AlertSettings, shown: ShownAlerts): AlertEvent[] {
    const events: AlertEvent[] = [];
    for (const sourceId of moment.freshSources) {
      const tickets = moment.tickets.filter((t) => t.sourceId === sourceId);
      events.push(...this.sourceEvents(sourceId, tickets, moment, settings, shown));
      this.remember(sourceId, tickets, moment.me.get(sourceId));
    }
    return events.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || severityRank(a.ticket.severity) - severityRank(b.ticket.severity));
  }

  private sourceEvents(sourceId: string, tickets: readonly Ticket[], moment: QueueMoment, settings: AlertSettings, shown: ShownAlerts): AlertEvent[] {
    const seen = this.seen.get(sourceId);
    const hidden = new Set(settings.hiddenStatuses.map((s) => s.toLowerCase()));
    const events: AlertEvent[] = [];
    for (const ticket of tickets) {
      if (hidden.has(ticket.status.toLowerCase()) || !settings.severities.includes(ticket.severity)) continue;
      const dueAt = slaDueAt(ticket, settings.targets);
      // The first fresh load of a source is what was there already: only later arrivals are new.
      const arrived = seen !== undefined && !seen.has(ticket.id);
      if (ticket.assignee === null && arrived) events.push({ key: alertKey(ticket, 'newUnclaimed', dueAt), kind: 'newUnclaimed', ticket, dueAt });
      const kind = isAssignedTo(ticket, moment.me.get(sourceId)) ? clockKind(dueAt, moment.now, settings.dueSoonMinutes) : undefined;
      if (!kind) continue;
      const event: AlertEvent = { key: alertKey(ticket, kind, dueAt), kind, ticket, dueAt };
      // A ticket I just took while it was already late tells me nothing new; it is told when its clock moves on.
      if (seen?.has(ticket.id) && !this.mine.has(ticketUid(ticket))) shown.add(event.key);
      else events.push(event);
    }
    return events.filter((event) => {
      if (shown.has(event.key)) return false;
      shown.add(event.key);
      return true;
    });
  }

  private remember(sourceId: string, tickets: readonly Ticket[], me: string | undefined): void {
    const seen = this.seen.get(sourceId) ?? new Set<string>();
    for (const ticket of tickets) seen.add(ticket.id);
    this.seen.set(sourceId, seen);
    for (const uid of this.mine) if (uid.startsWith(`${sourceId}:`)) this.mine.delete(uid);
    for (const ticket of tickets) if (isAssignedTo(ticket, me)) this.mine.add(ticketUid(ticket));
  }
}

/** Where my ticket's clock stands, when that is worth an alert. */
function clockKind(dueAt: Date | undefined, now: Date, dueSoonMinutes: number): AlertKind | undefined {
  if (!dueAt) return undefined;
  const remaining = dueAt.getTime() - now.getTime();
  if (remaining <= 0) return 'breached';
  return remaining <= dueSoonMinutes * 60_000 ? 'dueSoon' : undefined;
}
