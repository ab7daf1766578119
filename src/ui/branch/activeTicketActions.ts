/** What a click on the active ticket in the status bar offers. */
import * as vscode from 'vscode';
import type { Ticket } from '../../core/ticket';
import type { ActiveTicketTracker } from './activeTicketTracker';
import { COMMANDS } from '../common/contributionIds';

interface Action extends vscode.QuickPickItem {
  readonly run: () => Thenable<unknown>;
}

/** `opensMergeRequests`: whether the ticket's source can open merge requests; only then is it offered. */
export async function activeTicketActions(tracker: ActiveTicketTracker, opensMergeRequests: (ticket: Ticket) => boolean): Promise<void> {
  const active = tracker.current;
  if (!active) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('The checked-out branch is not linked to a ticket. Create a fix branch from a ticket to link one.'),
    );
    return;
  }
  const ref = active.ticket ? { sourceId: active.ticket.sourceId, id: active.ticket.id } : undefined;
  const actions: Action[] = [];
  if (ref) {
    actions.push(
      { label: `$(preview) ${vscode.l10n.t('Open Ticket')}`, run: () => vscode.commands.executeCommand(COMMANDS.openTicket, ref) },
      { label: `$(list-selection) ${vscode.l10n.t('Show in Queue')}`, run: () => vscode.commands.executeCommand(COMMANDS.revealTicket, ref) },
      { label: `$(link-external) ${vscode.l10n.t('Open in Browser')}`, run: () => vscode.commands.executeCommand(COMMANDS.openInBrowser, ref) },
      {
        label: `$(lock) ${vscode.l10n.t('Add Internal Note…')}`,
        description: vscode.l10n.t('not visible to the customer'),
        run: () => vscode.commands.executeCommand(COMMANDS.addInternalNote, ref),
      },
      { label: `$(person-add) ${vscode.l10n.t('Pair with an Expert…')}`, run: () => vscode.commands.executeCommand(COMMANDS.pairWithExpert, ref) },
      { label: `$(arrow-right) ${vscode.l10n.t('Hand Off to Team…')}`, run: () => vscode.commands.executeCommand(COMMANDS.handOff, ref) },
    );
  }
  if (ref && active.ticket && active.link && opensMergeRequests(active.ticket)) {
    actions.push({
      label: `$(git-pull-request) ${vscode.l10n.t('Create Merge Request…')}`,
      description: vscode.l10n.t('push {0} and open a draft merge request', active.branch),
      run: () => vscode.commands.executeCommand(COMMANDS.createMergeRequest, ref),
    });
  }
  if (active.link) {
    actions.push({
      label: `$(circle-slash) ${vscode.l10n.t('Stop Working on It')}`,
      description: vscode.l10n.t('forget that {0} is for {1}; the branch stays', active.branch, active.key),
      run: () => vscode.commands.executeCommand(COMMANDS.stopWorking),
    });
  }
  const title = `${active.key} ${active.ticket?.title ?? vscode.l10n.t('(no longer in the queue)')}`;
  const picked = await vscode.window.showQuickPick(actions, { title, placeHolder: vscode.l10n.t('On {0}', active.branch) });
  await picked?.run();
}
