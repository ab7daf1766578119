/** The ticket's header: key, title, severity, status, who holds it, the live SLA, who asked, when it was opened. */
import * as l10n from '@vscode/l10n';
import { DEFAULT_SLA_TARGETS, formatSla, slaState } from '../src/core/sla';
import type { TicketView } from '../src/shared/panelMessages';
import { el } from './dom';
import { ageElement } from './relativeTime';

export interface SlaText {
  readonly text: string;
  readonly breached: boolean;
}

/** The SLA as the queue words it; the extension sends the due time, so the targets given here never apply. */
export function slaOf(ticket: TicketView, now: Date): SlaText {
  const timing = {
    severity: ticket.severity ?? ('unknown' as const),
    createdAt: new Date(ticket.createdAt),
    slaDueAt: ticket.slaDueAt ? new Date(ticket.slaDueAt) : undefined,
    slaPaused: ticket.slaPaused,
  };
  return { text: formatSla(timing, DEFAULT_SLA_TARGETS, now), breached: slaState(timing, DEFAULT_SLA_TARGETS, now) === 'breached' };
}

export function renderHeader(ticket: TicketView, sourceLabel: string, now: Date): HTMLElement {
  const sla = slaOf(ticket, now);
  const holder = ticket.assignedToMe ? l10n.t('Claimed by you') : ticket.assignee ? l10n.t('Claimed by {0}', ticket.assignee) : l10n.t('Unclaimed');
  const facts: [string, string | Node | undefined][] = [
    [l10n.t('Status'), ticket.status],
    [l10n.t('Assignee'), holder],
    [l10n.t('Opened'), ageElement(ticket.createdAt, now)],
    [l10n.t('Requester'), ticket.requester],
    [l10n.t('Organisation'), ticket.organization],
    [l10n.t('Preferred region'), ticket.region],
    [l10n.t('Team'), ticket.team],
    [l10n.t('Source'), sourceLabel],
  ];
  return el('header', { className: 'ticket-header' }, [
    el('p', { className: 'ticket-key', text: ticket.key }),
    el('h1', { className: 'ticket-title', text: ticket.title }),
    el('p', { className: 'ticket-badges' }, [
      el('span', {
        className: `severity severity-${ticket.severity ?? 'unknown'}`,
        text: ticket.severity === null ? l10n.t('Severity not set') : l10n.t('Severity {0}', ticket.severity),
      }),
      el('span', { className: `sla${sla.breached ? ' sla-breached' : ''}`, text: sla.text, attributes: { 'data-sla': '', role: 'timer', 'aria-live': 'off' } }),
    ]),
    el(
      'dl',
      { className: 'ticket-facts' },
      facts.flatMap(([name, value]) =>
        value ? [el('dt', { text: name }), typeof value === 'string' ? el('dd', { text: value }) : el('dd', {}, [value])] : [],
      ),
    ),
    ...(ticket.labels.length > 0
      ? [
          el(
            'ul',
            { className: 'labels', attributes: { 'aria-label': l10n.t('Labels') } },
            ticket.labels.map((label) => el('li', { className: 'label', text: label })),
          ),
        ]
      : []),
  ]);
}
