/**
 * Create a fix branch from a ticket: a valid name from the template, the base the settings ask
 * for, the user's uncommitted changes carried along (git refuses, and nothing changes, when they
 * clash with the base), the link remembered and told to the ticket's source.
 */
import * as vscode from 'vscode';
import { branchNameFor } from '../../core/branchName';
import { isAssignedTo, ticketUid, type Ticket } from '../../core/ticket';
import type { TicketSource } from '../../providers/ticketSource';
import { defaultBranchBase, errorText, remoteOf, type BaseRef } from '../../git/baseBranch';
import { gitApi } from '../../git/gitExtension';
import type { GitApi, Repository } from '../../git/gitApiTypes';
import { baseNotice } from './baseNotice';
import type { BranchLinks } from './branchLinks';
import { SETTINGS } from '../common/contributionIds';
import { showFailure } from '../common/failureMessages';
import { log } from '../common/log';
import type { QueueModel } from '../queue/queueModel';
import { pickRepository } from '../common/repositoryPick';
import type { Settings } from '../common/settings';

export type FixBranchOutcome = 'created' | 'checkedOut' | 'cancelled' | 'failed';

/** Claims a ticket as the Claim command does; resolves to whether it is now mine. */
export type Claim = (ticket: Ticket, source: TicketSource) => Promise<boolean>;

export class FixBranchCommand {
  constructor(
    private readonly model: QueueModel,
    private readonly links: BranchLinks,
    private readonly claim: Claim,
    private readonly settings: () => Settings,
  ) {}

  async run(ticket: Ticket, source: TicketSource): Promise<FixBranchOutcome> {
    const git = await gitApi();
    if (!git.ok) {
      void vscode.window.showErrorMessage(git.message);
      return 'failed';
    }
    const repository = await pickRepository(git.api, vscode.l10n.t('Create the fix branch for {0} in which repository?', ticket.key));
    if (!repository) {
      if (git.api.repositories.length === 0)
        void vscode.window.showErrorMessage(vscode.l10n.t('Open a folder that is a git repository to create a fix branch.'));
      return git.api.repositories.length === 0 ? 'failed' : 'cancelled';
    }
    const settings = this.settings();
    const named = branchNameFor(ticket, settings.branchTemplate, { maxSlugLength: settings.branchMaxSlugLength, user: source.me });
    if (!named.ok) {
      void this.templateProblem(named.message);
      return 'failed';
    }
    if (!(await this.claimIfWanted(ticket, source))) return 'cancelled';

    const existing = await existingBranch(repository, named.name);
    const outcome = existing
      ? await this.checkOutExisting(repository, named.name, existing)
      : await this.create(git.api, repository, named.name, settings.branchBase);
    if (outcome === 'created' || outcome === 'checkedOut') await this.recordLink(repository, named.name, ticket, source);
    return outcome;
  }

  /** Claims an unclaimed ticket when the setting says so; never takes one someone else holds. */
  private async claimIfWanted(ticket: Ticket, source: TicketSource): Promise<boolean> {
    if (!this.settings().branchClaimOnStart || !source.capabilities.claim) return true;
    if (isAssignedTo(ticket, source.me)) return true;
    if (ticket.assignee === null && (await this.claim(ticket, source))) return true;
    const holder = this.model.find(ticketUid(ticket))?.assignee?.name ?? ticket.assignee?.name ?? vscode.l10n.t('someone else');
    const createAnyway = vscode.l10n.t('Create Branch Without Claiming');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} is claimed by {1}. Create a fix branch anyway? The ticket stays theirs.', ticket.key, holder),
      { modal: true },
      createAnyway,
    );
    return answer === createAnyway;
  }

  private async checkOutExisting(repository: Repository, name: string, where: string): Promise<FixBranchOutcome> {
    const question =
      where === 'local'
        ? vscode.l10n.t('The branch {0} already exists in this repository. Check it out?', name)
        : vscode.l10n.t('The branch {0} already exists on {1}. Check it out?', name, where);
    const checkOut = vscode.l10n.t('Check Out');
    const answer = await vscode.window.showInformationMessage(question, { modal: true, detail: carriedChangesText(repository) }, checkOut);
    if (answer !== checkOut) return 'cancelled';
    try {
      // For a branch only on the remote, git creates the local branch tracking it.
      await repository.checkout(name);
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not check out {0}: {1} Nothing was changed.', name, errorText(error)));
      return 'failed';
    }
    vscode.window.setStatusBarMessage(`$(git-branch) ${vscode.l10n.t('On {0}', name)}`, 4_000);
    return 'checkedOut';
  }

  private async create(api: GitApi, repository: Repository, name: string, baseMode: Settings['branchBase']): Promise<FixBranchOutcome> {
    if (repository.state.mergeChanges.length > 0) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Finish or abort the merge in {0} before creating {1}.', repository.rootUri.fsPath, name));
      return 'failed';
    }
    const base = await this.base(api, repository, baseMode);
    if (!base) return 'cancelled';
    const notice = baseNotice(name, base);
    if (notice?.warn) void vscode.window.showWarningMessage(notice.text);
    else if (notice) void vscode.window.showInformationMessage(notice.text);
    if (uncommittedCount(repository) > 0) {
      const bringChanges = vscode.l10n.t('Bring My Changes Along');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('Create {0} from {1}?', name, base.ref),
        { modal: true, detail: carriedChangesText(repository) },
        bringChanges,
      );
      if (answer !== bringChanges) return 'cancelled';
    }
    try {
      await repository.createBranch(name, true, base.ref);
    } catch (error) {
      const kept = uncommittedCount(repository) > 0 ? ` ${vscode.l10n.t('Your uncommitted changes are where they were.')}` : '';
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not create {0} from {1}: {2} Nothing was changed.', name, base.ref, errorText(error)) + kept);
      return 'failed';
    }
    log().info(`Created ${name} from ${base.ref} in ${repository.rootUri.fsPath}`);
    vscode.window.setStatusBarMessage(`$(git-branch) ${vscode.l10n.t('Created {0} from {1}', name, base.ref)}`, 4_000);
    return 'created';
  }

  private async base(api: GitApi, repository: Repository, mode: Settings['branchBase']): Promise<BaseRef | undefined> {
    if (mode === 'currentBranch') return { ref: repository.state.HEAD?.name ?? 'HEAD', reason: { kind: 'chosen' } };
    if (mode === 'ask') return askForBase(repository);
    const remote = remoteOf(repository);
    // Without a remote nothing is fetched, so nothing is said to be.
    if (!remote) return defaultBranchBase(repository, api.git.path);
    const title = vscode.l10n.t("Fetching {0}'s default branch…", remote);
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, () => defaultBranchBase(repository, api.git.path));
  }

  /** Remembered here and recorded on the ticket; a failure to record leaves the branch in place. */
  private async recordLink(repository: Repository, name: string, ticket: Ticket, source: TicketSource): Promise<void> {
    await this.links.link(repository.rootUri.fsPath, name, { sourceId: ticket.sourceId, id: ticket.id, key: ticket.key });
    if (!source.capabilities.linkChanges) return;
    const alreadyLinked = ticket.links.some((l) => l.kind === 'branch' && l.name === name);
    const linked = await source.linkChange(ticket.id, { kind: 'branch', name });
    if (linked.kind !== 'ok') {
      const message = vscode.l10n.t('The branch {0} is ready, but recording it on {1} failed: {2}', name, ticket.key, linked.message);
      void showFailure({ ...linked, message }, () => this.recordLink(repository, name, ticket, source));
      return;
    }
    this.model.replaceTicket(linked.value);
    if (alreadyLinked || !source.capabilities.internalNotes) return;
    const noted = await source.addInternalNote(ticket.id, vscode.l10n.t('Fix branch `{0}` created.', name));
    if (noted.kind === 'ok') this.model.replaceTicket(noted.value);
    else log().warn(`Could not add the fix-branch note to ${ticket.key}: ${noted.message}`);
  }

  private async templateProblem(message: string): Promise<void> {
    const openSettings = vscode.l10n.t('Open Settings');
    const picked = await vscode.window.showErrorMessage(message, openSettings);
    if (picked === openSettings) await vscode.commands.executeCommand('workbench.action.openSettings', `${SETTINGS.section}.${SETTINGS.branchTemplate}`);
  }
}

/** `local`, the remote it exists on, or undefined. */
async function existingBranch(repository: Repository, name: string): Promise<string | undefined> {
  try {
    await repository.getBranch(name);
    return 'local';
  } catch {
    // Not a local branch; perhaps a colleague pushed it.
  }
  const remote = (await repository.getBranches({ remote: true })).find((ref) => ref.remote && ref.name === `${ref.remote}/${name}`);
  return remote?.remote;
}

function uncommittedCount(repository: Repository): number {
  const { indexChanges, workingTreeChanges, untrackedChanges = [] } = repository.state;
  return new Set([...indexChanges, ...workingTreeChanges, ...untrackedChanges].map((c) => c.uri.toString())).size;
}

function carriedChangesText(repository: Repository): string {
  const count = uncommittedCount(repository);
  if (count === 0) return '';
  const files = count === 1 ? vscode.l10n.t('You have 1 file with uncommitted changes.') : vscode.l10n.t('You have {0} files with uncommitted changes.', count);
  return `${files} ${vscode.l10n.t("They come along to the new branch unchanged. If they clash with the branch's content, git stops before switching and nothing changes: no change is lost either way.")}`;
}

async function askForBase(repository: Repository): Promise<BaseRef | undefined> {
  const refs = [...(await repository.getBranches({ remote: false })), ...(await repository.getBranches({ remote: true }))];
  const picked = await vscode.window.showQuickPick(
    refs.flatMap((ref) => (ref.name ? [{ label: ref.name, description: ref.remote ? vscode.l10n.t('remote') : vscode.l10n.t('local') }] : [])),
    { placeHolder: vscode.l10n.t('Start the fix branch from which branch?'), ignoreFocusOut: true },
  );
  return picked ? { ref: picked.label, reason: { kind: 'chosen' } } : undefined;
}
