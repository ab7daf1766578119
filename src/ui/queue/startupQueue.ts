/**
 * `supportRotation.startup.openQueue`: the window starts on the work, not on a welcome page. Once,
 * when the extension starts: the queue focused, the most urgent ticket's panel open beside it.
 */
import * as vscode from 'vscode';
import type { SlaTargets } from '../../core/sla';
import { VIEWS } from '../common/contributionIds';
import { log } from '../common/log';
import type { QueueModel } from './queueModel';
import type { QueueTreeProvider } from './queueTreeProvider';
import { openMostUrgentTicket } from './ticketNavigation';

export async function openQueueOnStartup(model: QueueModel, tree: QueueTreeProvider, targets: SlaTargets): Promise<void> {
  const focusQueue = `${VIEWS.queue}.focus`;
  await vscode.commands.executeCommand(focusQueue);
  // The view's first load may be under way; this waits for it rather than showing an empty queue.
  await model.refresh();
  const opened = await openMostUrgentTicket(model, tree, targets);
  // The panel took the focus; the queue gets it back, so the keyboard starts there.
  await vscode.commands.executeCommand(focusQueue);
  log().info(`Opened on the queue at startup${opened ? `, with ${opened}` : ''}`);
}
