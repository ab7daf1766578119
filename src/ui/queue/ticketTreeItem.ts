/** How one ticket and one group look in the queue tree. */
import * as vscode from 'vscode';
import { formatDuration } from '../../core/duration';
import type { QueueGroup } from '../../core/queueGrouping';
import { severityLabel } from '../../core/severity';
import { formatSla, type SlaTargets } from '../../core/sla';
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

export function ticketItem(ticket: Ticket, context: TicketItemContext): vscode.TreeItem {
  const item = new vscode.TreeItem(`${ticket.key} ${ticket.title}`, vscode.TreeItemCollapsibleState.None);
  item.id = ticketUid(ticket);
  const sla = formatSla(ticket, context.targets, context.now);
  item.description = context.sourceLabel ? `${sla} · ${context.sourceLabel}` : sla;
  item.iconPath = severityIcon(ticket.severity);
  item.contextValue = ticket.assignee === null ? ITEM_CONTEXT.unclaimed : isAssignedTo(ticket, context.me) ? ITEM_CONTEXT.mine : ITEM_CONTEXT.others;
  item.tooltip = ticketTooltip(ticket, sla, context.now);
  const holder = ticket.assignee ? vscode.l10n.t('claimed by {0}', ticket.assignee.name) : vscode.l10n.t('unclaimed');
  item.accessibilityInformation = { label: `${ticket.key}, ${ticket.title}, ${sla}, ${holder}` };
  item.command = { command: COMMANDS.openTicket, title: vscode.l10n.t('Open Ticket'), arguments: [{ sourceId: ticket.sourceId, id: ticket.id }] };
  return item;
}

/**
 * Customer text goes in through `appendText`, which escapes Markdown: a title cannot add links,
 * images or HTML to the tooltip. The tooltip is not trusted, so no command links run either.
 */
function ticketTooltip(ticket: Ticket, sla: string, now: Date): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown('**').appendText(`${ticket.key} ${ticket.title}`).appendMarkdown('**\n\n');
  const rows: [string, string | undefined][] = [
    [vscode.l10n.t('Severity'), `${severityLabel(ticket.severity)} · ${sla}`],
    [vscode.l10n.t('Status'), ticket.status],
    [vscode.l10n.t('Requester'), ticket.requester?.name],
    [vscode.l10n.t('Organisation'), ticket.organization],
    [vscode.l10n.t('Region'), ticket.region],
    [vscode.l10n.t('Assignee'), ticket.assignee?.name ?? vscode.l10n.t('unclaimed')],
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
  team: 'people',
};

export function groupItem(group: QueueGroup, expanded: boolean): vscode.TreeItem {
  const state =
    group.count === 0 ? vscode.TreeItemCollapsibleState.None : expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(group.label, state);
  item.id = `group/${group.id}`;
  item.description = String(group.count);
  item.contextValue = ITEM_CONTEXT.group;
  item.iconPath = group.severity !== undefined ? severityIcon(group.severity) : new vscode.ThemeIcon(GROUP_ICONS[group.kind]);
  item.accessibilityInformation = {
    label: group.count === 1 ? vscode.l10n.t('{0}, 1 ticket', group.label) : vscode.l10n.t('{0}, {1} tickets', group.label, group.count),
  };
  return item;
}
