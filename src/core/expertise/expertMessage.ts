/**
 * The words for asking an expert: a mention by the person's handle, and a message that says
 * why them (the files and their history) so the ask is intentional, not a random ping.
 */
import type { Ticket } from '../ticket';
import type { Expert, KnownPerson } from './expertRanking';

/**
 * `@handle` from the person's configured handles (their CODEOWNERS handle, which is also their
 * user name on the code host), else their name. Never an e-mail as a handle: no ticket system
 * resolves `@jo@example.com`, and it puts an address into the ticket's text.
 */
export function mentionOf(expert: Pick<Expert, 'email' | 'name'>, people: readonly KnownPerson[]): string {
  const person = people.find((p) => p.email.toLowerCase() === expert.email.toLowerCase());
  const handle = person?.handles?.map((h) => h.replace(/^@/, '')).find(isPersonHandle);
  return handle ? `@${handle}` : expert.name;
}

/** A team (`org/team`) or an e-mail address is not one person's handle. */
function isPersonHandle(handle: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(handle);
}

export function askMessage(ticket: Pick<Ticket, 'key' | 'title'>, expert: Expert, mention: string): string {
  const files = expert.files.slice(0, 3).map((f) => `\`${f.path}\` (${f.commits} commit${f.commits === 1 ? '' : 's'})`);
  const why = files.length > 0 ? `You know ${files.join(', ')}` : `You are named in ${expert.ownership[0] ?? 'the code owners'}`;
  return `${mention}, could you pair with me on ${ticket.key} (${ticket.title})? ${why}, which the ticket points at. 20 minutes today would help.`;
}

/** One line of evidence per file, for lists: "vat_calculator.rb: 12 commits, last 3 weeks ago". */
export function evidenceLines(expert: Expert, now: number): string[] {
  return [
    ...expert.files.slice(0, 4).map((f) => `${f.path}: ${f.commits} commit${f.commits === 1 ? '' : 's'}, ${f.lines} lines, last ${ago(now - f.lastTime)}`),
    ...expert.ownership,
    ...(expert.inPreferredRegion ? [`in the customer's region (${expert.region})`] : []),
  ];
}

function ago(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  if (days < 1) return 'today';
  if (days < 14) return `${days} day${days === 1 ? '' : 's'} ago`;
  if (days < 60) return `${Math.floor(days / 7)} weeks ago`;
  if (days < 730) return `${Math.floor(days / 30)} months ago`;
  return `${Math.floor(days / 365)} years ago`;
}
