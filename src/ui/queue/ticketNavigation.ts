/** Show a ticket: select it in the queue view, open its page in the browser, or open the most urgent one. */
import * as vscode from 'vscode';
import type { SlaTargets } from '../../core/sla';
import type { Ticket } from '../../core/ticket';
import { ticketUid } from '../../core/ticket';
import { mostUrgentTicket } from '../../core/urgentTicket';
import { COMMANDS } from '../common/contributionIds';
import { safeWebUrl } from '../common/safeWebUrl';
import type { QueueModel } from './queueModel';
import type { QueueNode, QueueTreeProvider } from './queueTreeProvider';

export async function revealTicket(view: vscode.TreeView<QueueNode>, tree: QueueTreeProvider, ticket: Ticket): Promise<boolean> {
  const node = tree.ticketNode(ticketUid(ticket));
  if (!node) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} is not shown in the queue now (a filter or its status hides it).', ticket.key));
    return false;
  }
  await view.reveal(node, { select: true, focus: true, expand: true });
  return true;
}

/** Only web addresses open: a ticket's URL comes from the ticket system and is not trusted. */
export async function openTicketInBrowser(ticket: Ticket): Promise<boolean> {
  const url = ticket.url ? safeWebUrl(ticket.url, ['http:', 'https:']) : undefined;
  if (!url) {
    void vscode.window.showInformationMessage(
      ticket.url
        ? vscode.l10n.t('{0} has an address that is not a web page; it was not opened.', ticket.key)
        : vscode.l10n.t('{0} has no web page.', ticket.key),
    );
    return false;
  }
  return vscode.env.openExternal(url);
}

/** Opens the panel of the most urgent ticket the queue shows that is unclaimed or mine; resolves to its key. */
export async function openMostUrgentTicket(model: QueueModel, tree: QueueTreeProvider, targets: SlaTargets): Promise<string | undefined> {
  if (!model.hasLoaded) await model.refresh();
  const ticket = mostUrgentTicket(tree.visibleTickets(), targets, (t) => model.sourceOf(t)?.me, new Date());
  if (!ticket) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No ticket in the queue is unclaimed or yours.'));
    return undefined;
  }
  await vscode.commands.executeCommand(COMMANDS.openTicket, { sourceId: ticket.sourceId, id: ticket.id });
  return ticket.key;
}
