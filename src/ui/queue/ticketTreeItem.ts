/** How one ticket and one group look in the queue tree. */
import * as vscode from 'vscode';
import { formatDuration } from '../../core/duration';
import { personName } from '../../core/personName';
import type { QueueGroup } from '../../core/queueGrouping';
import { severityLabel } from '../../core/severity';
import { formatSla, formatSlaClock, slaState, type SlaTargets } from '../../core/sla';
import { isAssignedTo, ticketUid, type Ticket } from '../../core/ticket';
import { COMMANDS, ITEM_CONTEXT } from '../common/contributionIds';
import { severityIcon } from '../common/severityIcon';

export interface TicketItemContext {
  readonly me: string | undefined;
  readonly targets: SlaTargets;
  readonly now: Date;
  /** Shown after the SLA when several sources share the queue. */
  readonly sourceLabel?: string;
}

/**
 * The clock comes right after the key, in the label: the description is the first thing a narrow
 * sidebar cuts, and a breached ticket must read as breached at any width. The icon says it again
 * in a theme colour (contributed with high-contrast values) for those who scan by shape.
 */
export function ticketItem(ticket: Ticket, context: TicketItemContext): vscode.TreeItem {
  const clock = formatSlaClock(ticket, context.targets, context.now);
  const item = new vscode.TreeItem(
    clock === '' ? `${ticket.key} ${ticket.title}` : `${ticket.key} · ${clock} · ${ticket.title}`,
    vscode.TreeItemCollapsibleState.None,
  );
  item.id = ticketUid(ticket);
  const severity = severityLabel(ticket.severity);
  item.description = context.sourceLabel ? `${severity} · ${context.sourceLabel}` : severity;
  const state = slaState(ticket, context.targets, context.now);
  item.iconPath = state === 'breached' || state === 'dueSoon' ? urgencyIcon(state) : severityIcon(ticket.severity);
  item.contextValue = ticket.assignee === null ? ITEM_CONTEXT.unclaimed : isAssignedTo(ticket, context.me) ? ITEM_CONTEXT.mine : ITEM_CONTEXT.others;
  const sla = formatSla(ticket, context.targets, context.now);
  item.tooltip = ticketTooltip(ticket, clock, context.now);
  const holder = ticket.assignee ? vscode.l10n.t('claimed by {0}', ticket.assignee.name) : vscode.l10n.t('unclaimed');
  const soon = state === 'dueSoon' ? [vscode.l10n.t('due within the hour')] : [];
  item.accessibilityInformation = { label: [ticket.key, ticket.title, sla, ...soon, holder].join(', ') };
  item.command = { command: COMMANDS.openTicket, title: vscode.l10n.t('Open Ticket'), arguments: [{ sourceId: ticket.sourceId, id: ticket.id }] };
  return item;
}

function urgencyIcon(state: 'breached' | 'dueSoon'): vscode.ThemeIcon {
  return state === 'breached'
    ? new vscode.ThemeIcon('error', new vscode.ThemeColor('supportRotation.slaBreached'))
    : new vscode.ThemeIcon('watch', new vscode.ThemeColor('supportRotation.slaDueSoon'));
}

/**
 * Customer text goes in through `appendText`, which escapes Markdown: a title cannot add links,
 * images or HTML to the tooltip. The tooltip is not trusted, so no command links run either.
 */
function ticketTooltip(ticket: Ticket, clock: string, now: Date): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown('**').appendText(`${ticket.key} ${ticket.title}`).appendMarkdown('**\n\n');
  const rows: [string, string | undefined][] = [
    [vscode.l10n.t('Severity'), severityLabel(ticket.severity)],
    [vscode.l10n.t('SLA'), clock === '' ? undefined : clock],
    [vscode.l10n.t('Status'), ticket.status],
    [vscode.l10n.t('Requester'), ticket.requester?.name],
    [vscode.l10n.t('Organisation'), ticket.organization],
    [vscode.l10n.t('Region'), ticket.region],
    [vscode.l10n.t('Assignee'), ticket.assignee ? personName(ticket.assignee) : vscode.l10n.t('unclaimed')],
    [vscode.l10n.t('Team'), ticket.team],
    [vscode.l10n.t('Updated'), vscode.l10n.t('{0} ago', formatDuration(now.getTime() - ticket.updatedAt.getTime()))],
  ];
  for (const [name, value] of rows) {
    if (value === undefined) continue;
    md.appendMarkdown(`${name}: `).appendText(value).appendMarkdown('  \n');
  }
  return md;
}

const GROUP_ICONS: Record<QueueGroup['kind'], string> = {
  mine: 'account',
  unclaimed: 'inbox',
  severity: 'circle-filled',
  others: 'organization',
  assignee: 'person',
  team: 'briefcase',
};

export function groupItem(group: QueueGroup, expanded: boolean): vscode.TreeItem {
  const open = expanded || group.urgency !== undefined;
  const state =
    group.count === 0 ? vscode.TreeItemCollapsibleState.None : open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(group.label, state);
  // The tree keeps what the user collapsed per id; a group that comes to hold a breached or
  // nearly breached ticket gets a new id, so it opens itself instead of hiding the ticket.
  item.id = group.urgency ? `group/${group.id}#${group.urgency}` : `group/${group.id}`;
  item.description = String(group.count);
  item.contextValue = ITEM_CONTEXT.group;
  item.iconPath =
    group.severity !== undefined ? severityIcon(group.severity) : group.urgency ? urgencyIcon(group.urgency) : new vscode.ThemeIcon(GROUP_ICONS[group.kind]);
  const count = group.count === 1 ? vscode.l10n.t('{0}, 1 ticket', group.label) : vscode.l10n.t('{0}, {1} tickets', group.label, group.count);
  const urgency =
    group.urgency === 'breached'
      ? [vscode.l10n.t('holds a breached ticket')]
      : group.urgency === 'dueSoon'
        ? [vscode.l10n.t('holds a ticket due within the hour')]
        : [];
  item.accessibilityInformation = { label: [count, ...urgency].join(', ') };
  return item;
}
