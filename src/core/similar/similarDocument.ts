/**
 * A ticket as the search index sees it: its fault signals, title words and body words, each in its
 * own field so that a match can be weighed and explained by where it was found.
 */
import { errorSignals, type Signal } from './errorSignals';
import { wordTerms, words } from './textTerms';

export interface TicketText {
  readonly title: string;
  /** The description: untrusted Markdown or plain text. */
  readonly text: string;
}

/** Terms joined by spaces, one string per field: the index splits on spaces and nothing else. */
export interface DocumentFields {
  readonly errors: string;
  readonly files: string;
  readonly functions: string;
  readonly titleWords: string;
  readonly bodyWords: string;
}

/** What a ticket asks the index, with the text a person recognises for each term. */
export interface TicketTerms {
  readonly errors: readonly string[];
  /** File and function names: a frame in one language names a file, in another the class it holds. */
  readonly code: readonly string[];
  readonly title: readonly string[];
  readonly body: readonly string[];
  readonly displays: ReadonlyMap<string, string>;
  readonly signals: readonly Signal[];
}

/** Customer text past this is a pasted log; its start says what it is about. */
const MAX_TEXT = 20_000;

/** A code fence's language (```text, ~~~python) says how a block is shown, not what the fault is. */
const FENCE_INFO = /^([ \t]*(?:`{3,}|~{3,}))[^\n`]*$/gm;

/** The ordinary words of a ticket's text, without its fences' language names. */
function bodyText(text: string): string {
  return text.slice(0, MAX_TEXT).replace(FENCE_INFO, '$1');
}

export function ticketTerms(ticket: TicketText): TicketTerms {
  const text = ticket.text.slice(0, MAX_TEXT);
  const signals = errorSignals(ticket.title, text);
  const displays = new Map<string, string>();
  for (const signal of signals) if (!displays.has(signal.term)) displays.set(signal.term, signal.display);
  const titleWords = words(ticket.title);
  const bodyWords = words(bodyText(ticket.text));
  for (const word of [...titleWords, ...bodyWords]) if (!displays.has(word.term)) displays.set(word.term, word.display);
  return {
    errors: signals.filter((s) => s.kind === 'error').map((s) => s.term),
    code: signals.filter((s) => s.kind !== 'error').map((s) => s.term),
    title: titleWords.map((w) => w.term),
    body: bodyWords.map((w) => w.term),
    displays,
    signals,
  };
}

/** What the index holds of a ticket: its terms without the words as written, which only a query needs. */
export function documentFields(ticket: TicketText): DocumentFields {
  const signals = errorSignals(ticket.title, ticket.text.slice(0, MAX_TEXT));
  const ofKind = (kind: Signal['kind']): string =>
    signals
      .filter((s) => s.kind === kind)
      .map((s) => s.term)
      .join(' ');
  return {
    errors: ofKind('error'),
    files: ofKind('file'),
    functions: ofKind('function'),
    titleWords: wordTerms(ticket.title).join(' '),
    bodyWords: wordTerms(bodyText(ticket.text)).join(' '),
  };
}
