/**
 * Where a source has no internal notes (GitHub without a notes repository), anything written on a
 * ticket is a public comment: before sending, the user is told so, with who can read it, and asked.
 */
import * as vscode from 'vscode';
import type { Ticket } from '../../core/ticket';
import type { TicketSource } from '../../providers/ticketSource';

/** Who will read a comment on the ticket, in one sentence naming the repository's visibility. */
export async function publicAudienceText(source: TicketSource, ticket: Ticket): Promise<string | undefined> {
  if (!source.commentAudience) return undefined;
  const where = repositoryOf(ticket) ?? source.label;
  switch (await source.commentAudience(ticket.id)) {
    case 'public':
      return vscode.l10n.t('It will be public on {0}, a public repository: anyone on the internet can read it.', where);
    case 'private':
      return vscode.l10n.t('It will be public on {0}, a private repository: everyone with access to the repository can read it.', where);
    case 'internal':
      return vscode.l10n.t('It will be public on {0}, an internal repository: everyone in the enterprise can read it.', where);
    default:
      return vscode.l10n.t('It will be public on {0}: everyone who can see the repository can read it.', where);
  }
}

/** Asks before a note goes out as a public comment; true to send. */
export async function confirmPublicNote(source: TicketSource, ticket: Ticket, body: string): Promise<boolean> {
  const audience = (await publicAudienceText(source, ticket)) ?? '';
  const post = vscode.l10n.t('Post Publicly');
  const detail = `${vscode.l10n.t('{0} has no internal notes.', source.label)} ${audience}\n\n${body.replace(/\s+/g, ' ').trim().slice(0, 280)}`;
  const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Post this note as a public comment on {0}?', ticket.key), { modal: true, detail }, post);
  return answer === post;
}

/** `owner/name` from the ticket's web address. */
function repositoryOf(ticket: Ticket): string | undefined {
  return /^https?:\/\/[^/]+\/([^/]+\/[^/]+)\/(?:issues|pull)\/\d+/.exec(ticket.url ?? '')?.[1];
}
