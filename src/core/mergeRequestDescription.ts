/**
 * The description of a merge request opened for a ticket. GitLab reads its closing keyword
 * ("Closes #1") in English whatever the author's language, so this text is not translated.
 */
import type { Ticket } from './ticket';

export type MergeRequestReference = 'closes' | 'related';

export function mergeRequestDescription(ticket: Pick<Ticket, 'key' | 'url'>, reference: MergeRequestReference): string {
  const keyword = reference === 'closes' ? 'Closes' : 'Related to';
  return `${keyword} ${ticket.key}\n\nSupport ticket: ${ticket.url ?? ticket.key}`;
}
