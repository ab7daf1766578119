/**
 * The composition root: activate() builds the services the features share and calls each
 * feature's register(). No file, git or network work happens here; the queue loads when the view
 * first asks for it.
 */
import { performance } from 'node:perf_hooks';
import * as coreL10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { ActiveTicketTracker } from './ui/branch/activeTicketTracker';
import { BranchLinks } from './ui/branch/branchLinks';
import { alertSettingsOf } from './ui/alerts/alertNotifier';
import { registerAlerts } from './ui/alerts/register';
import { registerBranch } from './ui/branch/register';
import { registerDashboard } from './ui/dashboard/register';
import { CONTEXT_KEYS, type QueueState } from './ui/common/contributionIds';
import { log } from './ui/common/log';
import { readSettings, type Settings } from './ui/common/settings';
import type { TicketCommandHost } from './ui/common/ticketCommand';
import { registerExperts } from './ui/experts/register';
import { Drafts } from './ui/handoff/drafts';
import { registerHandoff } from './ui/handoff/register';
import { journaled } from './ui/handover/activityJournal';
import { registerHandover } from './ui/handover/register';
import { QueueFileWatcher } from './ui/queue/queueFileWatcher';
import { QueueModel } from './ui/queue/queueModel';
import { snapshotTree, type SnapshotRow } from './ui/queue/queueSnapshot';
import { registerQueue } from './ui/queue/register';
import { registerSources } from './ui/sources/register';
import { alertAwaitsRead } from './ui/sources/alertPending';
import { buildSources } from './ui/sources/sourceFactory';
import { pollRemoteSources } from './ui/sources/remotePolling';
import { registerTicket } from './ui/ticket/register';
import { registerSeenBefore } from './ui/seenBefore/register';
import type { SeenBeforeAnswer } from './ui/seenBefore/seenBefore';
import { registerTriage } from './ui/triage/register';

/** What the extension exports: for its own integration tests and for automation. */
export interface SupportRotationApi {
  /** Milliseconds spent in activate(). */
  readonly activationMs: number;
  /** The queue tree after a fresh load. */
  snapshot(): Promise<SnapshotRow[]>;
  /** The queue tree as rendered now, without loading. */
  snapshotNow(): Promise<SnapshotRow[]>;
  /** Resolves when the queue has loaded (the view triggers the first load). */
  loaded(): Promise<void>;
  /** What the view shows: the queue, or which welcome content. */
  state(): QueueState;
  /** The active ticket as the status bar shows it, or undefined when none is shown. */
  activeTicketText(): string | undefined;
  /** Delivers a message to a ticket's open panel exactly as its webview would; false when none is open. */
  postToTicketPanel(ref: { sourceId: string; id: string }, message: unknown): Promise<boolean>;
  /** The code reference links (key and id) a ticket's open panel last gave its page; undefined when none is open. */
  ticketPanelReferences(ref: { sourceId: string; id: string }): readonly { key: string; id: string }[] | undefined;
  /** The "Seen before?" section a ticket's open panel last gave its page; undefined when it is not open or was given none. */
  ticketPanelSeenBefore(ref: { sourceId: string; id: string }): SeenBeforeAnswer['message'] | undefined;
  /** Delivers a message to the rotation dashboard exactly as its page would: `refused` when it does not fit the protocol, `closed` when no dashboard is open. */
  postToDashboard(message: unknown): Promise<'handled' | 'refused' | 'closed'>;
  /** Milliseconds from opening the rotation dashboard to its first drawn figures, and the page's own part of them; undefined until drawn. */
  dashboardFirstPaint(): { readonly totalMs: number; readonly pageMs: number } | undefined;
}

export function activate(context: vscode.ExtensionContext): SupportRotationApi {
  const started = performance.now();
  context.subscriptions.push(log());
  // core/ speaks through @vscode/l10n, which cannot reach `vscode`: hand it this language's bundle.
  // Every bundle shares this one copy of it (dist/shared.js).
  if (vscode.l10n.bundle) coreL10n.config({ contents: vscode.l10n.bundle });

  let current: Settings = readSettings();
  const settings = (): Settings => current;
  const userAgent = `support-rotation/${String((context.extension.packageJSON as { version?: unknown }).version)} (VS Code ${vscode.version})`;
  const accounts = registerSources(context, settings, userAgent, () => model.reconfigure());
  const watcher = new QueueFileWatcher(() => void model.refresh());
  const model = new QueueModel(
    {
      build: async () => journaled(await buildSources(current, accounts), context.globalState),
      watch: (files) => watcher.watch(files),
    },
    (state: QueueState) => void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.queueState, state),
  );
  const links = new BranchLinks(context.workspaceState);
  const tracker = new ActiveTicketTracker(model, links);
  const drafts = new Drafts(context.workspaceState);
  context.subscriptions.push(watcher, model, links, tracker, drafts);

  const host: TicketCommandHost = { context, model, targets: () => current.slaTargets, activeTicket: () => tracker.current?.ticket };
  const queue = registerQueue(host, model, settings);
  const branch = registerBranch({
    host,
    model,
    links,
    tracker,
    settings,
    claim: async (ticket, source) => (await queue.claims.claim(ticket, source)) === 'ok',
  });
  registerHandoff(host, model, drafts, settings, tracker);
  registerTriage(host, model);
  registerHandover(host, model, settings);
  const experts = registerExperts(host, model, drafts, settings);
  const ticket = registerTicket(host, model, (t) => experts.find(t), settings, registerSeenBefore(context, model));
  registerAlerts(context, model, settings);
  pollRemoteSources(context, model, {
    sightings: [queue.view, ticket.panels],
    alertPending: (withinMs) => alertAwaitsRead({ tickets: model.tickets(), me: model.me(), now: Date.now() }, alertSettingsOf(current), withinMs),
  });
  const dashboard = registerDashboard(context, model, settings);

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('supportRotation')) return;
      current = readSettings();
      for (const problem of current.problems) log().warn(problem);
      if (model.hasLoaded) void model.reconfigure();
      queue.tree.redraw();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void (model.hasLoaded && model.reconfigure())),
  );

  for (const problem of current.problems) log().warn(problem);
  const activationMs = performance.now() - started;
  log().info(`Activated in ${activationMs.toFixed(1)} ms`);
  return {
    activationMs,
    snapshot: async () => {
      await model.refresh();
      return snapshotTree(queue.tree);
    },
    snapshotNow: () => snapshotTree(queue.tree),
    loaded: () => model.refresh(),
    state: () => model.state,
    activeTicketText: () => branch.activeTicketText(),
    postToTicketPanel: (ref, message) => ticket.postToTicketPanel(ref, message),
    ticketPanelReferences: (ref) => ticket.ticketPanelReferences(ref),
    ticketPanelSeenBefore: (ref) => ticket.ticketPanelSeenBefore(ref),
    postToDashboard: (message) => dashboard.postToDashboard(message),
    dashboardFirstPaint: () => dashboard.dashboardFirstPaint(),
  };
}
