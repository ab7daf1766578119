/**
 * The resolved tickets of every source, searchable by what an open ticket says. Full-text search is
 * termIndex.ts's (BM25+ over fields, incremental add and removal, a plain-object form to store); this
 * file decides what goes into which field and what is kept of each ticket to show it.
 */
import * as z from 'zod/mini';
import type { TicketHistoryRecord } from '../history/ticketHistory';
import { documentFields, ticketTerms, type TicketText } from './similarDocument';
import { matchReasons, type MatchReason } from './matchReasons';
import { similarQuery, type SimilarField } from './similarQuery';
import { TermIndex, type Hit, type TermIndexForm } from './termIndex';
import { textDigest } from './textDigest';

/** Raised whenever what a field holds, how terms are made or the stored form changes: a stored index of another version is rebuilt. */
export const INDEX_FORMAT_VERSION = 4;

/** A hit scoring below this share of the best one is noise beside it. */
const RELATIVE_FLOOR = 0.25;

const storedFieldsSchema = z.object({
  sourceId: z.string(),
  id: z.string(),
  key: z.string(),
  title: z.string(),
  url: z.optional(z.string()),
  resolvedAt: z.number(),
  /** Of the title and text indexed: a ticket read again unchanged is not indexed again. */
  digest: z.string(),
});
type StoredFields = z.infer<typeof storedFieldsSchema>;

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
  readonly index: TermIndexForm<StoredFields>;
}

const FIELDS: readonly SimilarField[] = ['errors', 'files', 'functions', 'titleWords', 'bodyWords'];
const serializedSchema = z.object({ version: z.literal(INDEX_FORMAT_VERSION), index: z.unknown() });

export class SimilarIndex {
  private constructor(private readonly index: TermIndex<SimilarField, StoredFields>) {}

  static empty(): SimilarIndex {
    return new SimilarIndex(new TermIndex(FIELDS));
  }

  /** The stored form back, or undefined when it is of another format version or damaged: the caller rebuilds. */
  static load(stored: unknown): SimilarIndex | undefined {
    const parsed = serializedSchema.safeParse(stored);
    const index = parsed.success ? TermIndex.load(parsed.data.index, FIELDS, storedFieldsSchema) : undefined;
    return index && new SimilarIndex(index);
  }

  get size(): number {
    return this.index.size;
  }

  /** Adds a resolved ticket, replaces one that changed, and takes out one that was reopened. */
  update(record: TicketHistoryRecord): void {
    const uid = uidOf(record);
    const resolvedAt = record.resolvedAt?.getTime();
    const digest = textDigest(record.title, record.text);
    if (this.index.has(uid)) {
      if (resolvedAt !== undefined && isUnchanged(this.index.stored(uid), record, resolvedAt, digest)) return;
      this.index.remove(uid);
    }
    if (resolvedAt === undefined) return;
    const stored: StoredFields = { sourceId: record.sourceId, id: record.id, key: record.key, title: record.title, resolvedAt, digest };
    this.index.add(uid, documentFields(record), record.url === undefined ? stored : { ...stored, url: record.url });
  }

  remove(ref: { readonly sourceId: string; readonly id: string }): void {
    this.index.remove(uidOf(ref));
  }

  /** The resolved tickets most like `ticket`, best first, with why; never the ticket itself. */
  similarTo(ticket: TicketText & { readonly sourceId: string; readonly id: string }, limit: number): SimilarTicket[] {
    const terms = ticketTerms(ticket);
    const query = similarQuery(terms, (term) => this.index.documentFrequency(term));
    const hits = this.index.search(query, (stored) => !(stored.sourceId === ticket.sourceId && stored.id === ticket.id));
    const best = hits[0]?.score ?? 0;
    return hits
      .slice(0, limit)
      .filter((hit) => hit.score >= best * RELATIVE_FLOOR)
      .map((hit) => similarTicket(hit, matchReasons(hit.match, terms)));
  }

  toJSON(): SerializedSimilarIndex {
    return { version: INDEX_FORMAT_VERSION, index: this.index.toJSON() };
  }
}

function uidOf(ref: { readonly sourceId: string; readonly id: string }): string {
  return `${ref.sourceId}:${ref.id}`;
}

function isUnchanged(indexed: StoredFields | undefined, record: TicketHistoryRecord, resolvedAt: number, digest: string): boolean {
  return indexed?.digest === digest && indexed.resolvedAt === resolvedAt && indexed.key === record.key && indexed.url === record.url;
}

function similarTicket({ stored, score }: Hit<SimilarField, StoredFields>, reasons: readonly MatchReason[]): SimilarTicket {
  return {
    sourceId: stored.sourceId,
    id: stored.id,
    key: stored.key,
    title: stored.title,
    url: stored.url,
    resolvedAt: new Date(stored.resolvedAt),
    score: Math.round(score * 100) / 100,
    reasons,
  };
}
