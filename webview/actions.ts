/** The ticket's actions: only those the extension says exist and apply now. */
import * as l10n from '@vscode/l10n';
import type { PanelAction } from '../src/shared/panelMessages';
import { custom, el } from './dom';

function labelOf(action: PanelAction): string {
  switch (action) {
    case 'claim':
      return l10n.t('Claim');
    case 'release':
      return l10n.t('Release');
    case 'createFixBranch':
      return l10n.t('Create Fix Branch');
    case 'createMergeRequest':
      return l10n.t('Create Merge Request');
    case 'handOff':
      return l10n.t('Hand Off…');
    case 'setSeverity':
      return l10n.t('Set Severity…');
    case 'setStatus':
      return l10n.t('Set Status…');
    case 'openInBrowser':
      return l10n.t('Open in Browser');
  }
}

export function renderActions(actions: readonly PanelAction[], run: (action: PanelAction) => void): HTMLElement {
  return el(
    'nav',
    { className: 'actions', attributes: { 'aria-label': l10n.t('Ticket actions') } },
    actions.map((action, index) => {
      const button = custom('vscode-button', { text: labelOf(action), attributes: index === 0 ? {} : { secondary: '' } });
      button.addEventListener('click', () => run(action));
      return button;
    }),
  );
}
