/**
 * Claim and release. A claim is made against what the user saw: if someone else got there first the
 * user is told who, and nothing is overwritten; if the ticket only changed, they are asked again.
 * A release offers Undo, which claims the ticket again by the same rules: a colleague who took it
 * in between keeps it.
 */
import * as vscode from 'vscode';
import type { Ticket } from '../../core/ticket';
import type { SourceResult } from '../../providers/sourceResult';
import type { TicketSource } from '../../providers/ticketSource';
import { showFailure } from '../common/failureMessages';
import { log } from '../common/log';
import type { QueueModel } from './queueModel';

/** What a claim or release did, returned to its caller (other commands, tests). */
export type ClaimOutcome = SourceResult<Ticket>['kind'];

export class ClaimCommands {
  constructor(private readonly model: QueueModel) {}

  async claim(ticket: Ticket, source: TicketSource): Promise<ClaimOutcome> {
    const result = await withProgress(vscode.l10n.t('Claiming {0}…', ticket.key), () => source.claim({ id: ticket.id, revision: ticket.revision }));
    if (result.kind === 'conflict' && result.current) this.model.replaceTicket(result.current);
    if (result.kind === 'conflict' && result.holder === null && result.current) {
      // It changed but nobody holds it: the user decides again on what it is now.
      const current = result.current;
      log().info(`${ticket.key} changed before the claim (revision ${ticket.revision} → ${current.revision})`);
      const claimNow = vscode.l10n.t('Claim Now');
      const answer = await vscode.window.showWarningMessage(vscode.l10n.t('{0} Claim it as it is now?', result.message), claimNow);
      return answer === claimNow ? this.claim(current, source) : 'conflict';
    }
    if (result.kind === 'conflict') {
      log().info(result.message);
      void vscode.window.showWarningMessage(result.message);
      return 'conflict';
    }
    return this.settle(result, vscode.l10n.t('Claimed {0}', ticket.key), () => this.claim(ticket, source));
  }

  async release(ticket: Ticket, source: TicketSource): Promise<ClaimOutcome> {
    const result = await withProgress(vscode.l10n.t('Releasing {0}…', ticket.key), () => source.release({ id: ticket.id, revision: ticket.revision }));
    const outcome = this.settle(result, vscode.l10n.t('Released {0}', ticket.key), () => this.release(ticket, source));
    if (result.kind === 'ok') void this.offerUndo(result.value, source);
    return outcome;
  }

  /** One misclick must not give a ticket away: Undo claims it back as it was released. */
  private async offerUndo(released: Ticket, source: TicketSource): Promise<void> {
    const undo = vscode.l10n.t('Undo');
    const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Released {0}. It is unclaimed now.', released.key), undo);
    if (answer === undo) await this.claim(released, source);
  }

  private settle(result: SourceResult<Ticket>, done: string, retry: () => unknown): ClaimOutcome {
    if (result.kind === 'ok') {
      this.model.replaceTicket(result.value);
      log().info(done);
      vscode.window.setStatusBarMessage(`$(check) ${done}`, 4_000);
    } else {
      void showFailure(result, retry);
    }
    return result.kind;
  }
}

function withProgress<T>(title: string, task: () => Promise<T>): Promise<T> {
  return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, task));
}
