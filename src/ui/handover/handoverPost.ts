/**
 * Posting the handover as an internal note on each ticket still open, in one confirmed step. A source
 * without internal notes is skipped and named, since a comment there reaches the customer; a ticket
 * the note could not reach is named with why, and the document stays open for another try.
 */
import * as vscode from 'vscode';
import { isStillOpen, type HandoverItem } from '../../core/handover/handoverDocument';
import type { Ticket } from '../../core/ticket';
import type { QueueModel } from '../queue/queueModel';

export interface PostOutcome {
  readonly posted: string[];
  readonly skipped: string[];
  /** `SUP-9: why`. */
  readonly failed: string[];
}

/** Undefined when the user did not confirm. */
export async function postOnOpenTickets(items: readonly HandoverItem[], text: string, model: QueueModel): Promise<PostOutcome | undefined> {
  const open = items.filter(isStillOpen).map((item) => item.ticket);
  const postable = open.filter((ticket) => model.sourceOf(ticket)?.capabilities.internalNotes === true);
  const skipped = open.filter((ticket) => !postable.includes(ticket)).map((ticket) => ticket.key);
  if (postable.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No ticket still open takes internal notes: nothing was posted.'));
    return { posted: [], skipped, failed: [] };
  }
  const post = vscode.l10n.t('Post Internal Notes');
  const detail = [
    vscode.l10n.t('On: {0}', postable.map((t) => t.key).join(', ')),
    skipped.length > 0 ? vscode.l10n.t('Skipped, their sources have no internal notes: {0}', skipped.join(', ')) : '',
  ];
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Post the handover as an internal note on {0} open tickets?', postable.length),
    { modal: true, detail: detail.filter(Boolean).join('\n') },
    post,
  );
  if (answer !== post) return undefined;
  const outcome = await postEach(postable, text, model);
  report({ ...outcome, skipped });
  return { ...outcome, skipped };
}

async function postEach(tickets: readonly Ticket[], text: string, model: QueueModel): Promise<Omit<PostOutcome, 'skipped'>> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Posting the handover') }, async (progress) => {
    const posted: string[] = [];
    const failed: string[] = [];
    for (const [index, ticket] of tickets.entries()) {
      progress.report({ message: vscode.l10n.t('{0} ({1} of {2})', ticket.key, index + 1, tickets.length), increment: 100 / tickets.length });
      const result = await model.sourceOf(ticket)?.addInternalNote(ticket.id, text);
      if (result?.kind === 'ok') {
        model.replaceTicket(result.value);
        posted.push(ticket.key);
      } else {
        failed.push(`${ticket.key}: ${result?.message ?? vscode.l10n.t('no longer in the queue')}`);
      }
    }
    return { posted, failed };
  });
}

function report(outcome: PostOutcome): void {
  const posted = outcome.posted.join(', ');
  const skipped = outcome.skipped.join(', ');
  if (outcome.failed.length === 0) {
    const message =
      outcome.skipped.length > 0
        ? vscode.l10n.t('Posted the handover on {0}. Skipped (no internal notes): {1}.', posted, skipped)
        : vscode.l10n.t('Posted the handover on {0}.', posted);
    void vscode.window.showInformationMessage(message);
    return;
  }
  // Whole sentences, each translated on its own: their order carries no grammar.
  const sentences = [
    vscode.l10n.t('Not posted: {0}.', outcome.failed.join('; ')),
    outcome.posted.length > 0 ? vscode.l10n.t('Posted on {0}.', posted) : vscode.l10n.t('Nothing was posted.'),
    ...(outcome.skipped.length > 0 ? [vscode.l10n.t('Skipped (no internal notes): {0}.', skipped)] : []),
    vscode.l10n.t('The handover stays open.'),
  ];
  void vscode.window.showWarningMessage(sentences.join(' '));
}
