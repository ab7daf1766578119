/** The dashboard's "this week": open by severity, breached now, held per person, oldest unclaimed. */
import * as l10n from '@vscode/l10n';
import type { DashboardFigures } from '../src/shared/dashboardMessages';
import { el } from './dom';

type Week = DashboardFigures['thisWeek'];
type Waiting = Week['breachedNow'][number];

function ticketLink(ticket: Waiting, open: (ticket: Waiting) => void): HTMLElement {
  const link = el('a', { text: `${ticket.key} ${ticket.title}`, attributes: { href: '#' } });
  link.addEventListener('click', (event) => {
    event.preventDefault();
    open(ticket);
  });
  return link;
}

function block(title: string, body: HTMLElement): HTMLElement {
  return el('div', { className: 'week-block' }, [el('h3', { text: title }), body]);
}

function countTable(caption: string, heading: string, rows: readonly { name: string; count: number }[]): HTMLElement {
  if (rows.length === 0) return el('p', { className: 'muted', text: l10n.t('None') });
  return el('table', { className: 'figures compact' }, [
    el('caption', { text: caption, className: 'visually-hidden' }),
    el('thead', {}, [
      el('tr', {}, [el('th', { text: heading, attributes: { scope: 'col' } }), el('th', { text: l10n.t('Tickets'), attributes: { scope: 'col' } })]),
    ]),
    el(
      'tbody',
      {},
      rows.map((r) => el('tr', {}, [el('th', { text: r.name, attributes: { scope: 'row' } }), el('td', { text: String(r.count) })])),
    ),
  ]);
}

export function renderThisWeek(week: Week, open: (ticket: Waiting) => void): HTMLElement {
  const breached =
    week.breachedNow.length === 0
      ? el('p', { className: 'muted', text: l10n.t('None') })
      : el(
          'ul',
          { className: 'tickets' },
          week.breachedNow.map((t) =>
            el('li', {}, [ticketLink(t, open), el('span', { className: 'muted', text: ` · ${l10n.t('breached {0} h ago', t.hours)}` })]),
          ),
        );
  const oldest = week.oldestUnclaimed
    ? el('p', {}, [
        ticketLink(week.oldestUnclaimed, open),
        el('span', { className: 'muted', text: ` · ${l10n.t('waiting {0} h', week.oldestUnclaimed.hours)}` }),
      ])
    : el('p', { className: 'muted', text: l10n.t('None') });
  return el('section', { className: 'week', attributes: { 'aria-labelledby': 'week-title' } }, [
    el('h2', { text: l10n.t('This week'), attributes: { id: 'week-title' } }),
    el('div', { className: 'week-grid' }, [
      block(
        l10n.t('Open by severity'),
        countTable(
          l10n.t('Open by severity'),
          l10n.t('Severity'),
          week.openBySeverity.map((s) => ({ name: s.severity, count: s.count })),
        ),
      ),
      block(l10n.t('Breached now'), breached),
      block(
        l10n.t('Claimed per person'),
        countTable(
          l10n.t('Claimed per person'),
          l10n.t('Person'),
          week.claimedPerPerson.map((p) => ({ name: p.person, count: p.count })),
        ),
      ),
      block(l10n.t('Oldest unclaimed'), oldest),
    ]),
  ]);
}
