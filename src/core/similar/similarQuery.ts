/**
 * What an open ticket asks the index: its error text, code names, title words and body words, each
 * part with its own fields and weights, and in each part only the rarest terms. A term half the
 * tickets hold says little about which one is the same fault, and reading its long list of tickets
 * is what makes a query slow.
 */
import type { DocumentFields, TicketTerms } from './similarDocument';
import type { QueryPart } from './termIndex';

export type SimilarField = keyof DocumentFields;

/** Field weights per part of the query. Set by the evaluation set's tuning half (test/fixtures/similar/). */
const WEIGHTS = {
  errors: 4,
  code: 3,
  titleInTitle: 2.5,
  titleInBody: 1.2,
  bodyInTitle: 1.2,
  bodyInBody: 0.8,
} as const;
/**
 * The rarest distinct terms each part of a query asks for: enough to tell one fault from another,
 * few enough to answer fast, since a query reads every indexed ticket holding each term it asks.
 */
const MAX_QUERY_TERMS = { errors: 12, code: 12, title: 8, body: 16 } as const;
/** Tickets a query may read in all, counted over the terms it asks: what bounds its time whatever the index holds. */
const MAX_POSTINGS = 3_000;

/** The parts of the query, weakest first; `documentFrequency` says how many indexed tickets hold a term. */
export function similarQuery(terms: TicketTerms, documentFrequency: (term: string) => number): QueryPart<SimilarField>[] {
  // The budget goes to the parts in the order of their weight.
  let budget = MAX_POSTINGS;
  const part = (partTerms: readonly string[], max: number, fields: QueryPart<SimilarField>['fields']): QueryPart<SimilarField> | undefined => {
    const asked: string[] = [];
    for (const { term, count } of rarest(partTerms, documentFrequency)) {
      if (asked.length === max || count > budget) break;
      asked.push(term);
      budget -= count;
    }
    return asked.length === 0 ? undefined : { terms: asked, fields };
  };
  return (
    [
      part(terms.errors, MAX_QUERY_TERMS.errors, [['errors', WEIGHTS.errors]]),
      part(terms.code, MAX_QUERY_TERMS.code, [
        ['files', WEIGHTS.code],
        ['functions', WEIGHTS.code],
      ]),
      part(terms.title, MAX_QUERY_TERMS.title, [
        ['titleWords', WEIGHTS.titleInTitle],
        ['bodyWords', WEIGHTS.titleInBody],
      ]),
      part(terms.body, MAX_QUERY_TERMS.body, [
        ['titleWords', WEIGHTS.bodyInTitle],
        ['bodyWords', WEIGHTS.bodyInBody],
      ]),
    ]
      .filter((query) => query !== undefined)
      // Asked weakest first: where two parts match one term of a ticket, the match keeps the fields
      // of the last, and a file named in both frames and prose is a reason as a file.
      .reverse()
  );
}

/** The distinct terms some ticket holds with how many hold each, rarest first (ties in the query's order). */
function rarest(terms: readonly string[], documentFrequency: (term: string) => number): { readonly term: string; readonly count: number }[] {
  return [...new Set(terms)]
    .map((term, order) => ({ term, order, count: documentFrequency(term) }))
    .filter((entry) => entry.count > 0)
    .sort((a, b) => a.count - b.count || a.order - b.order)
    .map(({ term, count }) => ({ term, count }));
}
