/** Show a ticket: select it in the queue view, or open its page in the browser. */
import * as vscode from 'vscode';
import type { Ticket } from '../../core/ticket';
import { ticketUid } from '../../core/ticket';
import type { QueueNode, QueueTreeProvider } from './queueTreeProvider';

export async function revealTicket(view: vscode.TreeView<QueueNode>, tree: QueueTreeProvider, ticket: Ticket): Promise<boolean> {
  const node = tree.ticketNode(ticketUid(ticket));
  if (!node) {
    void vscode.window.showInformationMessage(`${ticket.key} is not shown in the queue now (a filter or its status hides it).`);
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
      ticket.url ? `${ticket.key} has an address that is not a web page; it was not opened.` : `${ticket.key} has no web page.`,
    );
    return false;
  }
  return vscode.env.openExternal(url);
}

/** The address as a URI when it parses and its scheme is one of `schemes`; otherwise undefined. */
export function safeWebUrl(text: string, schemes: readonly string[]): vscode.Uri | undefined {
  try {
    const parsed = new URL(text);
    return schemes.includes(parsed.protocol) ? vscode.Uri.parse(parsed.href, true) : undefined;
  } catch {
    return undefined;
  }
}
