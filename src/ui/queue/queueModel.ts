/**
 * The queue as loaded from every source: what the tree, the badge and the commands read. Loads are
 * coalesced (a refresh asked for during a load runs once after it), and a source that fails keeps
 * its last good tickets, marked stale, instead of emptying the view.
 */
import * as vscode from 'vscode';
import { RecentEdits } from '../../core/recentEdits';
import { ticketUid, type Ticket } from '../../core/ticket';
import { loadAllSources, type SourceLoad } from '../../providers/queueLoader';
import type { SourceFailure } from '../../providers/sourceResult';
import type { QueueProblem, TicketSource } from '../../providers/ticketSource';
import { COMMANDS, type QueueState } from '../common/contributionIds';
import { showFailure } from '../common/failureMessages';
import { log } from '../common/log';

/** The sign-in a refused source's failure offers, by the source's kind. */
const SIGN_IN_COMMANDS: Readonly<Record<string, string>> = {
  gitlab: COMMANDS.signInGitlab,
  zendesk: COMMANDS.signInZendesk,
  github: COMMANDS.signInGithub,
  jira: COMMANDS.signInJira,
};

export interface SourceStatus {
  readonly source: TicketSource;
  readonly failure?: SourceFailure;
  /** When the tickets shown for this source were loaded; older than the last attempt when stale. */
  readonly loadedAt?: Date;
}

export interface BuiltQueueSources {
  readonly sources: TicketSource[];
  /** True when a local queue has no folder to live in. */
  readonly needsFolder: boolean;
  /** Local queue files, to watch for changes made outside the editor. */
  readonly localFiles: readonly vscode.Uri[];
}

export interface SourcesProvider {
  /** Builds the sources from the current settings. */
  build(): Promise<BuiltQueueSources>;
  /** Watches the files of the build that became current; a build overtaken by a newer one is never watched. */
  watch(files: readonly vscode.Uri[]): void;
}

export class QueueModel implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  private sources: TicketSource[] = [];
  private needsFolder = false;
  private readonly loads = new Map<string, SourceLoad & { loadedAt?: Date }>();
  private readonly lastShownFailure = new Map<string, string>();
  private current: Promise<void> | undefined;
  private again = false;
  private configured = false;
  private generation = 0;
  private latestReconfigure: Promise<void> = Promise.resolve();
  private stateValue: QueueState = 'loading';
  private readonly edits = new RecentEdits();

  constructor(
    private readonly provider: SourcesProvider,
    private readonly onState: (state: QueueState) => void,
  ) {}

  get state(): QueueState {
    return this.stateValue;
  }

  get hasLoaded(): boolean {
    return this.configured;
  }

  /**
   * Rebuild the sources (settings or folders changed), then load. Builds take a while (git, remote
   * bundles) and may finish out of order: only the one asked for last is used, so settings changed
   * twice in a row never end with the older sources.
   */
  reconfigure(): Promise<void> {
    const generation = ++this.generation;
    this.latestReconfigure = this.provider.build().then((built) => (generation === this.generation ? this.adopt(built) : this.latestReconfigure));
    return this.latestReconfigure;
  }

  /** Load every source; concurrent calls share one load, plus one more if asked during it. */
  refresh(): Promise<void> {
    if (!this.configured) return this.reconfigure();
    if (this.current) {
      this.again = true;
      return this.current;
    }
    this.current = this.loadLoop().finally(() => (this.current = undefined));
    return this.current;
  }

  tickets(): Ticket[] {
    return [...this.loads.values()].flatMap((l) => l.tickets);
  }

  problems(): QueueProblem[] {
    return [...this.loads.values()].flatMap((l) => l.problems);
  }

  statuses(): SourceStatus[] {
    return this.sources.map((source) => {
      const load = this.loads.get(source.id);
      return { source, failure: load?.failure, loadedAt: load?.loadedAt };
    });
  }

  sourceOf(ticket: Pick<Ticket, 'sourceId'>): TicketSource | undefined {
    return this.sources.find((s) => s.id === ticket.sourceId);
  }

  find(uid: string): Ticket | undefined {
    return this.tickets().find((t) => ticketUid(t) === uid);
  }

  /** Who "me" is, per source. */
  me(): Map<string, string> {
    return new Map(this.sources.flatMap((s) => (s.me ? [[s.id, s.me] as const] : [])));
  }

  /** Show a ticket as a source just returned it, without reloading the whole queue. */
  replaceTicket(ticket: Ticket): void {
    const load = this.loads.get(ticket.sourceId);
    if (!load) return;
    const tickets = load.tickets.map((t) => (t.id === ticket.id ? ticket : t));
    this.loads.set(ticket.sourceId, { ...load, tickets });
    this.edits.record(ticket);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async adopt(built: BuiltQueueSources): Promise<void> {
    this.provider.watch(built.localFiles);
    this.sources = built.sources;
    this.needsFolder = built.needsFolder;
    this.configured = true;
    for (const id of this.loads.keys()) if (!this.sources.some((s) => s.id === id)) this.loads.delete(id);
    await this.refresh();
  }

  private async loadLoop(): Promise<void> {
    do {
      this.again = false;
      await this.loadOnce();
    } while (this.again);
  }

  private async loadOnce(): Promise<void> {
    const started = Date.now();
    const since = this.edits.mark();
    const results = await loadAllSources(this.sources);
    const now = new Date();
    // A source removed while it loaded (reconfigure) is not merged: left behind, its failure would
    // decide the view's state forever, and nothing would ever load it again.
    const configured = new Set(this.sources.map((s) => s.id));
    const current = results.filter((r) => configured.has(r.sourceId));
    for (const result of current) this.merge({ ...result, tickets: this.edits.applyTo(result.tickets, since) }, now);
    this.updateState();
    log().info(`Queue loaded: ${this.tickets().length} tickets from ${this.sources.length} source(s) in ${Date.now() - started} ms`);
    for (const problem of this.problems()) log().warn(`Skipped ${problem.location}: ${problem.message}`);
    this.changed.fire();
    this.announceFailures(current);
  }

  /** A failed load keeps the source's last good tickets; a missing local file empties it. */
  private merge(result: SourceLoad, now: Date): void {
    const previous = this.loads.get(result.sourceId);
    if (!result.failure) {
      this.loads.set(result.sourceId, { ...result, loadedAt: now });
    } else if (previous && result.failure.kind !== 'notFound') {
      this.loads.set(result.sourceId, { ...previous, failure: result.failure });
    } else {
      this.loads.set(result.sourceId, { ...result, tickets: [], problems: [] });
    }
  }

  private updateState(): void {
    const loads = [...this.loads.values()];
    let state: QueueState;
    if (this.sources.length === 0) state = this.needsFolder ? 'noFolder' : 'failed';
    else if (loads.some((l) => !l.failure || l.tickets.length > 0)) state = 'ready';
    else if (loads.every((l) => l.failure?.kind === 'notFound')) state = 'missing';
    else state = 'failed';
    this.stateValue = state;
    this.onState(state);
  }

  /** Each distinct failure is shown once, not again on every refresh; a missing file is the welcome view's job. */
  private announceFailures(results: readonly SourceLoad[]): void {
    for (const { sourceId, failure } of results) {
      if (!failure || failure.kind === 'notFound' || failure.kind === 'cancelled') {
        this.lastShownFailure.delete(sourceId);
        continue;
      }
      if (this.lastShownFailure.get(sourceId) === failure.message) continue;
      this.lastShownFailure.set(sourceId, failure.message);
      const source = this.sources.find((s) => s.id === sourceId);
      const command = source ? SIGN_IN_COMMANDS[source.kind] : undefined;
      const signIn = command ? { sourceId, command } : undefined;
      void showFailure(failure, () => this.refresh(), signIn);
    }
  }
}
