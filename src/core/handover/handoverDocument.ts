/**
 * The rotation handover: one Markdown document for the next person on rotation, with every ticket
 * I touched, where it stands now (read fresh from its source), its links, what I did and the last
 * next steps I wrote. Text from tickets is escaped; my own next steps are quoted as I wrote them.
 * Times are in UTC: the next person may well be in another region.
 */
import * as l10n from '@vscode/l10n';
import type { JournalAction, JournalEntry } from '../journal/journal';
import { isResolvedStatus } from '../journal/journalRead';
import { formatSla, type SlaTargets } from '../sla';
import type { Ticket, TicketLink } from '../ticket';
import { codeSpan, escapeMarkdown, markdownLink } from './markdownText';
import type { WrittenNextSteps } from './nextSteps';
import type { TouchedTicket } from './touchedTickets';

/** A touched ticket as its source gives it now, with the last next steps I wrote on it; or why it could not be read. */
export type HandoverItem =
  | { readonly touched: TouchedTicket; readonly ticket: Ticket; readonly nextSteps?: WrittenNextSteps }
  | { readonly touched: TouchedTicket; readonly unreadable: string };

export interface HandoverDocumentInput {
  readonly from: Date;
  readonly now: Date;
  /** Who hands over, when known. */
  readonly author: string | undefined;
  readonly items: readonly HandoverItem[];
  readonly targets: SlaTargets;
}

/** Whether a ticket still needs someone: the tickets a handover is posted on. */
export function isStillOpen(item: HandoverItem): item is { readonly touched: TouchedTicket; readonly ticket: Ticket } {
  return 'ticket' in item && !isResolvedStatus(item.ticket.status);
}

export function handoverDocument(input: HandoverDocumentInput): string {
  const open = input.items.filter(isStillOpen);
  const closed = input.items.filter((item) => 'ticket' in item && !isStillOpen(item));
  const unreadable = input.items.filter((item) => 'unreadable' in item);
  const span = l10n.t('From {0} to {1}', utc(input.from), utc(input.now));
  const by = input.author === undefined ? '' : ` ${l10n.t('by {0}', escapeMarkdown(input.author))}`;
  const counts = l10n.t('{0} tickets touched, {1} still open.', input.items.length, open.length);
  const parts = [`# ${l10n.t('Rotation handover')}`, `${span}${by}. ${counts}`];
  if (input.items.length === 0) parts.push(l10n.t('No ticket was touched in this window.'));
  section(parts, l10n.t('Still open'), open, input);
  section(parts, l10n.t('Resolved'), closed, input);
  section(parts, l10n.t('Could not be read now'), unreadable, input);
  return `${parts.join('\n\n')}\n`;
}

function section(parts: string[], heading: string, items: readonly HandoverItem[], input: HandoverDocumentInput): void {
  if (items.length === 0) return;
  parts.push(`## ${heading}`, ...items.map((item) => ticketSection(item, input)));
}

function ticketSection(item: HandoverItem, input: HandoverDocumentInput): string {
  const { touched } = item;
  const title = 'ticket' in item ? `${escapeMarkdown(item.ticket.key)} · ${escapeMarkdown(item.ticket.title)}` : escapeMarkdown(touched.key);
  const lines = [`### ${title}`, ''];
  if ('ticket' in item) lines.push(`- **${l10n.t('Now')}:** ${standing(item.ticket, input)}`);
  else lines.push(`- **${l10n.t('Could not be read')}:** ${escapeMarkdown(item.unreadable)}`);
  const links = linkList('ticket' in item ? item.ticket : undefined, touched.links);
  if (links !== '') lines.push(`- **${l10n.t('Links')}:** ${links}`);
  lines.push(`- **${l10n.t('What I did')}:** ${touched.actions.map(actionText).join('; ')}`);
  const nextSteps = 'ticket' in item ? item.nextSteps : undefined;
  if (nextSteps) {
    lines.push(`- **${l10n.t('Last next steps')}** (${utc(nextSteps.at)}):`, '', ...nextSteps.text.split(/\r?\n/).map((line) => `  > ${line}`.trimEnd()));
  }
  return lines.join('\n');
}

/** `open · S2 · 3h left · held by Sam Taylor · team billing`. */
function standing(ticket: Ticket, input: HandoverDocumentInput): string {
  const clock = isResolvedStatus(ticket.status) ? undefined : formatSla(ticket, input.targets, input.now);
  const holder = ticket.assignee === null ? l10n.t('unclaimed') : l10n.t('held by {0}', escapeMarkdown(ticket.assignee.name));
  const team = ticket.team === undefined ? undefined : l10n.t('team {0}', escapeMarkdown(ticket.team));
  return [escapeMarkdown(ticket.status), clock, holder, team].filter((part) => part !== undefined).join(' · ');
}

/** The ticket's page, then every branch and merge request the source or the journal knows, once each. */
function linkList(ticket: Ticket | undefined, recorded: readonly TicketLink[]): string {
  const known = [...(ticket?.links ?? []), ...recorded];
  const links = known.filter(
    (link, index) =>
      known.findIndex((other) => other.kind === link.kind && (other.name === link.name || (other.url !== undefined && other.url === link.url))) === index,
  );
  const page = ticket?.url === undefined ? [] : [markdownLink(ticket.key, ticket.url)];
  return [...page, ...links.map(linkText)].join(' · ');
}

function linkText(link: TicketLink): string {
  if (link.kind === 'branch') return l10n.t('fix branch {0}', codeSpan(link.name));
  return l10n.t('merge request {0}', markdownLink(link.name, link.url));
}

function actionText(entry: JournalEntry): string {
  const what = entry.action === 'status' && entry.detail !== undefined && isResolvedStatus(entry.detail) ? l10n.t('solved as') : ACTION_TEXT[entry.action]();
  const detail = entry.detail === undefined || entry.action === 'branched' || entry.action === 'mergeRequest' ? '' : ` ${escapeMarkdown(entry.detail)}`;
  return `${what}${detail} (${utc(new Date(entry.at))})`;
}

const ACTION_TEXT: Readonly<Record<JournalAction, () => string>> = {
  claimed: () => l10n.t('claimed'),
  released: () => l10n.t('released'),
  noted: () => l10n.t('internal note'),
  replied: () => l10n.t('replied to the customer'),
  branched: () => l10n.t('created the fix branch'),
  mergeRequest: () => l10n.t('opened a merge request'),
  handedOff: () => l10n.t('handed off to'),
  severity: () => l10n.t('set severity'),
  status: () => l10n.t('set status'),
};

/** `2026-12-01 09:12 UTC`. */
function utc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
