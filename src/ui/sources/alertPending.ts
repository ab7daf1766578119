/**
 * Whether an alert about one of my tickets is about to be told: its clock crosses "due soon" or
 * its breach before the next automatic refresh would come. Such an alert should be told from a
 * fresh read (the ticket may have been solved or handed off meanwhile), so it keeps the refresh
 * going even with nothing on screen. New unclaimed tickets are not counted: only a refresh can
 * find them, and refreshing for them would mean refreshing always.
 */
import type { AlertSettings } from '../../core/alerts/alertRules';
import { slaDueAt } from '../../core/sla';
import { isAssignedTo, type Ticket } from '../../core/ticket';

export interface AlertMoment {
  readonly tickets: readonly Ticket[];
  /** Who "me" is, per source id. */
  readonly me: ReadonlyMap<string, string>;
  readonly now: number;
}

export function alertAwaitsRead(moment: AlertMoment, settings: AlertSettings, withinMs: number): boolean {
  const hidden = new Set(settings.hiddenStatuses.map((s) => s.toLowerCase()));
  return moment.tickets.some((ticket) => {
    if (hidden.has(ticket.status.toLowerCase()) || !settings.severities.includes(ticket.severity)) return false;
    if (!isAssignedTo(ticket, moment.me.get(ticket.sourceId))) return false;
    const dueAt = slaDueAt(ticket, settings.targets)?.getTime();
    if (dueAt === undefined) return false;
    return [dueAt - settings.dueSoonMinutes * 60_000, dueAt].some((at) => at > moment.now && at <= moment.now + withinMs);
  });
}
