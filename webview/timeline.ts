/**
 * The description and the comments as a timeline. Internal notes are set apart by a label in
 * words ("Internal note — not visible to the customer") as well as by colour and border.
 */
import type { DOMPurify } from 'dompurify';
import type { TicketView } from '../src/shared/panelMessages';
import { custom, el } from './dom';
import { renderMarkdown } from './markdown';

export interface TimelineHandlers {
  readonly copy: (text: string) => void;
}

export function renderDescription(ticket: TicketView, purify: DOMPurify, handlers: TimelineHandlers): HTMLElement {
  const body = ticket.description.trim() ? markdownBody(ticket.description, purify, handlers) : el('p', { className: 'empty', text: 'No description.' });
  return el('section', { className: 'description', attributes: { 'aria-labelledby': 'description-heading' } }, [
    el('h2', { text: 'Description', attributes: { id: 'description-heading' } }),
    body,
  ]);
}

export function renderLinks(ticket: TicketView): HTMLElement | undefined {
  if (ticket.links.length === 0) return undefined;
  return el('section', { className: 'links', attributes: { 'aria-labelledby': 'links-heading' } }, [
    el('h2', { text: 'Branches and merge requests', attributes: { id: 'links-heading' } }),
    el(
      'ul',
      {},
      ticket.links.map((link) =>
        el('li', {}, [
          el('span', { className: 'link-kind', text: link.kind === 'branch' ? 'Branch' : 'Merge request' }),
          link.url ? el('a', { text: link.name, attributes: { href: link.url } }) : el('code', { text: link.name }),
        ]),
      ),
    ),
  ]);
}

export function renderTimeline(ticket: TicketView, purify: DOMPurify, handlers: TimelineHandlers): HTMLElement {
  const comments = [...ticket.comments].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  return el('section', { className: 'timeline', attributes: { 'aria-labelledby': 'timeline-heading' } }, [
    el('h2', { text: `Conversation (${comments.length})`, attributes: { id: 'timeline-heading' } }),
    comments.length === 0
      ? el('p', { className: 'empty', text: 'No comments yet.' })
      : el(
          'ol',
          { className: 'comments' },
          comments.map((comment) =>
            el('li', { className: `comment ${comment.internal ? 'internal' : 'public'}` }, [
              el('p', { className: 'comment-meta' }, [
                el('span', {
                  className: 'comment-kind',
                  text: comment.internal ? 'Internal note — not visible to the customer' : 'Public — visible to the customer',
                }),
                el('span', { className: 'comment-author', text: comment.author }),
                el('time', { text: new Date(comment.createdAt).toLocaleString(), attributes: { datetime: comment.createdAt } }),
              ]),
              markdownBody(comment.body, purify, handlers),
            ]),
          ),
        ),
  ]);
}

/** Markdown, with a copy button on each code block. */
function markdownBody(source: string, purify: DOMPurify, handlers: TimelineHandlers): HTMLElement {
  const container = el('div', { className: 'markdown' }, [renderMarkdown(source, purify)]);
  for (const pre of container.querySelectorAll('pre')) {
    const code = pre.textContent ?? '';
    const copy = custom('vscode-button', { text: 'Copy', className: 'copy-code', attributes: { secondary: '', 'aria-label': 'Copy this code block' } });
    copy.addEventListener('click', () => handlers.copy(code));
    pre.before(el('div', { className: 'code-tools' }, [copy]));
  }
  return container;
}
