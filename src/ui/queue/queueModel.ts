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

export interface SourceStatus {
  readonly source: TicketSource;
  readonly failure?: SourceFailure;
  /** When the tickets shown for this source were loaded; older than the last attempt when stale. */
  readonly loadedAt?: Date;
}

export interface SourcesProvider {
  /** Builds the sources from the current settings; `needsFolder` when a local queue has no folder. */
  build(): Promise<{ sources: TicketSource[]; needsFolder: boolean }>;
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

  /** Rebuild the sources (settings or folders changed), then load. */
  async reconfigure(): Promise<void> {
    const built = await this.provider.build();
    this.sources = built.sources;
    this.needsFolder = built.needsFolder;
    this.configured = true;
    for (const id of this.loads.keys()) if (!this.sources.some((s) => s.id === id)) this.loads.delete(id);
    await this.refresh();
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
    for (const result of results) this.merge({ ...result, tickets: this.edits.applyTo(result.tickets, since) }, now);
    this.updateState();
    log().info(`Queue loaded: ${this.tickets().length} tickets from ${this.sources.length} source(s) in ${Date.now() - started} ms`);
    for (const problem of this.problems()) log().warn(`Skipped ${problem.location}: ${problem.message}`);
    this.changed.fire();
    this.announceFailures(results);
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
      const signInCommand = source?.kind === 'gitlab' ? COMMANDS.signInGitlab : source?.kind === 'github' ? COMMANDS.signInGithub : undefined;
      const signIn = signInCommand ? () => vscode.commands.executeCommand(signInCommand, sourceId) : undefined;
      void showFailure(failure, () => this.refresh(), signIn);
    }
  }
}
