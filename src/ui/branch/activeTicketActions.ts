/** What a click on the active ticket in the status bar offers. */
import * as vscode from 'vscode';
import type { ActiveTicketTracker } from './activeTicketTracker';
import { COMMANDS } from '../common/contributionIds';

interface Action extends vscode.QuickPickItem {
  readonly run: () => Thenable<unknown>;
}

export async function activeTicketActions(tracker: ActiveTicketTracker): Promise<void> {
  const active = tracker.current;
  if (!active) {
    void vscode.window.showInformationMessage('The checked-out branch is not linked to a ticket. Create a fix branch from a ticket to link one.');
    return;
  }
  const ref = active.ticket ? { sourceId: active.ticket.sourceId, id: active.ticket.id } : undefined;
  const actions: Action[] = [];
  if (ref) {
    actions.push(
      { label: '$(preview) Open Ticket', run: () => vscode.commands.executeCommand(COMMANDS.openTicket, ref) },
      { label: '$(list-selection) Show in Queue', run: () => vscode.commands.executeCommand(COMMANDS.revealTicket, ref) },
      { label: '$(link-external) Open in Browser', run: () => vscode.commands.executeCommand(COMMANDS.openInBrowser, ref) },
      {
        label: '$(lock) Add Internal Note…',
        description: 'not visible to the customer',
        run: () => vscode.commands.executeCommand(COMMANDS.addInternalNote, ref),
      },
      { label: '$(person-add) Pair with an Expert…', run: () => vscode.commands.executeCommand(COMMANDS.pairWithExpert, ref) },
      { label: '$(arrow-right) Hand Off to Team…', run: () => vscode.commands.executeCommand(COMMANDS.handOff, ref) },
    );
  }
  if (ref && active.link) {
    actions.push({
      label: '$(git-pull-request) Create Merge Request…',
      description: `push ${active.branch} and open a draft merge request`,
      run: () => vscode.commands.executeCommand(COMMANDS.createMergeRequest, ref),
    });
  }
  if (active.link) {
    actions.push({
      label: '$(circle-slash) Stop Working on It',
      description: `forget that ${active.branch} is for ${active.key}; the branch stays`,
      run: () => vscode.commands.executeCommand(COMMANDS.stopWorking),
    });
  }
  const title = `${active.key} ${active.ticket?.title ?? '(no longer in the queue)'}`;
  const picked = await vscode.window.showQuickPick(actions, { title, placeHolder: `On ${active.branch}` });
  await picked?.run();
}
