/**
 * The words for asking an expert: a mention in the source's own syntax, and a message that says
 * why them (the files and their history) so the ask is intentional, not a random ping.
 */
import type { Ticket } from '../ticket';
import type { Expert } from './expertRanking';

/** How each kind of source mentions a person; the local queue names people by e-mail. */
export function mentionOf(sourceKind: string, expert: Pick<Expert, 'email' | 'name'>): string {
  switch (sourceKind) {
    case 'local':
      return `@${expert.email}`;
    default:
      return `@${expert.email.split('@')[0] ?? expert.name}`;
  }
}

export function askMessage(ticket: Pick<Ticket, 'key' | 'title'>, expert: Expert, mention: string): string {
  const files = expert.files.slice(0, 3).map((f) => `\`${f.path}\` (${f.commits} commit${f.commits === 1 ? '' : 's'})`);
  const why = files.length > 0 ? `You know ${files.join(', ')}` : `You are named in ${expert.ownership[0] ?? 'the code owners'}`;
  return `${mention} could you pair with me on ${ticket.key} (${ticket.title})? ${why}, which the ticket points at. 20 minutes today would help.`;
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
