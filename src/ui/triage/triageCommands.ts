/**
 * Setting a ticket's severity and status. Like a claim, the change is made against the ticket as the
 * user saw it: if it changed since, nothing is overwritten, the view shows it as it is now, and the
 * user is asked again.
 */
import * as vscode from 'vscode';
import { severityLabel } from '../../core/severity';
import type { Ticket } from '../../core/ticket';
import type { SourceResult } from '../../providers/sourceResult';
import type { TicketSeen, TicketSource, TriagedSeverity } from '../../providers/ticketSource';
import { showFailure } from '../common/failureMessages';
import { log } from '../common/log';
import { severityIcon } from '../common/severityIcon';
import type { QueueModel } from '../queue/queueModel';

/** What a triage did, returned to its caller (the panel, tests); undefined when nothing was chosen. */
export type TriageOutcome = SourceResult<Ticket>['kind'] | undefined;

const SEVERITIES: readonly TriagedSeverity[] = [1, 2, 3, 4];

/** One change of a ticket: how to write it against what was seen, and what to say. */
interface TriageChange {
  readonly write: (seen: TicketSeen) => Promise<SourceResult<Ticket>>;
  /** "S2", "solved": what the ticket becomes. */
  readonly value: string;
}

export class TriageCommands {
  constructor(private readonly model: QueueModel) {}

  async setSeverity(ticket: Ticket, source: TicketSource): Promise<TriageOutcome> {
    const items = SEVERITIES.map((severity) => ({
      label: severityLabel(severity),
      iconPath: severityIcon(severity),
      description: severity === ticket.severity ? vscode.l10n.t('current') : undefined,
      severity,
    }));
    const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Severity of {0}', ticket.key) });
    const setSeverity = source.setSeverity?.bind(source);
    if (!picked || !setSeverity) return undefined;
    return this.apply(ticket, { value: picked.label, write: (seen) => setSeverity(seen, picked.severity) });
  }

  async setStatus(ticket: Ticket, source: TicketSource): Promise<TriageOutcome> {
    const items = (source.statuses ?? []).map((status) => ({ label: status, description: status === ticket.status ? vscode.l10n.t('current') : undefined }));
    const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Status of {0}', ticket.key) });
    const setStatus = source.setStatus?.bind(source);
    if (!picked || !setStatus) return undefined;
    return this.apply(ticket, { value: picked.label, write: (seen) => setStatus(seen, picked.label) });
  }

  private async apply(ticket: Ticket, change: TriageChange): Promise<TriageOutcome> {
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Updating {0}…', ticket.key) }, () =>
      change.write({ id: ticket.id, revision: ticket.revision }),
    );
    if (result.kind === 'conflict' && result.current) {
      // It changed since the user looked: they decide again on what it is now.
      const current = result.current;
      this.model.replaceTicket(current);
      log().info(`${ticket.key} changed before it was set to ${change.value} (revision ${ticket.revision} → ${current.revision})`);
      const setAnyway = vscode.l10n.t('Set to {0}', change.value);
      const answer = await vscode.window.showWarningMessage(vscode.l10n.t('{0} Set it to {1} as it is now?', result.message, change.value), setAnyway);
      return answer === setAnyway ? this.apply(current, change) : 'conflict';
    }
    if (result.kind !== 'ok') {
      void showFailure(result, () => this.apply(ticket, change));
      return result.kind;
    }
    this.model.replaceTicket(result.value);
    const done = vscode.l10n.t('{0} is now {1}', ticket.key, change.value);
    log().info(done);
    vscode.window.setStatusBarMessage(`$(check) ${done}`, 4_000);
    return 'ok';
  }
}
