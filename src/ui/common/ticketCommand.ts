/**
 * One way to write a command that acts on a ticket, as the git extension's
 * `@command(id, { repository: true })` resolves its repository once for all its commands: the
 * ticket comes from the argument (a tree row, another command, the panel) or the user picks it;
 * the helper checks the ticket's source can do what the command needs and says so in one
 * sentence when it cannot. Errors are reported by the command's title (commandRegistration).
 */
import * as vscode from 'vscode';
import type { SlaTargets } from '../../core/sla';
import { isAssignedTo, type Ticket } from '../../core/ticket';
import type { SourceCapabilities, TicketSource } from '../../providers/ticketSource';
import { registerCommand } from './commandRegistration';
import type { TicketLookup } from './ticketLookup';
import { pickTicket, ticketFromArgument } from './ticketPick';
import { unsupportedMessage } from './unsupportedMessage';

/**
 * Which tickets to offer when the command is given none: `any`; `openToMe` (unclaimed or mine);
 * `mine`; `unclaimed`; `active` (the ticket of the checked-out fix branch, else any).
 */
export type TicketChoice = 'any' | 'openToMe' | 'mine' | 'unclaimed' | 'active';

export type TicketNeed = keyof SourceCapabilities;

export interface TicketCommandOptions {
  readonly pick: TicketChoice;
  /** The quick pick's question: "Claim which ticket?" */
  readonly placeHolder: string;
  /** Said when no ticket qualifies; by default, that the queue has none to offer. */
  readonly none?: string;
  /** What the ticket's source must be able to do. */
  readonly needs?: TicketNeed;
}

export interface TicketCommandHost {
  readonly context: vscode.ExtensionContext;
  readonly model: TicketLookup;
  readonly targets: () => SlaTargets;
  /** The ticket of the checked-out fix branch, when there is one. */
  readonly activeTicket: () => Ticket | undefined;
}

export type TicketCommandRun = (ticket: Ticket, source: TicketSource, argument: unknown) => unknown;

/** Resolves to what `run` returned, or undefined when no ticket was chosen or its source cannot do it. */
export function registerTicketCommand(host: TicketCommandHost, id: string, options: TicketCommandOptions, run: TicketCommandRun): void {
  registerCommand(host.context, id, async (argument?: unknown) => {
    const ticket = ticketFromArgument(host.model, argument) ?? (await chooseTicket(host, options));
    if (!ticket) return undefined;
    const source = host.model.sourceOf(ticket);
    if (!source) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} is no longer in the queue.', ticket.key));
      return undefined;
    }
    if (options.needs && !source.capabilities[options.needs]) {
      void vscode.window.showWarningMessage(unsupportedMessage(options.needs, source, ticket));
      return undefined;
    }
    return run(ticket, source, argument);
  });
}

async function chooseTicket(host: TicketCommandHost, options: TicketCommandOptions): Promise<Ticket | undefined> {
  if (options.pick === 'active') {
    const active = host.activeTicket();
    if (active) return active;
  }
  const { model } = host;
  if (!model.hasLoaded) await model.refresh();
  const fits = filterFor(options.pick, model);
  const candidates = model.tickets().filter(fits);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(options.none ?? vscode.l10n.t('The queue has no ticket to choose from.'));
    return undefined;
  }
  return pickTicket(candidates, host.targets(), options.placeHolder);
}

function filterFor(choice: TicketChoice, model: TicketLookup): (ticket: Ticket) => boolean {
  const mine = (ticket: Ticket): boolean => isAssignedTo(ticket, model.sourceOf(ticket)?.me);
  switch (choice) {
    case 'mine':
      return mine;
    case 'unclaimed':
      return (ticket) => ticket.assignee === null;
    case 'openToMe':
      return (ticket) => ticket.assignee === null || mine(ticket);
    case 'any':
    case 'active':
      return () => true;
  }
}
