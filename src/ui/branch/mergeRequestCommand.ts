/**
 * "Create Merge Request for Ticket" (and GitHub's "Create Pull Request for Ticket"): push the fix
 * branch (VS Code's git API), open a draft merge or pull request that references the issue, and
 * record it on the ticket as an internal note. Progress is shown; a failure names the step and what
 * was already done.
 */
import * as vscode from 'vscode';
import { defaultBranch, errorText, remoteOf } from '../../git/baseBranch';
import { mergeRequestDescription } from '../../core/mergeRequestDescription';
import type { Ticket } from '../../core/ticket';
import { gitApi } from '../../git/gitExtension';
import type { TicketSource } from '../../providers/ticketSource';
import type { ActiveTicketTracker } from './activeTicketTracker';
import { changeRequestTexts } from './changeRequestTexts';
import { showFailure } from '../common/failureMessages';
import { log } from '../common/log';
import type { QueueModel } from '../queue/queueModel';
import type { Settings } from '../common/settings';
import { unsupportedMessage } from '../common/unsupportedMessage';

export type MergeRequestOutcome = 'created' | 'failed' | 'noBranch';

export class MergeRequestCommand {
  constructor(
    private readonly model: QueueModel,
    private readonly tracker: ActiveTicketTracker,
    private readonly settings: () => Settings,
  ) {}

  async run(ticket: Ticket, source: TicketSource): Promise<MergeRequestOutcome | undefined> {
    const active = this.tracker.current;
    if (!source.capabilities.mergeRequests || !source.createMergeRequest) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          '{0} Push the fix branch from Source Control and open the merge request on your git host; then add its link to {1} in a note.',
          unsupportedMessage('mergeRequests', source, ticket),
          ticket.key,
        ),
      );
      return undefined;
    }
    const texts = changeRequestTexts(source.kind);
    if (!active || active.ticket?.id !== ticket.id || active.ticket.sourceId !== ticket.sourceId) {
      void vscode.window.showInformationMessage(texts.checkOutFirst(ticket.key));
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
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} has no remote to push {1} to.', repository.rootUri.fsPath, branch));
      return 'failed';
    }
    const title = texts.progressTitle(ticket.key);
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, async (progress) => {
      progress.report({ message: vscode.l10n.t('pushing {0} to {1}…', branch, remote) });
      try {
        await repository.push(remote, branch, true);
      } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not push {0} to {1}: {2} Nothing else was done.', branch, remote, errorText(error)));
        return 'failed';
      }
      const target = (await defaultBranch(git.api.git.path, repository.rootUri.fsPath, remote))?.replace(new RegExp(`^${remote}/`), '') ?? 'main';
      progress.report({ message: texts.opening(target) });
      const created = await createMergeRequest({
        ticketId: ticket.id,
        sourceBranch: branch,
        targetBranch: target,
        title: ticket.title,
        description: mergeRequestDescription(ticket, this.settings().mergeRequestReference),
        draft: this.settings().mergeRequestDraft,
      });
      if (created.kind !== 'ok') {
        void showFailure({ ...created, message: texts.openingFailed(branch, created.message) });
        return 'failed';
      }
      progress.report({ message: vscode.l10n.t('recording it on the ticket…') });
      const linked = await source.linkChange(ticket.id, { kind: 'mergeRequest', name: created.value.reference, url: created.value.url });
      if (linked.kind === 'ok') this.model.replaceTicket(linked.value);
      else log().warn(`Merge request ${created.value.reference} could not be recorded on ${ticket.key}: ${linked.message}`);
      const opened = texts.opened(created.value.reference, ticket.key);
      const recorded = linked.kind === 'ok' ? '' : ` ${vscode.l10n.t('Recording it on {0} failed: {1}', ticket.key, linked.message)}`;
      const open = texts.openAction();
      void vscode.window.showInformationMessage(opened + recorded, open).then((picked) => {
        if (picked === open) void vscode.env.openExternal(vscode.Uri.parse(created.value.url));
      });
      return 'created';
    });
  }
}
