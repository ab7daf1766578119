/**
 * Wires the work on a ticket: its panel, experts to pair with, fix branches, the active ticket in the status bar, the commit
 * message offer, internal notes and hand-offs (with their drafts). Git is reached only once the
 * queue has loaded, so activation itself does no git work.
 */
import * as vscode from 'vscode';
import { gitApi } from '../git/gitExtension';
import { ActiveTicketTracker } from './branch/activeTicketTracker';
import { activeTicketActions } from './branch/activeTicketActions';
import { ActiveTicketStatusItem } from './branch/activeTicketStatusItem';
import { BranchLinks } from './branch/branchLinks';
import type { ClaimCommands } from './queue/claimCommands';
import { CommitPrefill } from './branch/commitPrefill';
import { COMMANDS } from './common/contributionIds';
import { DraftCommands } from './handoff/draftCommands';
import { Drafts } from './handoff/drafts';
import { ExpertFinder } from './experts/expertFinder';
import { ExpertiseStore } from './experts/expertiseStore';
import { PairCommand } from './experts/pairCommand';
import { FixBranchCommand } from './branch/fixBranchCommand';
import { HandoffCommand } from './handoff/handoffCommand';
import { log } from './common/log';
import { MergeRequestCommand } from './branch/mergeRequestCommand';
import { NoteCommand } from './handoff/noteCommand';
import type { OwnershipAdvisor } from './handoff/ownershipAdvisor';
import type { QueueModel } from './queue/queueModel';
import type { QueueNode, QueueTreeProvider } from './queue/queueTreeProvider';
import type { Settings } from './common/settings';
import { openTicketInBrowser, revealTicket } from './queue/ticketNavigation';
import { TicketPanels } from './ticket/ticketPanels';
import { TicketWriter } from './ticket/ticketWriter';
import { pickFromQueue, ticketFromArgument } from './common/ticketPick';

export interface TicketWorkParts {
  readonly context: vscode.ExtensionContext;
  readonly model: QueueModel;
  readonly claims: ClaimCommands;
  readonly tree: QueueTreeProvider;
  readonly view: vscode.TreeView<QueueNode>;
  readonly advisor: OwnershipAdvisor;
  readonly settings: () => Settings;
  readonly register: (id: string, action: (...args: unknown[]) => unknown) => void;
}

export interface TicketWork {
  /** The status bar's text for the active ticket, or undefined when none is shown. */
  activeTicketText(): string | undefined;
  /** Delivers a message to a ticket's open panel as its webview would; false when it is not open. */
  postToTicketPanel(ref: { sourceId: string; id: string }, message: unknown): Promise<boolean>;
}

export function registerTicketWork(parts: TicketWorkParts): TicketWork {
  const { context, model, register, settings } = parts;
  const links = new BranchLinks(context.workspaceState);
  const tracker = new ActiveTicketTracker(model, links);
  const statusItem = new ActiveTicketStatusItem(tracker, () => settings().slaTargets);
  const prefill = new CommitPrefill(tracker, () => settings().commitTemplate);
  const drafts = new Drafts(context.workspaceState);
  context.subscriptions.push(links, tracker, statusItem, prefill, drafts);

  const fixBranch = new FixBranchCommand(model, links, parts.claims, settings);
  const notes = new NoteCommand(model, drafts, () => settings().slaTargets);
  const handoff = new HandoffCommand(model, drafts, parts.advisor, () => settings().slaTargets);
  const draftCommands = new DraftCommands(model, drafts);
  const finder = new ExpertFinder(new ExpertiseStore(context.globalStorageUri), model, settings);
  const pair = new PairCommand(model, finder, drafts, () => settings().slaTargets);
  const panels = new TicketPanels({
    model,
    experts: (ticket) => pair.find(ticket),
    writer: new TicketWriter(model),
    extensionUri: context.extensionUri,
    targets: () => settings().slaTargets,
  });
  context.subscriptions.push(panels);
  const withTicket = async <T>(argument: unknown, action: (ticket: NonNullable<ReturnType<QueueModel['find']>>) => Promise<T>): Promise<T | undefined> => {
    const ticket = ticketFromArgument(model, argument) ?? tracker.current?.ticket;
    return ticket ? action(ticket) : undefined;
  };

  register(COMMANDS.openTicket, async (arg) => {
    const ticket = ticketFromArgument(model, arg) ?? (await pickFromQueue(model, settings().slaTargets, 'Open which ticket?'));
    return ticket ? panels.open(ticket).uid : undefined;
  });
  register(COMMANDS.createFixBranch, (arg) => fixBranch.run(arg));
  register(COMMANDS.pairWithExpert, (arg) => pair.run(arg));
  const mergeRequests = new MergeRequestCommand(model, tracker, settings);
  register(COMMANDS.createMergeRequest, (arg) => mergeRequests.run(arg));
  register(COMMANDS.addInternalNote, (arg) => notes.start(arg));
  register(COMMANDS.handOff, (arg) => handoff.start(arg));
  register(COMMANDS.sendDraft, (uri) => draftCommands.send(uri instanceof vscode.Uri ? uri : undefined));
  register(COMMANDS.discardDraft, (uri) => draftCommands.discard(uri instanceof vscode.Uri ? uri : undefined));
  register(COMMANDS.activeTicketActions, () => activeTicketActions(tracker));
  register(COMMANDS.stopWorking, () => tracker.stopWorking());
  register(COMMANDS.revealTicket, (arg) => withTicket(arg, (ticket) => revealTicket(parts.view, parts.tree, ticket)));
  register(COMMANDS.openInBrowser, (arg) => withTicket(arg, (ticket) => openTicketInBrowser(ticket)));

  startTrackingWhenQueueLoads(model, tracker);
  return {
    activeTicketText: () => statusItem.text,
    postToTicketPanel: async (ref, message) => {
      const panel = panels.find(ref);
      if (panel) await panel.receive(message);
      return panel !== undefined;
    },
  };
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
