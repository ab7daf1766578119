/**
 * The next steps a note names: its "Next steps" section (a heading, as the hand-off note has) or a
 * paragraph that starts with "Next steps:". A handover quotes the last ones I wrote on each ticket.
 */
import type { TicketComment } from '../ticket';

const HEADING = /^(#{1,6})\s*next steps\s*:?\s*$/i;
const LEAD = /^\s*(?:\*\*|__)?next steps(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(.*)$/i;

/** The next steps in a note, trimmed; undefined when it names none, or only an empty list item. */
export function nextStepsIn(note: string): string | undefined {
  const lines = note.split(/\r?\n/);
  const start = lines.findIndex((line) => HEADING.test(line) || LEAD.test(line));
  if (start < 0) return undefined;
  const first = lines[start] ?? '';
  const heading = HEADING.exec(first);
  const body = heading ? sectionBody(lines.slice(start + 1), heading[1]?.length ?? 1) : paragraph([LEAD.exec(first)?.[1] ?? '', ...lines.slice(start + 1)]);
  const text = body.join('\n').trim();
  return /^(?:[-*]|\d+\.)?\s*$/.test(text) ? undefined : text;
}

export interface WrittenNextSteps {
  readonly at: Date;
  readonly text: string;
}

/** The next steps of the newest internal note by `me` that names any. */
export function lastNextSteps(comments: readonly TicketComment[], me: string | undefined): WrittenNextSteps | undefined {
  const who = me?.trim().toLowerCase();
  if (!who) return undefined;
  const mine = comments.filter((c) => c.internal && c.author.id.trim().toLowerCase() === who).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  for (const comment of mine) {
    const text = nextStepsIn(comment.body);
    if (text !== undefined) return { at: comment.createdAt, text };
  }
  return undefined;
}

/** Lines up to the next heading of the same or a higher level. */
function sectionBody(lines: readonly string[], level: number): string[] {
  const end = lines.findIndex((line) => {
    const match = /^(#{1,6})\s/.exec(line);
    return match !== null && (match[1]?.length ?? 0) <= level;
  });
  return end < 0 ? [...lines] : lines.slice(0, end);
}

/** Lines up to the first blank line after the lead. */
function paragraph(lines: readonly string[]): string[] {
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '');
  return end < 0 ? [...lines] : lines.slice(0, end);
}
