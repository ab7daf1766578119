/**
 * "Seen before?": the resolved tickets most like this one, each with why it matches and the commits
 * that fixed it. Everything is text set through the DOM; a ticket is opened by its place in the list
 * and a commit by its hash, both checked by the extension against what it sent.
 */
import type { SimilarView, ToWebview } from '../src/shared/panelMessages';
import * as l10n from '@vscode/l10n';
import { el } from './dom';
import { ageElement } from './relativeTime';

export type SeenBeforeRequest = { readonly kind: 'ticket'; readonly index: number } | { readonly kind: 'commit'; readonly hash: string };

export class SeenBeforeSection {
  readonly element: HTMLElement;
  private readonly status: HTMLElement;
  private readonly list: HTMLElement;

  constructor(private readonly request: (what: SeenBeforeRequest) => void) {
    this.status = el('p', {
      className: 'seen-before-status',
      text: l10n.t('Indexing resolved tickets…'),
      attributes: { role: 'status', 'aria-live': 'polite' },
    });
    this.list = el('ol', { className: 'seen-before-list' });
    this.element = el('section', { className: 'seen-before', attributes: { 'aria-labelledby': 'seen-before-heading' } }, [
      el('h2', { text: l10n.t('Seen before?'), attributes: { id: 'seen-before-heading' } }),
      this.status,
      this.list,
    ]);
  }

  show(message: Extract<ToWebview, { type: 'seenBefore' }>): void {
    this.status.textContent =
      message.message ??
      (message.state === 'indexing'
        ? l10n.t('Indexing resolved tickets…')
        : message.tickets.length === 0
          ? l10n.t('No resolved ticket looks like this one.')
          : l10n.t('Resolved tickets like this one, most alike first.'));
    this.list.replaceChildren(...message.tickets.map((ticket, index) => this.item(ticket, index)));
  }

  private item(ticket: SimilarView, index: number): HTMLElement {
    // A button, not a link: it asks the extension to open the ticket, and goes to no address of its own.
    const open = el('button', { className: 'seen-before-ticket link-button', text: `${ticket.key} ${ticket.title}`, attributes: { type: 'button' } });
    open.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      this.request({ kind: 'ticket', index });
    });
    return el('li', { className: 'seen-before-item' }, [
      el('p', {}, [open, document.createTextNode(` · ${l10n.t('Resolved:')} `), ageElement(ticket.resolvedAt, new Date())]),
      el(
        'ul',
        { className: 'seen-before-why', attributes: { 'aria-label': l10n.t('Why {0} matches', ticket.key) } },
        ticket.reasons.map((reason) => el('li', { text: `${reasonLabel(reason.kind)}: ${reason.texts.join(', ')}` })),
      ),
      ...(ticket.commits.length > 0
        ? [
            el(
              'ul',
              { className: 'seen-before-commits', attributes: { 'aria-label': l10n.t('Commits that fixed {0}', ticket.key) } },
              ticket.commits.map((c) => this.commit(c)),
            ),
          ]
        : []),
    ]);
  }

  private commit(commit: SimilarView['commits'][number]): HTMLElement {
    const link = el('button', { className: 'link-button', text: commit.hash.slice(0, 10), attributes: { type: 'button', 'data-commit': commit.hash } });
    link.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      this.request({ kind: 'commit', hash: commit.hash });
    });
    return el('li', {}, [link, document.createTextNode(` ${commit.subject} — ${commit.author}`)]);
  }
}

function reasonLabel(kind: SimilarView['reasons'][number]['kind']): string {
  switch (kind) {
    case 'error':
      return l10n.t('Same error');
    case 'file':
      return l10n.t('Same files');
    case 'function':
      return l10n.t('Same code');
    case 'title':
      return l10n.t('Title words');
    case 'words':
      return l10n.t('Shared words');
  }
}
