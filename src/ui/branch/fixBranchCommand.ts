/**
 * Create a fix branch from a ticket: a valid name from the template, the base the settings ask
 * for, the user's uncommitted changes carried along (git refuses, and nothing changes, when they
 * clash with the base), the link remembered and told to the ticket's source.
 */
import * as vscode from 'vscode';
import { branchNameFor } from '../../core/branchName';
import { isAssignedTo, ticketUid, type Ticket } from '../../core/ticket';
import { defaultBranchBase, errorText, type BaseRef } from '../../git/baseBranch';
import { gitApi } from '../../git/gitExtension';
import type { GitApi, Repository } from '../../git/gitApiTypes';
import type { BranchLinks } from './branchLinks';
import type { ClaimCommands } from '../queue/claimCommands';
import { SETTINGS } from '../common/contributionIds';
import { showFailure } from '../common/failureMessages';
import { log } from '../common/log';
import type { QueueModel } from '../queue/queueModel';
import { pickRepository } from '../common/repositoryPick';
import type { Settings } from '../common/settings';
import { openToMe, pickFromQueue, ticketFromArgument } from '../common/ticketPick';

export type FixBranchOutcome = 'created' | 'checkedOut' | 'cancelled' | 'failed' | 'noTicket';

const CREATE_ANYWAY = 'Create Branch Without Claiming';
const CHECK_OUT = 'Check Out';
const BRING_CHANGES = 'Bring My Changes Along';
const OPEN_SETTINGS = 'Open Settings';

export class FixBranchCommand {
  constructor(
    private readonly model: QueueModel,
    private readonly links: BranchLinks,
    private readonly claims: ClaimCommands,
    private readonly settings: () => Settings,
  ) {}

  async run(argument?: unknown): Promise<FixBranchOutcome> {
    const ticket =
      ticketFromArgument(this.model, argument) ??
      (await pickFromQueue(this.model, this.settings().slaTargets, 'Create a fix branch for which ticket?', openToMe(this.model)));
    if (!ticket) return 'noTicket';
    const git = await gitApi();
    if (!git.ok) {
      void vscode.window.showErrorMessage(git.message);
      return 'failed';
    }
    const repository = await pickRepository(git.api, `Create the fix branch for ${ticket.key} in which repository?`);
    if (!repository) {
      if (git.api.repositories.length === 0) void vscode.window.showErrorMessage('Open a folder that is a git repository to create a fix branch.');
      return git.api.repositories.length === 0 ? 'failed' : 'cancelled';
    }
    const settings = this.settings();
    const named = branchNameFor(ticket, settings.branchTemplate, { maxSlugLength: settings.branchMaxSlugLength, user: this.model.sourceOf(ticket)?.me });
    if (!named.ok) {
      void this.templateProblem(named.message);
      return 'failed';
    }
    if (!(await this.claimIfWanted(ticket))) return 'cancelled';

    const existing = await existingBranch(repository, named.name);
    const outcome = existing
      ? await this.checkOutExisting(repository, named.name, existing)
      : await this.create(git.api, repository, named.name, settings.branchBase);
    if (outcome === 'created' || outcome === 'checkedOut') await this.recordLink(repository, named.name, ticket);
    return outcome;
  }

  /** Claims an unclaimed ticket when the setting says so; never takes one someone else holds. */
  private async claimIfWanted(ticket: Ticket): Promise<boolean> {
    if (!this.settings().branchClaimOnStart) return true;
    const me = this.model.sourceOf(ticket)?.me;
    if (isAssignedTo(ticket, me)) return true;
    if (ticket.assignee === null) {
      const claimed = await this.claims.claim({ sourceId: ticket.sourceId, id: ticket.id });
      if (claimed === 'ok') return true;
    }
    const holder = this.model.find(ticketUid(ticket))?.assignee?.name ?? ticket.assignee?.name ?? 'someone else';
    const answer = await vscode.window.showWarningMessage(
      `${ticket.key} is claimed by ${holder}. Create a fix branch anyway? The ticket stays theirs.`,
      { modal: true },
      CREATE_ANYWAY,
    );
    return answer === CREATE_ANYWAY;
  }

  private async checkOutExisting(repository: Repository, name: string, where: 'local' | string): Promise<FixBranchOutcome> {
    const place = where === 'local' ? 'in this repository' : `on ${where}`;
    const answer = await vscode.window.showInformationMessage(
      `The branch ${name} already exists ${place}. Check it out?`,
      { modal: true, detail: carriedChangesText(repository) },
      CHECK_OUT,
    );
    if (answer !== CHECK_OUT) return 'cancelled';
    try {
      // For a branch only on the remote, git creates the local branch tracking it.
      await repository.checkout(name);
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not check out ${name}: ${errorText(error)} Nothing was changed.`);
      return 'failed';
    }
    vscode.window.setStatusBarMessage(`$(git-branch) On ${name}`, 4_000);
    return 'checkedOut';
  }

  private async create(api: GitApi, repository: Repository, name: string, baseMode: Settings['branchBase']): Promise<FixBranchOutcome> {
    if (repository.state.mergeChanges.length > 0) {
      void vscode.window.showErrorMessage(`Finish or abort the merge in ${repository.rootUri.fsPath} before creating ${name}.`);
      return 'failed';
    }
    const base = await this.base(api, repository, baseMode);
    if (!base) return 'cancelled';
    if (base.warning) void vscode.window.showWarningMessage(base.warning);
    if (uncommittedCount(repository) > 0) {
      const answer = await vscode.window.showWarningMessage(
        `Create ${name} from ${base.ref}?`,
        { modal: true, detail: carriedChangesText(repository) },
        BRING_CHANGES,
      );
      if (answer !== BRING_CHANGES) return 'cancelled';
    }
    try {
      await repository.createBranch(name, true, base.ref);
    } catch (error) {
      const kept = uncommittedCount(repository) > 0 ? ' Your uncommitted changes are where they were.' : '';
      void vscode.window.showErrorMessage(`Could not create ${name} from ${base.ref}: ${errorText(error)} Nothing was changed.${kept}`);
      return 'failed';
    }
    log().info(`Created ${name} from ${base.ref} in ${repository.rootUri.fsPath}`);
    vscode.window.setStatusBarMessage(`$(git-branch) Created ${name}`, 4_000);
    return 'created';
  }

  private async base(api: GitApi, repository: Repository, mode: Settings['branchBase']): Promise<BaseRef | undefined> {
    if (mode === 'currentBranch') return { ref: repository.state.HEAD?.name ?? 'HEAD' };
    if (mode === 'ask') return askForBase(repository);
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Fetching the default branch…' }, () =>
      defaultBranchBase(repository, api.git.path),
    );
  }

  /** Remembered here and recorded on the ticket; a failure to record leaves the branch in place. */
  private async recordLink(repository: Repository, name: string, ticket: Ticket): Promise<void> {
    await this.links.link(repository.rootUri.fsPath, name, { sourceId: ticket.sourceId, id: ticket.id, key: ticket.key });
    const source = this.model.sourceOf(ticket);
    if (!source?.capabilities.linkChanges) return;
    const alreadyLinked = ticket.links.some((l) => l.kind === 'branch' && l.name === name);
    const linked = await source.linkChange(ticket.id, { kind: 'branch', name });
    if (linked.kind !== 'ok') {
      void showFailure({ ...linked, message: `The branch ${name} is ready, but recording it on ${ticket.key} failed: ${linked.message}` }, () =>
        this.recordLink(repository, name, ticket),
      );
      return;
    }
    this.model.replaceTicket(linked.value);
    if (alreadyLinked || !source.capabilities.internalNotes) return;
    const noted = await source.addInternalNote(ticket.id, `Fix branch \`${name}\` created.`);
    if (noted.kind === 'ok') this.model.replaceTicket(noted.value);
    else log().warn(`Could not add the fix-branch note to ${ticket.key}: ${noted.message}`);
  }

  private async templateProblem(message: string): Promise<void> {
    const picked = await vscode.window.showErrorMessage(message, OPEN_SETTINGS);
    if (picked === OPEN_SETTINGS) await vscode.commands.executeCommand('workbench.action.openSettings', `${SETTINGS.section}.${SETTINGS.branchTemplate}`);
  }
}

/** `local`, the remote it exists on, or undefined. */
async function existingBranch(repository: Repository, name: string): Promise<'local' | string | undefined> {
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
  const files = count === 1 ? '1 file with uncommitted changes' : `${count} files with uncommitted changes`;
  return `You have ${files}. They come along to the new branch unchanged. If they clash with the branch's content, git stops before switching and nothing changes: no change is lost either way.`;
}

async function askForBase(repository: Repository): Promise<BaseRef | undefined> {
  const refs = [...(await repository.getBranches({ remote: false })), ...(await repository.getBranches({ remote: true }))];
  const picked = await vscode.window.showQuickPick(
    refs.flatMap((ref) => (ref.name ? [{ label: ref.name, description: ref.remote ? 'remote' : 'local' }] : [])),
    { placeHolder: 'Start the fix branch from which branch?', ignoreFocusOut: true },
  );
  return picked ? { ref: picked.label } : undefined;
}
