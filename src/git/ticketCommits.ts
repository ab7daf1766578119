/**
 * The commits that fixed tickets: those whose message carries a ticket's key or its address (the
 * `Support-Ticket:` trailer names one or the other). One `git log` for all the tickets asked about,
 * with fixed-string `--grep`s and a bound, never one per ticket; keys and addresses are checked
 * before they become arguments, and a match is confirmed on the whole key, so `SUP-4` does not
 * claim the commits of `SUP-42`.
 */
import { gitRead } from './gitRead';

export interface TicketRef {
  readonly key: string;
  readonly url?: string;
}

export interface FixCommit {
  readonly hash: string;
  readonly subject: string;
  readonly author: string;
  /** ISO 8601, as git prints `%aI`. */
  readonly date: string;
}

/** Keys as sources write them: `SUP-42`, `#123`, `acme/api#12`, `12345`. */
const KEY = /^(?=.{1,64}$)[A-Za-z0-9#][\w.#/-]*$/;
const URL_SHAPE = /^https?:\/\/[^\s]{1,300}$/;
const FIELD = '\x1f';
const RECORD = '\x1e';
const MAX_COMMITS = 200;

export function isSafeKey(key: string): boolean {
  return KEY.test(key);
}

/** What a key or address matches in a commit message: itself, not a longer key that starts with it. */
function mentionPattern(needle: string): RegExp {
  const escaped = needle.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(`(?<![\\w-])${escaped}(?![\\w])`, 'i');
}

export function commitQueryArgs(tickets: readonly TicketRef[], maxCount = MAX_COMMITS): string[] | undefined {
  const needles = needlesOf(tickets);
  if (needles.length === 0) return undefined;
  return [
    'log',
    '--all',
    '--fixed-strings',
    '--regexp-ignore-case',
    `--max-count=${maxCount}`,
    `--format=%H${FIELD}%an${FIELD}%aI${FIELD}%s${FIELD}%B${RECORD}`,
    ...needles.map((needle) => `--grep=${needle}`),
    '--',
  ];
}

function needlesOf(tickets: readonly TicketRef[]): string[] {
  const needles = new Set<string>();
  for (const ticket of tickets) {
    if (isSafeKey(ticket.key)) needles.add(ticket.key);
    if (ticket.url && URL_SHAPE.test(ticket.url)) needles.add(ticket.url);
  }
  return [...needles];
}

/** Each ticket's commits, newest first, from the output of the query above. */
export function commitsByTicket(output: string, tickets: readonly TicketRef[]): Map<string, FixCommit[]> {
  const patterns = tickets.map((ticket) => ({ key: ticket.key, needles: needlesOf([ticket]).map(mentionPattern) }));
  const found = new Map<string, FixCommit[]>();
  for (const entry of output.split(RECORD)) {
    const [hash, author, date, subject, body] = entry.replace(/^\n/, '').split(FIELD);
    if (!hash || !/^[0-9a-f]{40,64}$/.test(hash) || author === undefined || date === undefined || subject === undefined || body === undefined) continue;
    for (const { key, needles } of patterns) {
      if (!needles.some((needle) => needle.test(body))) continue;
      const list = found.get(key) ?? [];
      list.push({ hash, subject, author, date });
      found.set(key, list);
    }
  }
  return found;
}

export async function fixCommits(gitPath: string, root: string, tickets: readonly TicketRef[]): Promise<Map<string, FixCommit[]>> {
  const args = commitQueryArgs(tickets);
  if (!args) return new Map();
  const result = await gitRead(gitPath, root, args);
  return result.ok ? commitsByTicket(result.stdout, tickets) : new Map();
}
