/**
 * Reading the stored journal back. It comes from the editor's storage, so it may be an older shape,
 * a hand edit or a half-written value: entries that do not parse are dropped one by one, never the
 * whole journal, and the rest are put in time order.
 */
import * as z from 'zod/mini';
import { JOURNAL_ACTIONS, type JournalEntry } from './journal';

const entrySchema = z.object({
  at: z.iso.datetime({ offset: true }),
  action: z.enum(JOURNAL_ACTIONS),
  sourceId: z.string(),
  ticketId: z.string(),
  key: z.string(),
  detail: z.optional(z.string()),
});

/** The valid entries, oldest first. */
export function readJournal(stored: unknown): JournalEntry[] {
  if (!Array.isArray(stored)) return [];
  const entries = stored.flatMap((item) => {
    const parsed = entrySchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

export function sameTicket(a: Pick<JournalEntry, 'sourceId' | 'ticketId'>, b: Pick<JournalEntry, 'sourceId' | 'ticketId'>): boolean {
  return a.sourceId === b.sourceId && a.ticketId === b.ticketId;
}

/** Statuses in which a ticket needs nobody any more, whatever the source calls them. */
const RESOLVED_STATUSES = new Set(['solved', 'closed', 'resolved', 'done']);

export function isResolvedStatus(status: string): boolean {
  return RESOLVED_STATUSES.has(status.trim().toLowerCase());
}
