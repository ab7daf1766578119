/**
 * The activity journal: what I did, when, on which ticket. Adding to it is cheap and done at every
 * confirmed write, so it neither parses nor sorts; it only keeps the newest entries. Reading it, for
 * a handover, treats what is stored as untrusted (`journalRead.ts`). No note text is kept: the next
 * steps a handover quotes are read from the ticket itself.
 */

export const JOURNAL_ACTIONS = ['claimed', 'released', 'noted', 'replied', 'branched', 'mergeRequest', 'handedOff', 'severity', 'status'] as const;
export type JournalAction = (typeof JOURNAL_ACTIONS)[number];

export interface JournalEntry {
  /** ISO 8601. */
  readonly at: string;
  readonly action: JournalAction;
  readonly sourceId: string;
  readonly ticketId: string;
  /** What people call the ticket, for when it can no longer be read. */
  readonly key: string;
  /** The branch, the merge request's address, the team, the severity or the status it was given. */
  readonly detail?: string;
}

/** The source methods that write a ticket and return it: each confirmed one is an entry. */
export const JOURNALED_WRITES = ['claim', 'release', 'addInternalNote', 'addPublicReply', 'handOff', 'linkChange', 'setSeverity', 'setStatus'] as const;
export type JournaledWrite = (typeof JOURNALED_WRITES)[number];

/** Where the journal is kept in the editor's global storage. */
export const JOURNAL_STORAGE_KEY = 'supportRotation.journal';

/** Enough for a busy rotation (a few hundred actions) while staying a few tens of kilobytes. */
export const JOURNAL_LIMIT = 400;

/** The stored journal with `entry` added, the oldest dropped beyond `limit`; anything but a list starts afresh. */
export function appendEntry(stored: unknown, entry: JournalEntry, limit = JOURNAL_LIMIT): unknown[] {
  return [...(Array.isArray(stored) ? (stored as unknown[]) : []), entry].slice(-limit);
}
