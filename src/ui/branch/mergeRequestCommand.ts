/**
 * "Create Merge Request for Ticket": push the fix branch (VS Code's git API), open a draft merge
 * request that references the issue, and record it on the ticket as an internal note. Progress is
 * shown; a failure names the step and what was already done.
 */
import * as vscode from 'vscode';
import { defaultBranch, errorText, remoteOf } from '../../git/baseBranch';
import { gitApi } from '../../git/gitExtension';
import type { ActiveTicketTracker } from './activeTicketTracker';
import { showFailure } from '../common/failureMessages';
import { log } from '../common/log';
import type { QueueModel } from '../queue/queueModel';
import type { Settings } from '../common/settings';
import { ticketFromArgument } from '../common/ticketPick';

export type MergeRequestOutcome = 'created' | 'failed' | 'unsupported' | 'noBranch';

const OPEN = 'Open Merge Request';

export class MergeRequestCommand {
  constructor(
    private readonly model: QueueModel,
    private readonly tracker: ActiveTicketTracker,
    private readonly settings: () => Settings,
  ) {}

  async run(argument?: unknown): Promise<MergeRequestOutcome> {
    const active = this.tracker.current;
    const ticket = ticketFromArgument(this.model, argument) ?? active?.ticket;
    const source = ticket && this.model.sourceOf(ticket);
    if (!ticket || !source?.createMergeRequest || !source.capabilities.mergeRequests) {
      void vscode.window.showInformationMessage(`${source?.label ?? "This ticket's source"} cannot open merge requests from here.`);
      return 'unsupported';
    }
    if (!active || active.ticket?.id !== ticket.id || active.ticket.sourceId !== ticket.sourceId) {
      void vscode.window.showInformationMessage(`Check out ${ticket.key}'s fix branch first (Create Fix Branch), then create the merge request from it.`);
      return 'noBranch';
    }
    const git = await gitApi();
    if (!git.ok) {
      void vscode.window.showErrorMessage(git.message);
      return 'failed';
    }
    const { repository, branch } = active;
    const createMergeRequest = source.createMergeRequest.bind(source);
    const remote = remoteOf(repository);
    if (!remote) {
      void vscode.window.showErrorMessage(`${repository.rootUri.fsPath} has no remote to push ${branch} to.`);
      return 'failed';
    }
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Merge request for ${ticket.key}` }, async (progress) => {
      progress.report({ message: `pushing ${branch} to ${remote}…` });
      try {
        await repository.push(remote, branch, true);
      } catch (error) {
        void vscode.window.showErrorMessage(`Could not push ${branch} to ${remote}: ${errorText(error)} Nothing else was done.`);
        return 'failed';
      }
      const target = (await defaultBranch(git.api.git.path, repository.rootUri.fsPath, remote))?.replace(new RegExp(`^${remote}/`), '') ?? 'main';
      progress.report({ message: `opening the merge request into ${target}…` });
      const created = await createMergeRequest({
        ticketId: ticket.id,
        sourceBranch: branch,
        targetBranch: target,
        title: ticket.title,
        description: `${this.settings().mergeRequestReference === 'closes' ? 'Closes' : 'Related to'} ${ticket.key}\n\nSupport ticket: ${ticket.url ?? ticket.key}`,
        draft: this.settings().mergeRequestDraft,
      });
      if (created.kind !== 'ok') {
        void showFailure({ ...created, message: `Pushed ${branch}; opening the merge request failed: ${created.message}` });
        return 'failed';
      }
      progress.report({ message: 'recording it on the ticket…' });
      const linked = await source.linkChange(ticket.id, { kind: 'mergeRequest', name: created.value.reference, url: created.value.url });
      if (linked.kind === 'ok') this.model.replaceTicket(linked.value);
      else log().warn(`Merge request ${created.value.reference} could not be recorded on ${ticket.key}: ${linked.message}`);
      const recorded = linked.kind === 'ok' ? '' : ` Recording it on ${ticket.key} failed: ${linked.message}`;
      void vscode.window.showInformationMessage(`Merge request ${created.value.reference} opened for ${ticket.key}.${recorded}`, OPEN).then((picked) => {
        if (picked === OPEN) void vscode.env.openExternal(vscode.Uri.parse(created.value.url));
      });
      return 'created';
    });
  }
}
