/**
 * Which ticket a branch is about when no link was recorded: its name contains the ticket's key
 * (`support/SUP-42-vat-twice`, `fix/sup-42`). Keys that are only a number (`#123`) are not
 * guessed from names: too many branches contain numbers.
 */
import type { Ticket } from './ticket';

export function ticketNamedByBranch<T extends Pick<Ticket, 'key'>>(branch: string, tickets: readonly T[]): T | undefined {
  const name = branch.toLowerCase();
  let best: T | undefined;
  for (const ticket of tickets) {
    const key = ticket.key.toLowerCase();
    if (!/[a-z]/.test(key) || !/\d/.test(key)) continue;
    if (!containsToken(name, key)) continue;
    // `SUP-42` must not win over `SUP-421` when both appear; the longer key is the more specific.
    if (!best || key.length > best.key.length) best = ticket;
  }
  return best;
}

/** The key appears with no letter or digit glued to either side. */
function containsToken(text: string, token: string): boolean {
  for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
    const before = text[at - 1];
    const after = text[at + token.length];
    if ((before === undefined || !/[a-z0-9]/.test(before)) && (after === undefined || !/[a-z0-9]/.test(after))) return true;
  }
  return false;
}
