/**
 * Working on a ticket in git: fix branches, the active ticket in the status bar and its actions,
 * the commit message offer, and merge requests. Git is reached only once the queue has loaded, so
 * activation itself does no git work.
 */
import * as vscode from 'vscode';
import { gitApi } from '../../git/gitExtension';
import { registerCommand } from '../common/commandRegistration';
import { COMMANDS, CONTEXT_KEYS } from '../common/contributionIds';
import { log } from '../common/log';
import type { Settings } from '../common/settings';
import { registerTicketCommand, type TicketCommandHost } from '../common/ticketCommand';
import type { Ticket } from '../../core/ticket';
import type { TicketSource } from '../../providers/ticketSource';
import type { QueueModel } from '../queue/queueModel';
import { activeTicketActions } from './activeTicketActions';
import { ActiveTicketStatusItem } from './activeTicketStatusItem';
import type { ActiveTicketTracker } from './activeTicketTracker';
import type { BranchLinks } from './branchLinks';
import { CommitPrefill } from './commitPrefill';
import { FixBranchCommand, type Claim } from './fixBranchCommand';
import type { MergeRequestCommand } from './mergeRequestCommand';
import { remoteSources } from '../sources/remoteBundle';

export interface BranchParts {
  readonly host: TicketCommandHost;
  readonly model: QueueModel;
  readonly links: BranchLinks;
  readonly tracker: ActiveTicketTracker;
  readonly settings: () => Settings;
  readonly claim: Claim;
}

export interface BranchFeature {
  /** The status bar's text for the active ticket, or undefined when none is shown. */
  activeTicketText(): string | undefined;
}

export function registerBranch({ host, model, links, tracker, settings, claim }: BranchParts): BranchFeature {
  const { context } = host;
  const statusItem = new ActiveTicketStatusItem(tracker, () => settings().slaTargets);
  const prefill = new CommitPrefill(tracker, () => settings().commitTemplate);
  context.subscriptions.push(statusItem, prefill);

  const fixBranch = new FixBranchCommand(model, links, claim, settings);
  // Only remote sources open merge requests: the command is in their bundle, loaded on its first run.
  let mergeRequests: MergeRequestCommand | undefined;
  const createMergeRequest = (ticket: Ticket, source: TicketSource): ReturnType<MergeRequestCommand['run']> =>
    (mergeRequests ??= new (remoteSources().MergeRequestCommand)(model, tracker, settings)).run(ticket, source);
  registerTicketCommand(
    host,
    COMMANDS.createFixBranch,
    { pick: 'openToMe', placeHolder: vscode.l10n.t('Create a fix branch for which ticket?') },
    (ticket, source) => fixBranch.run(ticket, source),
  );
  registerTicketCommand(
    host,
    COMMANDS.createMergeRequest,
    { pick: 'active', placeHolder: vscode.l10n.t('Create a merge request for which ticket?') },
    createMergeRequest,
  );
  // GitHub's name for the same thing: the pull request is opened by the same steps.
  registerTicketCommand(
    host,
    COMMANDS.createPullRequest,
    { pick: 'active', placeHolder: vscode.l10n.t('Create a pull request for which ticket?'), needs: 'mergeRequests' },
    createMergeRequest,
  );
  registerCommand(context, COMMANDS.activeTicketActions, () =>
    activeTicketActions(tracker, (ticket) => model.sourceOf(ticket)?.capabilities.mergeRequests === true),
  );
  registerCommand(context, COMMANDS.stopWorking, () => tracker.stopWorking());

  startTrackingWhenQueueLoads(model, tracker);
  context.subscriptions.push(model.onDidChange(() => offerMergeRequestsWhereSupported(model)));
  return { activeTicketText: () => statusItem.text };
}

function startTrackingWhenQueueLoads(model: QueueModel, tracker: ActiveTicketTracker): void {
  const once = model.onDidChange(() => {
    once.dispose();
    void gitApi().then(
      (git) => (git.ok ? tracker.start(git.api) : log().info(`No active ticket in the status bar: ${git.message}`)),
      (error: unknown) => log().warn(`Git is not available for the active ticket: ${String(error)}`),
    );
  });
}

/** The palette offers Create Merge Request only when some source of the queue can open one. */
function offerMergeRequestsWhereSupported(model: QueueModel): void {
  const available = model.statuses().some(({ source }) => source.capabilities.mergeRequests === true);
  void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.mergeRequestsAvailable, available);
}
