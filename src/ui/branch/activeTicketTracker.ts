/**
 * The ticket being worked on: the one linked to the checked-out branch of the current repository,
 * or whose key the branch name contains. Git is reached only after the queue has loaded, so
 * activation does no git work.
 */
import * as vscode from 'vscode';
import { ticketNamedByBranch } from '../../core/branchTicket';
import { ticketUid, type Ticket } from '../../core/ticket';
import type { GitApi, Repository } from '../../git/gitApiTypes';
import type { BranchLinks, LinkedTicket } from './branchLinks';
import type { QueueModel } from '../queue/queueModel';
import { currentRepository } from '../common/repositoryPick';

export interface ActiveTicket {
  readonly repository: Repository;
  readonly branch: string;
  /** HEAD's commit: it moves with every commit made on the branch. */
  readonly commit: string | undefined;
  /** The ticket as the queue has it; absent when a linked ticket left the queue (solved, hidden). */
  readonly ticket: Ticket | undefined;
  readonly key: string;
  /** Linked by "Create Fix Branch", rather than guessed from the branch name. */
  readonly link: LinkedTicket | undefined;
}

export class ActiveTicketTracker implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ActiveTicket | undefined>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly repositoryListeners = new Map<Repository, vscode.Disposable>();
  private api: GitApi | undefined;
  private currentValue: ActiveTicket | undefined;
  /** Tickets handed to another team: a branch that names or links one no longer makes it mine. */
  private readonly handedOff = new Set<string>();

  constructor(
    private readonly model: QueueModel,
    private readonly links: BranchLinks,
  ) {}

  get current(): ActiveTicket | undefined {
    return this.currentValue;
  }

  start(api: GitApi): void {
    this.api = api;
    for (const repository of api.repositories) this.watch(repository);
    this.disposables.push(
      api.onDidOpenRepository((repository) => {
        this.watch(repository);
        this.update();
      }),
      api.onDidCloseRepository((repository) => {
        this.repositoryListeners.get(repository)?.dispose();
        this.repositoryListeners.delete(repository);
        this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      this.model.onDidChange(() => this.update()),
      this.links.onDidChange(() => this.update()),
    );
    this.update();
  }

  /** Forgets the link of the current branch: the status bar stops showing the ticket. */
  async stopWorking(): Promise<void> {
    const active = this.currentValue;
    if (active) await this.links.unlink(active.repository.rootUri.fsPath, active.branch);
  }

  /** After a hand-off the ticket stops being the active one, whichever way its branch points at it. */
  async letGo(ticket: Ticket): Promise<void> {
    this.handedOff.add(ticketUid(ticket));
    const active = this.currentValue;
    if (active?.link && ticketUid(active.link) === ticketUid(ticket)) await this.links.unlink(active.repository.rootUri.fsPath, active.branch);
    this.update();
  }

  dispose(): void {
    for (const d of [...this.disposables, ...this.repositoryListeners.values()]) d.dispose();
    this.changed.dispose();
  }

  private watch(repository: Repository): void {
    if (!this.repositoryListeners.has(repository))
      this.repositoryListeners.set(
        repository,
        repository.state.onDidChange(() => this.update()),
      );
  }

  private update(): void {
    const next = this.resolve();
    const before = this.currentValue;
    this.currentValue = next;
    // Repository state changes often (every file save); only a different answer is news.
    const same =
      before?.repository === next?.repository &&
      before?.branch === next?.branch &&
      before?.commit === next?.commit &&
      before?.ticket === next?.ticket &&
      before?.key === next?.key;
    if (!same) {
      this.changed.fire(next);
    }
  }

  private resolve(): ActiveTicket | undefined {
    const repository = this.api && currentRepository(this.api);
    const branch = repository?.state.HEAD?.name;
    if (!repository || !branch) return undefined;
    const commit = repository.state.HEAD?.commit;
    const link = this.links.ticketFor(repository.rootUri.fsPath, branch);
    if (link && !this.handedOff.has(ticketUid(link))) return { repository, branch, commit, link, key: link.key, ticket: this.model.find(ticketUid(link)) };
    const named = ticketNamedByBranch(
      branch,
      this.model.tickets().filter((t) => !this.handedOff.has(ticketUid(t))),
    );
    return named ? { repository, branch, commit, link: undefined, key: named.key, ticket: named } : undefined;
  }
}
