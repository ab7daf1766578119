/** "Add Internal Note…": a draft in an editor, for sources that keep notes from the customer. */
import * as vscode from 'vscode';
import type { Ticket } from '../../core/ticket';
import type { Drafts } from './drafts';

/**
 * Opens an internal-note draft for the ticket, with `text` below its heading and the cursor at the
 * end; resolves with the document's URI.
 */
export async function openNoteDraft(drafts: Drafts, ticket: Ticket, text = ''): Promise<string> {
  const heading = `## ${vscode.l10n.t('Internal note on {0}', ticket.key)}\n\n`;
  const editor = await drafts.open({ kind: 'note', sourceId: ticket.sourceId, id: ticket.id, key: ticket.key }, heading + text);
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  return editor.document.uri.toString();
}
