/** The ticket's header: key, title, severity, status, who holds it, the live SLA, who asked. */
import { DEFAULT_SLA_TARGETS, formatSla } from '../src/core/sla';
import type { TicketView } from '../src/shared/panelMessages';
import { el } from './dom';

/** The SLA as the queue words it; the extension sends the due time, so the targets given here never apply. */
export function slaOf(ticket: TicketView, now: Date): string {
  return formatSla(
    { severity: ticket.severity ?? 'unknown', createdAt: new Date(ticket.createdAt), slaDueAt: ticket.slaDueAt ? new Date(ticket.slaDueAt) : undefined },
    DEFAULT_SLA_TARGETS,
    now,
  );
}

export function renderHeader(ticket: TicketView, sourceLabel: string, now: Date): HTMLElement {
  const sla = slaOf(ticket, now);
  const breached = sla.includes('breached');
  const holder = ticket.assignedToMe ? 'Claimed by you' : ticket.assignee ? `Claimed by ${ticket.assignee}` : 'Unclaimed';
  const facts: [string, string | undefined][] = [
    ['Status', ticket.status],
    ['Assignee', holder],
    ['Requester', ticket.requester],
    ['Organisation', ticket.organization],
    ['Preferred region', ticket.region],
    ['Team', ticket.team],
    ['Source', sourceLabel],
  ];
  return el('header', { className: 'ticket-header' }, [
    el('p', { className: 'ticket-key', text: ticket.key }),
    el('h1', { className: 'ticket-title', text: ticket.title }),
    el('p', { className: 'ticket-badges' }, [
      el('span', {
        className: `severity severity-${ticket.severity ?? 'unknown'}`,
        text: ticket.severity === null ? 'Severity not set' : `Severity ${ticket.severity}`,
      }),
      el('span', { className: `sla${breached ? ' sla-breached' : ''}`, text: sla, attributes: { 'data-sla': '', role: 'timer', 'aria-live': 'off' } }),
    ]),
    el(
      'dl',
      { className: 'ticket-facts' },
      facts.filter(([, value]) => value).flatMap(([name, value]) => [el('dt', { text: name }), el('dd', { text: value ?? '' })]),
    ),
    ...(ticket.labels.length > 0
      ? [
          el(
            'ul',
            { className: 'labels', attributes: { 'aria-label': 'Labels' } },
            ticket.labels.map((label) => el('li', { className: 'label', text: label })),
          ),
        ]
      : []),
  ]);
}
