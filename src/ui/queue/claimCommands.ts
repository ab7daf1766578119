/**
 * Claim and release. A claim is made against what the user saw: if someone else got there first the
 * user is told who, and nothing is overwritten; if the ticket only changed, they are asked again.
 */
import * as vscode from 'vscode';
import { isAssignedTo, type Ticket } from '../../core/ticket';
import type { SourceResult } from '../../providers/sourceResult';
import { showFailure } from '../common/failureMessages';
import { log } from '../common/log';
import type { QueueModel } from './queueModel';
import { pickTicket, ticketFromArgument } from '../common/ticketPick';
import type { SlaTargets } from '../../core/sla';

/** What a command did, returned to its caller (other commands, tests). */
export type CommandOutcome = SourceResult<Ticket>['kind'] | 'noTicket';

const CLAIM_NOW = 'Claim Now';

export class ClaimCommands {
  constructor(
    private readonly model: QueueModel,
    private readonly targets: () => SlaTargets,
  ) {}

  async claim(argument?: unknown): Promise<CommandOutcome> {
    const ticket =
      ticketFromArgument(this.model, argument) ??
      (await this.pick((t) => t.assignee === null, 'Claim which ticket?', 'There is no unclaimed ticket in the queue.'));
    if (!ticket) return 'noTicket';
    return this.claimSeen(ticket);
  }

  async release(argument?: unknown): Promise<CommandOutcome> {
    const mine = (t: Ticket): boolean => isAssignedTo(t, this.model.sourceOf(t)?.me);
    const ticket = ticketFromArgument(this.model, argument) ?? (await this.pick(mine, 'Release which of your tickets?', 'You hold no ticket.'));
    if (!ticket) return 'noTicket';
    const source = this.model.sourceOf(ticket);
    if (!source) return 'notFound';
    const result = await this.withProgress(`Releasing ${ticket.key}…`, () => source.release({ id: ticket.id, revision: ticket.revision }));
    return this.settle(result, `Released ${ticket.key}`, () => this.release(ticket));
  }

  private async claimSeen(ticket: Ticket): Promise<CommandOutcome> {
    const source = this.model.sourceOf(ticket);
    if (!source) return 'notFound';
    if (!source.capabilities.claim) {
      void vscode.window.showInformationMessage(`${source.label} does not support claiming tickets.`);
      return 'noTicket';
    }
    const result = await this.withProgress(`Claiming ${ticket.key}…`, () => source.claim({ id: ticket.id, revision: ticket.revision }));
    if (result.kind === 'conflict' && result.current) this.model.replaceTicket(result.current);
    if (result.kind === 'conflict' && result.holder === null && result.current) {
      // It changed but nobody holds it: the user decides again on what it is now.
      const current = result.current;
      log().info(`${ticket.key} changed before the claim (revision ${ticket.revision} → ${current.revision})`);
      const answer = await vscode.window.showWarningMessage(`${result.message} Claim it as it is now?`, CLAIM_NOW);
      return answer === CLAIM_NOW ? this.claimSeen(current) : 'conflict';
    }
    if (result.kind === 'conflict') {
      log().info(result.message);
      void vscode.window.showWarningMessage(result.message);
      return 'conflict';
    }
    return this.settle(result, `Claimed ${ticket.key}`, () => this.claimSeen(ticket));
  }

  private settle(result: SourceResult<Ticket>, done: string, retry: () => unknown): CommandOutcome {
    if (result.kind === 'ok') {
      this.model.replaceTicket(result.value);
      log().info(done);
      vscode.window.setStatusBarMessage(`$(check) ${done}`, 4_000);
    } else {
      void showFailure(result, retry);
    }
    return result.kind;
  }

  private async pick(filter: (t: Ticket) => boolean, placeHolder: string, none: string): Promise<Ticket | undefined> {
    if (!this.model.hasLoaded) await this.model.refresh();
    const candidates = this.model.tickets().filter(filter);
    if (candidates.length === 0) {
      void vscode.window.showInformationMessage(none);
      return undefined;
    }
    return pickTicket(candidates, this.targets(), placeHolder);
  }

  private withProgress<T>(title: string, task: () => Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, task));
  }
}
