/**
 * Why a resolved ticket matched: the error text, the code (files and functions) and the title words
 * it shares with the open one, as that ticket wrote them. Words found only in both bodies are the
 * weakest reason and are named last.
 */
import type { TicketTerms } from './similarDocument';

export type ReasonKind = 'error' | 'file' | 'function' | 'title' | 'words';

export interface MatchReason {
  readonly kind: ReasonKind;
  /** What the open ticket says, at most a few, strongest first. */
  readonly texts: readonly string[];
}

const ORDER: readonly ReasonKind[] = ['error', 'file', 'function', 'title', 'words'];
const MAX_TEXTS = 4;

/** `match`: each term matched, with the fields it matched in. */
export function matchReasons(match: Readonly<Record<string, readonly string[]>>, terms: TicketTerms): MatchReason[] {
  const titleTerms = new Set(terms.title);
  const byKind = new Map<ReasonKind, Set<string>>();
  for (const [term, fields] of Object.entries(match)) {
    const kind = reasonKind(term, fields, titleTerms);
    const display = terms.displays.get(term) ?? term;
    const texts = byKind.get(kind) ?? new Set<string>();
    texts.add(display);
    byKind.set(kind, texts);
  }
  return ORDER.filter((kind) => byKind.has(kind)).map((kind) => ({ kind, texts: [...(byKind.get(kind) ?? [])].slice(0, MAX_TEXTS) }));
}

function reasonKind(term: string, fields: readonly string[], titleTerms: ReadonlySet<string>): ReasonKind {
  if (fields.includes('errors')) return 'error';
  if (fields.includes('files')) return 'file';
  if (fields.includes('functions')) return 'function';
  return titleTerms.has(term) && fields.includes('titleWords') ? 'title' : 'words';
}
