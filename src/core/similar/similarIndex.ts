/**
 * The resolved tickets of every source, searchable by what an open ticket says. Full-text search is
 * MiniSearch's (BM25 over fields, incremental add and discard, a plain-object form to store); this
 * file decides what goes into which field and how much a match there weighs: error text above code
 * names above title words above body words.
 */
import MiniSearch, { type AsPlainObject, type Query, type SearchResult } from 'minisearch';
import type { TicketHistoryRecord } from '../history/ticketHistory';
import { DocumentFrequencies } from './documentFrequencies';
import { documentFields, ticketTerms, type DocumentFields, type TicketText } from './similarDocument';
import { matchReasons, type MatchReason } from './matchReasons';
import { textDigest } from './textDigest';

/** Raised whenever what a field holds or how terms are made changes: a stored index of another version is rebuilt. */
export const INDEX_FORMAT_VERSION = 3;

/** Field boosts per part of the query. Set by the evaluation set's tuning half (test/fixtures/similar/). */
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
/** A hit scoring below this share of the best one is noise beside it. */
const RELATIVE_FLOOR = 0.25;

interface StoredFields {
  readonly sourceId: string;
  readonly id: string;
  readonly key: string;
  readonly title: string;
  readonly url?: string;
  readonly resolvedAt: number;
  /** Of the title and text indexed: a ticket read again unchanged is not indexed again. */
  readonly digest: string;
}

type IndexedDocument = StoredFields & DocumentFields & { readonly uid: string };

export interface SimilarTicket {
  readonly sourceId: string;
  readonly id: string;
  readonly key: string;
  readonly title: string;
  readonly url?: string;
  readonly resolvedAt: Date;
  readonly score: number;
  readonly reasons: readonly MatchReason[];
}

export interface SerializedSimilarIndex {
  readonly version: number;
  readonly index: AsPlainObject;
}

const FIELDS: readonly (keyof DocumentFields)[] = ['errors', 'files', 'functions', 'titleWords', 'bodyWords'];
const STORED: readonly (keyof StoredFields)[] = ['sourceId', 'id', 'key', 'title', 'url', 'resolvedAt', 'digest'];

function options(): ConstructorParameters<typeof MiniSearch<IndexedDocument>>[0] {
  return {
    idField: 'uid',
    fields: [...FIELDS],
    storeFields: [...STORED],
    // Fields and queries hold terms already made by similarDocument.ts.
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term || null,
  };
}

export class SimilarIndex {
  private constructor(
    private readonly search: MiniSearch<IndexedDocument>,
    private readonly frequencies: DocumentFrequencies,
  ) {}

  static empty(): SimilarIndex {
    return new SimilarIndex(new MiniSearch(options()), DocumentFrequencies.empty());
  }

  /** The stored form back, or undefined when it is of another format version or damaged: the caller rebuilds. */
  static load(stored: unknown): SimilarIndex | undefined {
    if (!isSerialized(stored) || stored.version !== INDEX_FORMAT_VERSION) return undefined;
    try {
      return new SimilarIndex(MiniSearch.loadJS(stored.index, options()), DocumentFrequencies.fromIndex(stored.index));
    } catch {
      return undefined;
    }
  }

  get size(): number {
    return this.search.documentCount;
  }

  /** Adds a resolved ticket, replaces one that changed, and takes out one that was reopened. */
  update(record: TicketHistoryRecord): void {
    const uid = `${record.sourceId}:${record.id}`;
    const resolvedAt = record.resolvedAt?.getTime();
    const digest = textDigest(record.title, record.text);
    if (this.search.has(uid)) {
      const indexed = this.search.getStoredFields(uid) as Partial<StoredFields> | undefined;
      if (resolvedAt !== undefined && isUnchanged(indexed, record, resolvedAt, digest)) return;
      this.search.discard(uid);
    }
    if (resolvedAt === undefined) return;
    const fields = documentFields(record);
    this.search.add({ uid, sourceId: record.sourceId, id: record.id, key: record.key, title: record.title, url: record.url, resolvedAt, digest, ...fields });
    this.frequencies.add(fields);
  }

  remove(ref: { readonly sourceId: string; readonly id: string }): void {
    const uid = `${ref.sourceId}:${ref.id}`;
    if (this.search.has(uid)) this.search.discard(uid);
  }

  /** The resolved tickets most like `ticket`, best first, with why; never the ticket itself. */
  similarTo(ticket: TicketText & { readonly sourceId: string; readonly id: string }, limit: number): SimilarTicket[] {
    const terms = ticketTerms(ticket);
    // The budget goes to the parts in the order of their weight.
    let budget = MAX_POSTINGS;
    const part = (partTerms: readonly string[], max: number, fields: string[], boost: Record<string, number>): Query | undefined => {
      const asked: string[] = [];
      for (const { term, count } of this.frequencies.rarest(partTerms)) {
        if (asked.length === max || count > budget) break;
        asked.push(term);
        budget -= count;
      }
      return asked.length === 0 ? undefined : { queries: asked, combineWith: 'OR', fields, boost };
    };
    const queries: Query[] = [
      part(terms.errors, MAX_QUERY_TERMS.errors, ['errors'], { errors: WEIGHTS.errors }),
      part(terms.code, MAX_QUERY_TERMS.code, ['files', 'functions'], { files: WEIGHTS.code, functions: WEIGHTS.code }),
      part(terms.title, MAX_QUERY_TERMS.title, ['titleWords', 'bodyWords'], { titleWords: WEIGHTS.titleInTitle, bodyWords: WEIGHTS.titleInBody }),
      part(terms.body, MAX_QUERY_TERMS.body, ['titleWords', 'bodyWords'], { titleWords: WEIGHTS.bodyInTitle, bodyWords: WEIGHTS.bodyInBody }),
    ]
      .filter((query): query is Query => query !== undefined)
      // Asked weakest first: where two parts match one term of a ticket, the search library keeps
      // the fields of the last, and a file named in both frames and prose is a reason as a file.
      .reverse();
    if (queries.length === 0) return [];
    const results = this.search.search(
      { combineWith: 'OR', queries },
      {
        // Stored fields are merged into each result: its `id` is the ticket's own, beside `sourceId`.
        filter: (result) => !(result.sourceId === ticket.sourceId && result.id === ticket.id),
      },
    );
    const best = results[0]?.score ?? 0;
    return results
      .slice(0, limit)
      .filter((result) => result.score >= best * RELATIVE_FLOOR)
      .map((result) => similarTicket(result, matchReasons(result.match, terms)));
  }

  toJSON(): SerializedSimilarIndex {
    return { version: INDEX_FORMAT_VERSION, index: this.search.toJSON() };
  }
}

function isUnchanged(indexed: Partial<StoredFields> | undefined, record: TicketHistoryRecord, resolvedAt: number, digest: string): boolean {
  return indexed?.digest === digest && indexed.resolvedAt === resolvedAt && indexed.key === record.key && indexed.url === record.url;
}

function similarTicket(result: SearchResult, reasons: readonly MatchReason[]): SimilarTicket {
  // Stored fields are merged into the result, over its `id`.
  const stored = result as unknown as StoredFields;
  return {
    sourceId: stored.sourceId,
    id: stored.id,
    key: stored.key,
    title: stored.title,
    url: stored.url,
    resolvedAt: new Date(stored.resolvedAt),
    score: Math.round(result.score * 100) / 100,
    reasons,
  };
}

function isSerialized(value: unknown): value is SerializedSimilarIndex {
  return typeof value === 'object' && value !== null && 'version' in value && 'index' in value && typeof value.index === 'object' && value.index !== null;
}
