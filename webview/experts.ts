/**
 * "Pair with an expert": asks the extension who knows the code this ticket touches, then lists
 * them with the evidence and the ways to reach out. Reading history can take a moment on a large
 * repository, so it starts only when asked.
 */
import type { ExpertView } from '../src/shared/panelMessages';
import * as l10n from '@vscode/l10n';
import { custom, el } from './dom';

export type ExpertRequest =
  { readonly kind: 'find' } | { readonly kind: 'act'; readonly email: string; readonly action: 'ask' | 'copy' | 'commits' | 'liveShare' };

export class ExpertsSection {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private readonly status: HTMLElement;

  constructor(private readonly request: (what: ExpertRequest) => void) {
    const find = custom('vscode-button', { text: l10n.t('Find Who Knows This Code'), attributes: { secondary: '' } });
    find.addEventListener('click', () => {
      this.status.textContent = l10n.t('Reading the history of the files this ticket points at…');
      this.request({ kind: 'find' });
    });
    this.status = el('p', { className: 'experts-status', attributes: { role: 'status', 'aria-live': 'polite' } });
    this.body = el('div', { className: 'experts-list' });
    this.element = el('section', { className: 'experts', attributes: { 'aria-labelledby': 'experts-heading' } }, [
      el('h2', { text: l10n.t('Pair with an expert'), attributes: { id: 'experts-heading' } }),
      el('p', { className: 'experts-hint', text: l10n.t('The colleagues who changed the files this ticket names, most and most recently, with why.') }),
      find,
      this.status,
      this.body,
    ]);
  }

  show(experts: readonly ExpertView[], liveShare: boolean, message: string | undefined): void {
    this.status.textContent = message ?? (experts.length === 1 ? l10n.t('1 suggestion.') : l10n.t('{0} suggestions.', experts.length));
    this.body.replaceChildren(
      ...experts.map((expert) =>
        el('article', { className: 'expert' }, [
          el('h3', { text: expert.name }),
          el('p', { className: 'expert-email', text: expert.inPreferredRegion ? l10n.t("{0} · in the customer's region", expert.email) : expert.email }),
          el(
            'ul',
            { className: 'expert-evidence', attributes: { 'aria-label': l10n.t('Why {0}', expert.name) } },
            expert.evidence.map((line) => el('li', { text: line })),
          ),
          el('div', { className: 'expert-actions' }, [
            this.button(l10n.t('Ask in an Internal Note…'), expert.email, 'ask'),
            this.button(l10n.t('Copy Message'), expert.email, 'copy'),
            this.button(l10n.t('Recent Commits'), expert.email, 'commits'),
            ...(liveShare ? [this.button(l10n.t('Start Live Share'), expert.email, 'liveShare')] : []),
          ]),
        ]),
      ),
    );
  }

  private button(label: string, email: string, action: 'ask' | 'copy' | 'commits' | 'liveShare'): HTMLElement {
    const button = custom('vscode-button', { text: label, attributes: action === 'ask' ? {} : { secondary: '' } });
    button.addEventListener('click', () => this.request({ kind: 'act', email, action }));
    return button;
  }
}
