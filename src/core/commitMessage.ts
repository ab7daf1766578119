/**
 * The commit message offered on a fix branch (setting `supportRotation.commit.template`). The
 * trailer ties the commit to the ticket for people and for tools that read trailers.
 */
import type { Ticket } from './ticket';

export const DEFAULT_COMMIT_TEMPLATE = '${title}\n\nSupport-Ticket: ${url}';

const VARIABLE = /\$\{(\w+)\}/g;

/** `${title}`, `${key}`, `${id}` and `${url}` (the key when the ticket has no web address). */
export function commitMessageFor(ticket: Pick<Ticket, 'title' | 'key' | 'id' | 'url'>, template: string): string {
  const values: Record<string, string> = { title: oneLine(ticket.title), key: ticket.key, id: ticket.id, url: ticket.url ?? ticket.key };
  return template.replace(VARIABLE, (whole, name: string) => values[name] ?? whole);
}

/** A title may hold line breaks; a subject line or a summary must not. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
