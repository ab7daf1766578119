/** Show a ticket: select it in the queue view, or open its page in the browser. */
import * as vscode from 'vscode';
import type { Ticket } from '../../core/ticket';
import { ticketUid } from '../../core/ticket';
import { safeWebUrl } from '../common/safeWebUrl';
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
