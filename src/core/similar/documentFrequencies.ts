/**
 * How many indexed tickets hold each term, so that a query asks for its rarest terms only. A term
 * half the tickets hold says little about which one is the same fault, and reading its long list
 * of tickets is what makes a query slow.
 *
 * Counted from the stored index when it is loaded (live tickets only) and on every add. A ticket
 * replaced or taken out meanwhile still counts until the next load: the counts only choose which
 * terms to ask, the scores are the search library's own.
 */
import type { AsPlainObject } from 'minisearch';
import type { DocumentFields } from './similarDocument';

export class DocumentFrequencies {
  private constructor(private readonly counts: Map<string, number>) {}

  static empty(): DocumentFrequencies {
    return new DocumentFrequencies(new Map());
  }

  /** From the stored index's postings, each live ticket counted once whatever fields hold the term. */
  static fromIndex(index: AsPlainObject): DocumentFrequencies {
    const live = new Set(Object.keys(index.documentIds));
    const counts = new Map<string, number>();
    for (const [term, fields] of index.index) {
      const holders = new Set<string>();
      for (const postings of Object.values(fields)) for (const shortId of Object.keys(postings)) if (live.has(shortId)) holders.add(shortId);
      if (holders.size > 0) counts.set(term, holders.size);
    }
    return new DocumentFrequencies(counts);
  }

  add(fields: DocumentFields): void {
    const seen = new Set<string>();
    for (const field of Object.values(fields) as string[])
      for (const term of field.split(' ')) {
        if (term === '' || seen.has(term)) continue;
        seen.add(term);
        this.counts.set(term, (this.counts.get(term) ?? 0) + 1);
      }
  }

  /** The distinct terms some ticket holds with how many hold each, rarest first (ties in the query's order). */
  rarest(terms: readonly string[]): { readonly term: string; readonly count: number }[] {
    return [...new Set(terms)]
      .map((term, order) => ({ term, order, count: this.counts.get(term) ?? 0 }))
      .filter((entry) => entry.count > 0)
      .sort((a, b) => a.count - b.count || a.order - b.order)
      .map(({ term, count }) => ({ term, count }));
  }
}
