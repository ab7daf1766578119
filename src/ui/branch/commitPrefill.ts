/**
 * Offers a commit message on a linked fix branch: only into an empty commit box, and once per
 * commit, so a message the user typed, or cleared on purpose, is never overwritten.
 */
import * as vscode from 'vscode';
import { commitMessageFor } from '../../core/commitMessage';
import type { ActiveTicketTracker } from './activeTicketTracker';

export class CommitPrefill implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Repository root + branch + HEAD commit already offered a message: a new branch starts on an old commit. */
  private readonly offered = new Set<string>();

  constructor(
    private readonly tracker: ActiveTicketTracker,
    private readonly template: () => string,
  ) {
    this.subscriptions.push(tracker.onDidChange(() => this.offer()));
  }

  /** The tracker reports a new HEAD commit too: after a commit, the next one gets its offer. */
  private offer(): void {
    const active = this.tracker.current;
    if (!active?.link || !active.ticket) return;
    const { repository } = active;
    const moment = `${repository.rootUri.fsPath}\u0000${active.branch}\u0000${active.commit ?? ''}`;
    if (this.offered.has(moment) || repository.inputBox.value.trim() !== '') return;
    this.offered.add(moment);
    repository.inputBox.value = commitMessageFor(active.ticket, this.template());
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
