/**
 * The hand-off note: the sections the receiving team asks for, pre-filled with what is known, for
 * the engineer to complete in an editor. Headings are fixed so that an empty section can be found.
 */
import { oneLine } from './commitMessage';
import type { Ticket, TicketComment } from './ticket';

export const HANDOFF_SECTIONS = [
  'Summary',
  'Customer impact and severity',
  'What was investigated',
  'How to reproduce',
  'Suspected component',
  'Links',
  'Next steps',
] as const;

export interface HandoffNoteInput {
  readonly ticket: Pick<Ticket, 'key' | 'title' | 'url' | 'organization' | 'requester' | 'region' | 'links'>;
  readonly teamName: string;
  /** `S2 · 3h left`. */
  readonly slaText: string;
  /** Files the evidence points at, each with why (`owns services/billing/**`). */
  readonly suspects: readonly { readonly path: string; readonly why: string }[];
  /** My internal notes on the ticket, oldest first: what I already wrote down is what I investigated. */
  readonly investigated?: readonly string[];
}

/** The internal notes `me` wrote on the ticket, oldest first. */
export function internalNotesBy(comments: readonly TicketComment[], me: string | undefined): string[] {
  const who = me?.trim().toLowerCase();
  if (!who) return [];
  return comments
    .filter((c) => c.internal && c.author.id.trim().toLowerCase() === who)
    .map((c) => c.body.trim())
    .filter((body) => body !== '');
}

/** A note as one list item: its later lines are indented so that they stay inside the item. */
function asListItem(body: string): string {
  return `- ${body.split(/\r?\n/).join('\n  ')}`;
}

export function handoffNoteTemplate(input: HandoffNoteInput): string {
  const { ticket } = input;
  const who = [ticket.organization, ticket.requester?.name].filter(Boolean).join(', ');
  const impact = [input.slaText, who && `customer: ${who}`, ticket.region && `region ${ticket.region}`].filter(Boolean).join(' — ');
  const links = [
    ticket.url && `- Ticket: ${ticket.url}`,
    ...ticket.links.map((l) => `- ${l.kind === 'branch' ? 'Fix branch' : 'Merge request'}: ${l.url ?? `\`${l.name}\``}`),
    '- Logs: ',
  ].filter((line): line is string => Boolean(line));
  const body: Record<(typeof HANDOFF_SECTIONS)[number], string[]> = {
    Summary: [oneLine(ticket.title)],
    'Customer impact and severity': [impact],
    'What was investigated': input.investigated && input.investigated.length > 0 ? input.investigated.map(asListItem) : ['- '],
    'How to reproduce': ['1. '],
    'Suspected component': input.suspects.length > 0 ? input.suspects.map((s) => `- \`${s.path}\` (${s.why})`) : ['- '],
    Links: links,
    'Next steps': ['- '],
  };
  const sections = HANDOFF_SECTIONS.map((heading) => [`### ${heading}`, ...body[heading]].join('\n'));
  return [`## Hand-off of ${ticket.key} to ${input.teamName}`, ...sections].join('\n\n') + '\n';
}

/** Sections of a note that still hold nothing but a list marker: worth a word before sending. */
export function emptySections(note: string): string[] {
  const parts = note.split(/^### /m).slice(1);
  return parts
    .map((part) => {
      const [heading = '', ...lines] = part.split('\n');
      const content = lines.map((l) => l.replace(/^\s*(?:[-*]|\d+\.)\s*/, '').trim()).filter((l) => l !== '' && !/^Logs:$/.test(l));
      return { heading: heading.trim(), empty: content.length === 0 };
    })
    .filter((s) => s.empty)
    .map((s) => s.heading);
}
