/**
 * The composition root: activate() wires the parts together and does nothing else. No file, git or
 * network work happens here; the queue loads when the view first asks for it.
 */
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { urgentUnclaimedCount } from './core/queueBadge';
import { ClaimCommands } from './ui/queue/claimCommands';
import { GitlabAccounts } from './ui/sources/gitlabAccounts';
import { GitlabSignInCommands } from './ui/sources/gitlabSignInCommands';
import { COMMANDS, CONTEXT_KEYS, VIEWS, type QueueState } from './ui/common/contributionIds';
import { reportUnexpected } from './ui/common/failureMessages';
import { log } from './ui/common/log';
import { QueueFileWatcher } from './ui/queue/queueFileWatcher';
import { QueueModel } from './ui/queue/queueModel';
import { snapshotTree, type SnapshotRow } from './ui/queue/queueSnapshot';
import { QueueTreeProvider } from './ui/queue/queueTreeProvider';
import { QueueViewState } from './ui/queue/queueViewState';
import { RepositoryOwnershipAdvisor } from './ui/handoff/repositoryOwnershipAdvisor';
import { createSampleQueue } from './ui/queue/sampleQueueCommand';
import { readSettings, type Settings } from './ui/common/settings';
import { buildSources } from './ui/sources/sourceFactory';
import { registerTicketWork } from './ui/ticketWork';
import { ViewCommands } from './ui/queue/viewCommands';

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
}

const SLA_CLOCK_MS = 60_000;

export function activate(context: vscode.ExtensionContext): SupportRotationApi {
  const started = performance.now();
  const push = (...items: vscode.Disposable[]): void => void context.subscriptions.push(...items);
  push(log());

  let settings: Settings = readSettings();
  const accounts = new GitlabAccounts(
    context.secrets,
    context.globalState,
    `support-rotation/${String(context.extension.packageJSON.version)} (VS Code ${vscode.version})`,
  );
  const watcher = new QueueFileWatcher(() => void model.refresh());
  const model = new QueueModel(
    {
      build: async () => {
        const built = await buildSources(settings, accounts);
        watcher.watch(built.localFiles);
        return built;
      },
    },
    (state: QueueState) => void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.queueState, state),
  );
  const viewState = new QueueViewState(context.workspaceState, () => settings.groupBy);
  const tree = new QueueTreeProvider(model, viewState, () => settings);
  const view = vscode.window.createTreeView(VIEWS.queue, { treeDataProvider: tree, showCollapseAll: true });
  push(watcher, model, viewState, tree, view);

  const updateViewChrome = (): void => {
    const urgent = urgentUnclaimedCount(tree.visibleTickets());
    view.badge = urgent > 0 ? { value: urgent, tooltip: `${urgent} unclaimed S1/S2 ticket${urgent === 1 ? '' : 's'}` } : undefined;
    const regions = viewState.regions.length > 0 ? viewState.regions.join(', ') : undefined;
    view.description = [regions, viewState.mode === 'team' ? 'by team' : undefined].filter(Boolean).join(' · ') || undefined;
  };
  push(model.onDidChange(updateViewChrome), viewState.onDidChange(updateViewChrome));

  const claims = new ClaimCommands(model, () => settings.slaTargets);
  const viewCommands = new ViewCommands(model, viewState);
  const register = (id: string, action: (...args: unknown[]) => unknown): void =>
    push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await action(...args);
        } catch (error) {
          reportUnexpected(id, error);
          return undefined;
        }
      }),
    );
  register(COMMANDS.refresh, () => viewCommands.refresh());
  register(COMMANDS.claim, (arg) => claims.claim(arg));
  register(COMMANDS.release, (arg) => claims.release(arg));
  register(COMMANDS.filterRegion, () => viewCommands.filterRegion());
  register(COMMANDS.changeGrouping, (mode) => viewCommands.changeGrouping(mode === 'ownership' || mode === 'team' ? mode : undefined));
  register(COMMANDS.openQueueFile, (sourceId) => viewCommands.openQueueFile(sourceId));
  register(COMMANDS.createSampleQueue, () => createSampleQueue(settings.localQueueFile, () => model.reconfigure()));
  register(COMMANDS.openSettings, () => viewCommands.openSettings());
  register(COMMANDS.showLog, () => log().show(true));
  const signIn = new GitlabSignInCommands(
    accounts,
    () => settings,
    () => model.reconfigure(),
  );
  register(COMMANDS.signInGitlab, (sourceId) => signIn.signIn(sourceId));
  register(COMMANDS.signOutGitlab, (sourceId) => signIn.signOut(sourceId));
  const work = registerTicketWork({
    context,
    model,
    claims,
    tree,
    view,
    advisor: new RepositoryOwnershipAdvisor(() => settings),
    settings: () => settings,
    register,
  });

  push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('supportRotation')) return;
      settings = readSettings();
      for (const problem of settings.problems) log().warn(problem);
      if (model.hasLoaded) void model.reconfigure();
      tree.redraw();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void (model.hasLoaded && model.reconfigure())),
  );

  // The SLA countdown moves while the queue does not: redraw, without reloading, while visible.
  const clock = setInterval(() => view.visible && tree.redraw(), SLA_CLOCK_MS);
  push({ dispose: () => clearInterval(clock) });

  for (const problem of settings.problems) log().warn(problem);
  const activationMs = performance.now() - started;
  log().info(`Activated in ${activationMs.toFixed(1)} ms`);
  return {
    activationMs,
    snapshot: async () => {
      await model.refresh();
      return snapshotTree(tree);
    },
    snapshotNow: () => snapshotTree(tree),
    loaded: () => model.refresh(),
    state: () => model.state,
    activeTicketText: () => work.activeTicketText(),
    postToTicketPanel: (ref, message) => work.postToTicketPanel(ref, message),
  };
}
