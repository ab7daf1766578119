/** Hand Over My Rotation, in the palette and the queue's title bar; its work lives in a bundle loaded on first use. */
import { COMMANDS } from '../common/contributionIds';
import { registerCommand } from '../common/commandRegistration';
import type { Settings } from '../common/settings';
import type { TicketCommandHost } from '../common/ticketCommand';
import type { QueueModel } from '../queue/queueModel';
import { handoverRun } from './handoverBundle';

export function registerHandover(host: TicketCommandHost, model: QueueModel, settings: () => Settings): void {
  registerCommand(host.context, COMMANDS.handOverRotation, () => handoverRun().handOverRotation({ model, storage: host.context.globalState, settings }));
}
