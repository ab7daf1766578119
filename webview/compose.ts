/**
 * The compose box. It writes an internal note by default (Ctrl/Cmd+Enter sends one); a reply to
 * the customer is a separate button that says so, and the extension asks for confirmation. The
 * text stays until the extension reports it sent, and survives reloads through the saved state.
 */
import * as l10n from '@vscode/l10n';
import { custom, el } from './dom';

export interface ComposeOptions {
  readonly initialDraft: string;
  readonly onDraft: (text: string) => void;
  readonly send: (kind: 'note' | 'reply', body: string, requestId: string) => void;
}

interface TextArea extends HTMLElement {
  value: string;
}

export class ComposeBox {
  readonly element: HTMLElement;
  private readonly textarea: TextArea;
  private readonly status: HTMLElement;
  private readonly warning: HTMLElement;
  private readonly noteButton: HTMLElement;
  private readonly replyButton: HTMLElement;
  private pending: string | undefined;
  private counter = 0;

  constructor(private readonly options: ComposeOptions) {
    this.textarea = custom('vscode-textarea', {
      attributes: {
        rows: '5',
        resize: 'vertical',
        placeholder: l10n.t('Internal note: what you found, what you tried, what is next…'),
        'aria-label': l10n.t('Internal note'),
      },
    }) as TextArea;
    this.textarea.value = options.initialDraft;
    this.textarea.addEventListener('input', () => options.onDraft(this.textarea.value));
    this.textarea.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.submit('note');
      }
    });
    this.noteButton = custom('vscode-button', { text: l10n.t('Add Internal Note') });
    this.noteButton.addEventListener('click', () => this.submit('note'));
    this.replyButton = custom('vscode-button', {
      text: l10n.t('Reply to Customer…'),
      attributes: { secondary: '', title: l10n.t('Visible to the customer; you will be asked to confirm') },
    });
    this.replyButton.addEventListener('click', () => this.submit('reply'));
    this.status = el('p', { className: 'compose-status', attributes: { role: 'status', 'aria-live': 'polite' } });
    this.warning = el('p', { className: 'compose-warning', attributes: { role: 'note' } });
    this.element = el('section', { className: 'compose', attributes: { 'aria-labelledby': 'compose-heading' } }, [
      el('h2', { text: l10n.t('Write'), attributes: { id: 'compose-heading' } }),
      this.warning,
      this.textarea,
      el('p', { className: 'compose-hint', text: l10n.t('Ctrl+Enter (⌘+Enter) adds an internal note. The customer never sees internal notes.') }),
      el('div', { className: 'compose-buttons' }, [this.noteButton, this.replyButton]),
      this.status,
    ]);
  }

  /** What the source allows: said before anything is written. */
  configure(sourceLabel: string, internalNotes: boolean, publicReplies: boolean): void {
    this.warning.textContent = internalNotes ? '' : l10n.t('{0} has no internal notes: anything written there is visible to the customer.', sourceLabel);
    this.warning.hidden = internalNotes;
    this.noteButton.hidden = !internalNotes;
    this.replyButton.hidden = !publicReplies;
  }

  sent(requestId: string): void {
    if (requestId !== this.pending) return;
    this.pending = undefined;
    this.textarea.value = '';
    this.options.onDraft('');
    this.status.textContent = l10n.t('Sent.');
    this.setBusy(false);
  }

  failed(requestId: string, message: string): void {
    if (requestId !== this.pending) return;
    this.pending = undefined;
    this.status.textContent = message;
    this.setBusy(false);
  }

  private submit(kind: 'note' | 'reply'): void {
    const body = this.textarea.value.trim();
    if (this.pending) return;
    if (!body) {
      this.status.textContent = l10n.t('Write something first.');
      return;
    }
    this.pending = `r${Date.now()}-${this.counter++}`;
    this.status.textContent = kind === 'note' ? l10n.t('Adding the internal note…') : l10n.t('Waiting for your confirmation…');
    this.setBusy(true);
    this.options.send(kind, body, this.pending);
  }

  private setBusy(busy: boolean): void {
    for (const button of [this.noteButton, this.replyButton]) button.toggleAttribute('disabled', busy);
  }
}
