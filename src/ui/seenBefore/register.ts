/**
 * "Seen before?": the resolved tickets like the one in the panel. Its index and what searches it load
 * from their own bundle when the first ticket panel asks, and the index is brought up to date in the
 * background from then on: a window that only shows the queue never loads them.
 */
import * as vscode from 'vscode';
import { log } from '../common/log';
import type { QueueModel } from '../queue/queueModel';
import type { SeenBefore } from './seenBefore';
import { similarStoreModule } from './similarBundle';

export function registerSeenBefore(context: vscode.ExtensionContext, model: QueueModel): SeenBefore {
  const changed = new vscode.EventEmitter<void>();
  let service: (SeenBefore & vscode.Disposable) | undefined;
  const start = (): SeenBefore & vscode.Disposable => {
    if (!service) {
      service = similarStoreModule().startSeenBefore(context.globalStorageUri, model, log());
      context.subscriptions.push(
        service,
        service.onDidChange(() => changed.fire()),
      );
    }
    return service;
  };
  context.subscriptions.push(changed);
  return {
    onDidChange: changed.event,
    answer: (ticket) => start().answer(ticket),
    openTicket: (target) => start().openTicket(target),
    openCommit: (hash) => start().openCommit(hash),
  };
}
