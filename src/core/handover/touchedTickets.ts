/**
 * The tickets I touched in a rotation, from the journal: what I did to each, in order, and the
 * branches and merge requests I recorded (a source may not list them on the ticket).
 */
import type { JournalEntry } from '../journal/journal';
import { sameTicket } from '../journal/journalRead';
import type { TicketLink } from '../ticket';

export interface TouchedTicket {
  readonly sourceId: string;
  readonly ticketId: string;
  readonly key: string;
  /** Oldest first. */
  readonly actions: readonly JournalEntry[];
  readonly links: readonly TicketLink[];
}

/** Each ticket with an entry in [from, now], the most recently touched first. */
export function touchedTickets(entries: readonly JournalEntry[], from: Date, now: Date): TouchedTicket[] {
  const inWindow = entries.filter((e) => Date.parse(e.at) >= from.getTime() && Date.parse(e.at) <= now.getTime());
  const firsts = inWindow.filter((e, index) => inWindow.findIndex((other) => sameTicket(other, e)) === index);
  return firsts.map((first) => touched(first, inWindow)).sort((a, b) => Date.parse(b.actions.at(-1)?.at ?? '') - Date.parse(a.actions.at(-1)?.at ?? ''));
}

function touched(first: JournalEntry, inWindow: readonly JournalEntry[]): TouchedTicket {
  const actions = inWindow.filter((e) => sameTicket(e, first));
  const links = actions.flatMap((e): TicketLink[] => {
    if (e.detail === undefined) return [];
    if (e.action === 'branched') return [{ kind: 'branch', name: e.detail }];
    if (e.action === 'mergeRequest') return [{ kind: 'mergeRequest', name: e.detail, url: /^https?:/i.test(e.detail) ? e.detail : undefined }];
    return [];
  });
  return {
    sourceId: first.sourceId,
    ticketId: first.ticketId,
    key: actions.at(-1)?.key ?? first.key,
    actions,
    links,
  };
}
