/** Each touched ticket read again from its source, with progress: the handover tells where tickets stand now and quotes my last next steps there. */
import * as vscode from 'vscode';
import type { HandoverItem } from '../../core/handover/handoverDocument';
import { lastNextSteps } from '../../core/handover/nextSteps';
import type { TouchedTicket } from '../../core/handover/touchedTickets';
import type { TicketLookup } from '../common/ticketLookup';

export async function readFresh(touched: readonly TouchedTicket[], model: TicketLookup): Promise<HandoverItem[]> {
  if (!model.hasLoaded) await model.refresh();
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the tickets of your rotation') },
    async (progress) => {
      const items: HandoverItem[] = [];
      for (const [index, ticket] of touched.entries()) {
        progress.report({ message: vscode.l10n.t('{0} ({1} of {2})', ticket.key, index + 1, touched.length), increment: 100 / touched.length });
        items.push(await readOne(ticket, model));
      }
      return items;
    },
  );
}

async function readOne(touched: TouchedTicket, model: TicketLookup): Promise<HandoverItem> {
  const source = model.sourceOf({ sourceId: touched.sourceId });
  if (!source) return { touched, unreadable: vscode.l10n.t('its source "{0}" is not configured in this window', touched.sourceId) };
  const result = await source.getTicket(touched.ticketId);
  if (result.kind !== 'ok') return { touched, unreadable: result.message };
  return { touched, ticket: result.value, nextSteps: lastNextSteps(result.value.comments, source.me) };
}
