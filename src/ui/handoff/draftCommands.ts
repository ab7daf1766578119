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
import { confirmPublicNote, publicAudienceText } from '../sources/publicComments';

export type SendOutcome = 'sent' | 'cancelled' | 'failed' | 'noDraft';

export class DraftCommands {
  constructor(
    private readonly model: QueueModel,
    private readonly drafts: Drafts,
    /** Told of each completed hand-off: the ticket is no longer the one being worked on. */
    private readonly handedOff: (ticket: Ticket) => Promise<void>,
  ) {}

  async send(uri?: vscode.Uri): Promise<SendOutcome> {
    const draft = uri ? this.drafts.find(uri) : this.drafts.active();
    const document = draft && vscode.workspace.textDocuments.find((d) => d.uri.toString() === draft.uri.toString());
    if (!draft || !document) return 'noDraft';
    const ticket = this.model.find(ticketUid(draft.purpose));
    const source = ticket && this.model.sourceOf(ticket);
    if (!ticket || !source) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} is no longer in the queue; your text stays in the editor.', draft.purpose.key));
      return 'failed';
    }
    const text = document.getText();
    const result = draft.purpose.kind === 'note' ? await this.sendNote(draft, text, ticket) : await this.sendHandoff(draft, text, ticket);
    if (result === 'cancelled') return 'cancelled';
    if (result.kind !== 'ok') {
      const message =
        draft.purpose.kind === 'note'
          ? vscode.l10n.t('Sending the internal note failed: {0} Your text is still in the editor.', result.message)
          : vscode.l10n.t('Handing off {0} failed: {1} Your text is still in the editor.', ticket.key, result.message);
      void showFailure({ ...result, message }, () => this.send(draft.uri));
      return 'failed';
    }
    this.model.replaceTicket(result.value);
    if (draft.purpose.kind === 'handoff') await this.handedOff(result.value);
    await this.drafts.close(draft);
    const done =
      draft.purpose.kind === 'note'
        ? vscode.l10n.t('Internal note added to {0}', ticket.key)
        : vscode.l10n.t('Handed off {0} to {1}', ticket.key, draft.purpose.teamName);
    log().info(done);
    vscode.window.setStatusBarMessage(`$(check) ${done}`, 5_000);
    return 'sent';
  }

  async discard(uri?: vscode.Uri): Promise<boolean> {
    const draft = uri ? this.drafts.find(uri) : this.drafts.active();
    if (!draft) return false;
    const discard = vscode.l10n.t('Discard');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Discard this draft for {0}? Its text will be gone.', draft.purpose.key),
      { modal: true },
      discard,
    );
    if (answer !== discard) return false;
    await this.drafts.close(draft);
    return true;
  }

  private async sendNote(draft: Draft, text: string, ticket: Ticket): Promise<SourceResult<Ticket> | 'cancelled'> {
    // The heading only labels the draft; the note is what follows it.
    const body = (text.startsWith(draft.heading) ? text.slice(draft.heading.length) : text).trim();
    if (body === '') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Write the note below the heading first.'));
      return 'cancelled';
    }
    const source = this.model.sourceOf(ticket);
    if (!source) return 'cancelled';
    if (source.capabilities.internalNotes || !source.commentAudience) return source.addInternalNote(ticket.id, body);
    return (await confirmPublicNote(source, ticket, body)) ? source.addPublicReply(ticket.id, body) : 'cancelled';
  }

  private async sendHandoff(draft: Draft, text: string, ticket: Ticket): Promise<SourceResult<Ticket> | 'cancelled'> {
    if (draft.purpose.kind !== 'handoff') return 'cancelled';
    const { teamName, route } = draft.purpose;
    const empty = emptySections(text);
    const source = this.model.sourceOf(ticket);
    const publicNote = source && !source.capabilities.internalNotes ? await publicAudienceText(source, ticket) : undefined;
    const detail = [
      vscode.l10n.t('This will, in one step:'),
      `• ${vscode.l10n.t('move {0} to {1}', ticket.key, teamName)}`,
      publicNote
        ? `• ${vscode.l10n.t('post this note as a public comment. {0}', publicNote)}`
        : `• ${vscode.l10n.t('add this note as an internal note (the customer does not see it)')}`,
      `• ${vscode.l10n.t('release your claim on {0}', ticket.key)}`,
      empty.length > 0 ? `\n${vscode.l10n.t('Still empty: {0}.', empty.join(', '))}` : '',
    ].join('\n');
    const handOff = vscode.l10n.t('Hand Off');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Hand off {0} to {1}?', ticket.key, teamName), { modal: true, detail }, handOff);
    if (answer !== handOff || !source) return 'cancelled';
    return source.handOff({ id: ticket.id, revision: ticket.revision }, { team: route, note: text.trim() });
  }
}
