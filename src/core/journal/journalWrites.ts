/**
 * Which journal entry a confirmed write of a ticket source makes, from the source method's name and
 * its second argument. Only what the handover shows is taken from the argument: the team, the
 * branch or merge request, the severity or status; never a note's text.
 */
import type { JournalAction, JournalEntry, JournaledWrite } from './journal';
import type { Ticket, TicketLink } from '../ticket';

const WRITES: Readonly<Record<JournaledWrite, (argument: unknown) => [JournalAction, string?]>> = {
  claim: () => ['claimed'],
  release: () => ['released'],
  addInternalNote: () => ['noted'],
  addPublicReply: () => ['replied'],
  handOff: (handoff) => ['handedOff', (handoff as { team: string }).team],
  linkChange: (argument) => {
    const link = argument as TicketLink;
    return [link.kind === 'branch' ? 'branched' : 'mergeRequest', link.url ?? link.name];
  },
  setSeverity: (severity) => ['severity', `S${String(severity)}`],
  setStatus: (status) => ['status', String(status)],
};

export function journalEntryFor(method: JournaledWrite, argument: unknown, ticket: Pick<Ticket, 'sourceId' | 'id' | 'key'>, at: Date): JournalEntry {
  const [action, detail] = WRITES[method](argument);
  return { at: at.toISOString(), action, sourceId: ticket.sourceId, ticketId: ticket.id, key: ticket.key, ...(detail === undefined ? {} : { detail }) };
}
