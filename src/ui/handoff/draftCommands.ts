/**
 * Send and Discard for drafts. Sending a hand-off says exactly what will happen and asks first;
 * a failed send names what failed and leaves the text in its editor.
 */
import * as vscode from 'vscode';
import { emptySections } from '../../core/handoffNote';
import { ticketUid } from '../../core/ticket';
import type { SourceResult } from '../../providers/sourceResult';
import type { Ticket } from '../../core/ticket';
import type { Draft, Drafts } from './drafts';
import { showFailure } from '../common/failureMessages';
import { log } from '../common/log';
import type { QueueModel } from '../queue/queueModel';

export type SendOutcome = 'sent' | 'cancelled' | 'failed' | 'noDraft';

const HAND_OFF = 'Hand Off';
const DISCARD = 'Discard';

export class DraftCommands {
  constructor(
    private readonly model: QueueModel,
    private readonly drafts: Drafts,
  ) {}

  async send(uri?: vscode.Uri): Promise<SendOutcome> {
    const draft = uri ? this.drafts.find(uri) : this.drafts.active();
    const document = draft && vscode.workspace.textDocuments.find((d) => d.uri.toString() === draft.uri.toString());
    if (!draft || !document) return 'noDraft';
    const ticket = this.model.find(ticketUid(draft.purpose));
    const source = ticket && this.model.sourceOf(ticket);
    if (!ticket || !source) {
      void vscode.window.showErrorMessage(`${draft.purpose.key} is no longer in the queue; your text stays in the editor.`);
      return 'failed';
    }
    const text = document.getText();
    const result = draft.purpose.kind === 'note' ? await this.sendNote(draft, text, ticket) : await this.sendHandoff(draft, text, ticket);
    if (result === 'cancelled') return 'cancelled';
    if (result.kind !== 'ok') {
      const what = draft.purpose.kind === 'note' ? 'Sending the internal note' : `Handing off ${ticket.key}`;
      void showFailure({ ...result, message: `${what} failed: ${result.message} Your text is still in the editor.` }, () => this.send(draft.uri));
      return 'failed';
    }
    this.model.replaceTicket(result.value);
    await this.drafts.close(draft);
    const done = draft.purpose.kind === 'note' ? `Internal note added to ${ticket.key}` : `Handed off ${ticket.key} to ${draft.purpose.teamName}`;
    log().info(done);
    vscode.window.setStatusBarMessage(`$(check) ${done}`, 5_000);
    return 'sent';
  }

  async discard(uri?: vscode.Uri): Promise<boolean> {
    const draft = uri ? this.drafts.find(uri) : this.drafts.active();
    if (!draft) return false;
    const answer = await vscode.window.showWarningMessage(`Discard this draft for ${draft.purpose.key}? Its text will be gone.`, { modal: true }, DISCARD);
    if (answer !== DISCARD) return false;
    await this.drafts.close(draft);
    return true;
  }

  private async sendNote(draft: Draft, text: string, ticket: Ticket): Promise<SourceResult<Ticket> | 'cancelled'> {
    // The heading only labels the draft; the note is what follows it.
    const body = (text.startsWith(draft.heading) ? text.slice(draft.heading.length) : text).trim();
    if (body === '') {
      void vscode.window.showInformationMessage('Write the note below the heading first.');
      return 'cancelled';
    }
    const source = this.model.sourceOf(ticket);
    if (!source) return 'cancelled';
    return source.addInternalNote(ticket.id, body);
  }

  private async sendHandoff(draft: Draft, text: string, ticket: Ticket): Promise<SourceResult<Ticket> | 'cancelled'> {
    if (draft.purpose.kind !== 'handoff') return 'cancelled';
    const { teamName, route } = draft.purpose;
    const empty = emptySections(text);
    const detail = [
      `This will, in one step:`,
      `• move ${ticket.key} to ${teamName}`,
      `• add this note as an internal note (the customer does not see it)`,
      `• release your claim on ${ticket.key}`,
      empty.length > 0 ? `\nStill empty: ${empty.join(', ')}.` : '',
    ].join('\n');
    const answer = await vscode.window.showWarningMessage(`Hand off ${ticket.key} to ${teamName}?`, { modal: true, detail }, HAND_OFF);
    if (answer !== HAND_OFF) return 'cancelled';
    const source = this.model.sourceOf(ticket);
    if (!source) return 'cancelled';
    return source.handOff({ id: ticket.id, revision: ticket.revision }, { team: route, note: text.trim() });
  }
}
