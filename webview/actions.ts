/** The ticket's actions: only those the extension says exist and apply now. */
import type { PanelAction } from '../src/shared/panelMessages';
import { custom, el } from './dom';

const LABELS: Record<PanelAction, string> = {
  claim: 'Claim',
  release: 'Release',
  createFixBranch: 'Create Fix Branch',
  createMergeRequest: 'Create Merge Request',
  handOff: 'Hand Off…',
  setSeverity: 'Set Severity…',
  setStatus: 'Set Status…',
  openInBrowser: 'Open in Browser',
};

export function renderActions(actions: readonly PanelAction[], run: (action: PanelAction) => void): HTMLElement {
  return el(
    'nav',
    { className: 'actions', attributes: { 'aria-label': 'Ticket actions' } },
    actions.map((action, index) => {
      const button = custom('vscode-button', { text: LABELS[action], attributes: index === 0 ? {} : { secondary: '' } });
      button.addEventListener('click', () => run(action));
      return button;
    }),
  );
}
