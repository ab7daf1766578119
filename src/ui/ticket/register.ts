/** The ticket panel: one per ticket, restored after a reload, opened from the tree, the palette or the status bar. */
import * as vscode from 'vscode';
import type { Ticket } from '../../core/ticket';
import type { CodeReferenceLink } from '../../shared/panelMessages';
import { COMMANDS } from '../common/contributionIds';
import type { Settings } from '../common/settings';
import { registerTicketCommand, type TicketCommandHost } from '../common/ticketCommand';
import type { ExpertFinding } from '../experts/expertFinder';
import type { QueueModel } from '../queue/queueModel';
import { resolveTicketReferences } from './referenceLinks';
import { TicketPanels } from './ticketPanels';
import { TicketWriter } from './ticketWriter';
import type { SeenBefore, SeenBeforeAnswer } from '../seenBefore/seenBefore';

export interface TicketFeature {
  /** The ticket panels, as far as whether one is visible. */
  readonly panels: Pick<TicketPanels, 'visible' | 'onDidChangeVisibility'>;
  /** Delivers a message to a ticket's open panel as its webview would; false when it is not open. */
  postToTicketPanel(ref: { sourceId: string; id: string }, message: unknown): Promise<boolean>;
  /** The code reference links a ticket's open panel last gave its page; undefined when it is not open. */
  ticketPanelReferences(ref: { sourceId: string; id: string }): readonly CodeReferenceLink[] | undefined;
  /** The "Seen before?" section a ticket's open panel last gave its page; undefined when it is not open or was given none. */
  ticketPanelSeenBefore(ref: { sourceId: string; id: string }): SeenBeforeAnswer['message'] | undefined;
}

export function registerTicket(
  host: TicketCommandHost,
  model: QueueModel,
  experts: (ticket: Ticket) => Thenable<ExpertFinding>,
  settings: () => Settings,
  seenBefore?: SeenBefore,
): TicketFeature {
  const panels = new TicketPanels({
    model,
    experts,
    writer: new TicketWriter(model),
    references: resolveTicketReferences,
    extensionUri: host.context.extensionUri,
    targets: () => settings().slaTargets,
    seenBefore,
  });
  host.context.subscriptions.push(panels);
  registerTicketCommand(host, COMMANDS.openTicket, { pick: 'any', placeHolder: vscode.l10n.t('Open which ticket?') }, (ticket) => panels.open(ticket).uid);
  return {
    panels,
    postToTicketPanel: async (ref, message) => {
      const panel = panels.find(ref);
      if (panel) await panel.receive(message);
      return panel !== undefined;
    },
    ticketPanelReferences: (ref) => panels.find(ref)?.referenceLinks,
    ticketPanelSeenBefore: (ref) => panels.find(ref)?.seenBefore,
  };
}
