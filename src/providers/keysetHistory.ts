/**
 * One page of a source's ticket history, read from a list that pages by offset yet is asked by
 * keyset, as the queues do: sorted by `updated_at` ascending, each page asking for what was updated
 * after the newest time already seen, so that a ticket closed or changed between two requests
 * shifts nothing after it. The filter includes its boundary (or is made to, a second early), so the
 * tickets at the boundary come twice: the cursor names them, and they are left out the second time
 * unless they changed since. A page whose tickets all share one time is left by offset.
 *
 * The cursor is this module's own text, handed to the caller and back; it is read as untrusted.
 */
import * as z from 'zod/mini';
import type { TicketHistoryRecord } from '../core/history/ticketHistory';
import { fail, ok, type SourceResult } from './sourceResult';
import type { HistoryPage, HistoryRequest, QueueProblem } from './ticketSource';

const cursorSchema = z.object({
  /** What the next request asks for: updated after (or at) this time, as the server wrote it. */
  after: z.string(),
  /** The newest time seen: tickets named in `seen` and not updated since are left out. */
  newest: z.string(),
  seen: z.array(z.string()),
  /** The offset page within `after`, for a page whose tickets all share one time. */
  page: z.number(),
});
type Cursor = z.infer<typeof cursorSchema>;

/** What one listed item is, once the source has read it. */
export type HistoryItem =
  | { readonly kind: 'record'; readonly record: TicketHistoryRecord }
  | { readonly kind: 'problem'; readonly problem: QueueProblem }
  /** Not a ticket of this history (a pull request among issues). */
  | { readonly kind: 'skip' };

export interface KeysetList<T = unknown> {
  readonly label: string;
  /** Items updated after `after` (at or after, when `inclusive`), oldest update first; `page` counts from 1. */
  fetch(after: string, page: number, signal?: AbortSignal): Promise<SourceResult<{ readonly items: readonly T[]; readonly more: boolean }>>;
  /** The server's filter includes its boundary; otherwise the next request starts a second before the newest time seen. */
  readonly inclusive: boolean;
  /** The item's id and `updated_at` as the server wrote it, read from the raw item so that a malformed one still moves the keyset. */
  stamp(item: T): { readonly id: string; readonly updated: string } | undefined;
  read(item: T, location: string): HistoryItem;
}

/** One page; `nextCursor` while the list has more. */
export async function keysetHistoryPage<T>(list: KeysetList<T>, request: HistoryRequest): Promise<SourceResult<HistoryPage>> {
  const since = request.since.toISOString();
  const cursor = request.cursor === undefined ? { after: since, newest: since, seen: [], page: 1 } : readCursor(request.cursor);
  if (!cursor) return fail('invalidResponse', `${list.label}: the history cursor was not written by this source.`);
  const answer = await list.fetch(cursor.after, cursor.page, request.signal);
  if (answer.kind !== 'ok') return answer;
  const records: TicketHistoryRecord[] = [];
  const problems: QueueProblem[] = [];
  const stamps = answer.value.items.map((raw) => list.stamp(raw));
  answer.value.items.forEach((raw, index) => {
    const stamp = stamps[index];
    if (stamp && cursor.seen.includes(stamp.id) && Date.parse(stamp.updated) <= Date.parse(cursor.newest)) return;
    const item = list.read(raw, `${list.label}, history page ${cursor.page} after ${cursor.after}, item ${index}`);
    if (item.kind === 'problem') problems.push(item.problem);
    if (item.kind === 'record' && inHistoryWindow(item.record, request.since)) records.push(item.record);
  });
  if (!answer.value.more) return ok({ records, problems });
  return ok({ records, problems, nextCursor: JSON.stringify(advance(cursor, stamps, list.inclusive)) });
}

/** An item the source could not read, by the first reason its schema gave. */
export function unreadable(
  sourceId: string,
  location: string,
  issue: { readonly path: readonly PropertyKey[]; readonly message: string } | undefined,
): HistoryItem {
  return { kind: 'problem', problem: { sourceId, location, field: issue?.path.join('.'), message: issue?.message ?? 'invalid' } };
}

/**
 * An issue's resolution from its `closed_at`: null while it is open (a reopened issue is open
 * again, whatever `closed_at` still says); a problem when a closed issue does not say when.
 */
export function closedResolution(closed: boolean, closedAt: string | null | undefined, sourceId: string, location: string): Date | null | HistoryItem {
  if (!closed) return null;
  const at = closedAt ? new Date(closedAt) : undefined;
  if (at && Number.isFinite(at.getTime())) return at;
  return { kind: 'problem', problem: { sourceId, location, field: 'closed_at', message: 'closed_at must be a time on a closed issue' } };
}

/** Created, or resolved, since the window began; a ticket only commented on since is not the window's. */
export function inHistoryWindow(record: TicketHistoryRecord, since: Date): boolean {
  return record.createdAt >= since || (record.resolvedAt !== null && record.resolvedAt >= since);
}

function advance(cursor: Cursor, stamps: readonly ({ id: string; updated: string } | undefined)[], inclusive: boolean): Cursor {
  const times = stamps.flatMap((s) => (s && Number.isFinite(Date.parse(s.updated)) ? [s] : []));
  const newest = times.reduce<string | undefined>((n, s) => (n === undefined || Date.parse(s.updated) > Date.parse(n) ? s.updated : n), undefined);
  if (newest === undefined) return { ...cursor, page: cursor.page + 1 };
  const after = inclusive ? newest : new Date(Date.parse(newest) - 1_000).toISOString();
  const atBoundary = times.filter((s) => Date.parse(s.updated) >= Date.parse(after)).map((s) => s.id);
  if (Date.parse(after) > Date.parse(cursor.after)) return { after, newest, seen: atBoundary, page: 1 };
  return { ...cursor, newest, seen: [...new Set([...cursor.seen, ...atBoundary])], page: cursor.page + 1 };
}

function readCursor(text: string): Cursor | undefined {
  try {
    return cursorSchema.safeParse(JSON.parse(text)).data;
  } catch {
    return undefined;
  }
}
