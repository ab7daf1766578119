/**
 * The description and the comments as a timeline. Internal notes are set apart by a label in
 * words ("Internal note — not visible to the customer") as well as by colour and border.
 */
import * as l10n from '@vscode/l10n';
import type { DOMPurify } from 'dompurify';
import type { TicketView } from '../src/shared/panelMessages';
import { linkCodeReferences } from './codeLinks';
import { custom, el } from './dom';
import { renderMarkdown } from './markdown';
import { ageElement } from './relativeTime';

export interface TimelineOptions {
  readonly copy: (text: string) => void;
  /** Code reference key → the id the extension gave it. */
  readonly references: ReadonlyMap<string, string>;
}

export function renderDescription(ticket: TicketView, purify: DOMPurify, options: TimelineOptions): HTMLElement {
  const body = ticket.description.trim() ? markdownBody(ticket.description, purify, options) : el('p', { className: 'empty', text: l10n.t('No description.') });
  return el('section', { className: 'description', attributes: { 'aria-labelledby': 'description-heading' } }, [
    el('h2', { text: l10n.t('Description'), attributes: { id: 'description-heading' } }),
    body,
  ]);
}

export function renderLinks(ticket: TicketView): HTMLElement | undefined {
  if (ticket.links.length === 0) return undefined;
  return el('section', { className: 'links', attributes: { 'aria-labelledby': 'links-heading' } }, [
    el('h2', { text: l10n.t('Branches and merge requests'), attributes: { id: 'links-heading' } }),
    el(
      'ul',
      {},
      ticket.links.map((link) =>
        el('li', {}, [
          el('span', { className: 'link-kind', text: link.kind === 'branch' ? l10n.t('Branch') : l10n.t('Merge request') }),
          link.url ? el('a', { text: link.name, attributes: { href: link.url } }) : el('code', { text: link.name }),
        ]),
      ),
    ),
  ]);
}

export function renderTimeline(ticket: TicketView, purify: DOMPurify, options: TimelineOptions): HTMLElement {
  const comments = [...ticket.comments].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  const now = new Date();
  return el('section', { className: 'timeline', attributes: { 'aria-labelledby': 'timeline-heading' } }, [
    el('h2', { text: l10n.t('Conversation ({0})', comments.length), attributes: { id: 'timeline-heading' } }),
    comments.length === 0
      ? el('p', { className: 'empty', text: l10n.t('No comments yet.') })
      : el(
          'ol',
          { className: 'comments' },
          comments.map((comment) =>
            el('li', { className: `comment ${comment.internal ? 'internal' : 'public'}` }, [
              el('p', { className: 'comment-meta' }, [
                el('span', {
                  className: 'comment-kind',
                  text: comment.internal ? l10n.t('Internal note — not visible to the customer') : l10n.t('Public — visible to the customer'),
                }),
                el('span', { className: 'comment-author', text: comment.author }),
                ageElement(comment.createdAt, now),
              ]),
              markdownBody(comment.body, purify, options),
            ]),
          ),
        ),
  ]);
}

/** Markdown, with its code references linked and a copy button on each code block. */
function markdownBody(source: string, purify: DOMPurify, options: TimelineOptions): HTMLElement {
  const container = el('div', { className: 'markdown' }, [renderMarkdown(source, purify)]);
  linkCodeReferences(container, options.references);
  for (const pre of container.querySelectorAll('pre')) {
    const code = pre.textContent ?? '';
    const copy = custom('vscode-button', {
      text: l10n.t('Copy'),
      className: 'copy-code',
      attributes: { secondary: '', 'aria-label': l10n.t('Copy this code block') },
    });
    copy.addEventListener('click', () => options.copy(code));
    pre.before(el('div', { className: 'code-tools' }, [copy]));
  }
  return container;
}
