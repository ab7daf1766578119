/**
 * Every write a source confirms is recorded: the source is wrapped once, where the sources are
 * built, so the commands that claim, note, branch, hand off and triage record what they did without
 * a line of their own, and a write that failed is never recorded. Everything else of the source
 * (its other methods, `instanceof`) passes through unchanged.
 */
import { JOURNALED_WRITES, type JournaledWrite } from '../../core/journal/journal';
import type { Ticket } from '../../core/ticket';
import type { SourceResult } from '../../providers/sourceResult';
import type { TicketSource } from '../../providers/ticketSource';

/** Given the write, its second argument (what was written) and the ticket as the source returned it. */
export type WriteRecorder = (method: JournaledWrite, argument: unknown, ticket: Ticket) => void;

export function journaledSource(source: TicketSource, record: WriteRecorder): TicketSource {
  return new Proxy(source, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      const method = (value as (...args: unknown[]) => Promise<SourceResult<Ticket>>).bind(target);
      const write = JOURNALED_WRITES.find((name) => name === property);
      if (!write) return method;
      return async (...args: unknown[]) => {
        const result = await method(...args);
        if (result.kind === 'ok') record(write, args[1], result.value);
        return result;
      };
    },
  });
}
