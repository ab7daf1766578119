/** "Add Internal Note…": a draft in an editor, for sources that keep notes from the customer. */
import * as vscode from 'vscode';
import type { Drafts } from './drafts';
import type { QueueModel } from '../queue/queueModel';
import type { SlaTargets } from '../../core/sla';
import { pickFromQueue, ticketFromArgument } from '../common/ticketPick';

export class NoteCommand {
  constructor(
    private readonly model: QueueModel,
    private readonly drafts: Drafts,
    private readonly targets: () => SlaTargets,
  ) {}

  /** Opens the draft; resolves with its document's URI, or undefined when nothing was opened. */
  async start(argument?: unknown): Promise<string | undefined> {
    const ticket = ticketFromArgument(this.model, argument) ?? (await pickFromQueue(this.model, this.targets(), 'Add an internal note to which ticket?'));
    if (!ticket) return undefined;
    const source = this.model.sourceOf(ticket);
    if (!source?.capabilities.internalNotes) {
      // Said before anything is written: there, every comment reaches the customer.
      void vscode.window.showWarningMessage(
        `${source?.label ?? 'This source'} has no internal notes: anything written on ${ticket.key} is visible to the customer.`,
      );
      return undefined;
    }
    const editor = await this.drafts.open({ kind: 'note', sourceId: ticket.sourceId, id: ticket.id, key: ticket.key }, `## Internal note on ${ticket.key}\n\n`);
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    return editor.document.uri.toString();
  }
}
