/**
 * An inverted index over named fields, each a string of terms separated by spaces, ranked with BM25+
 * (Lv and Zhai, "Lower-Bounding Term Frequency Normalization", CIKM 2011) field by field. A query is
 * a list of parts, each asking its terms in some fields with a weight per field; a ticket's score is
 * the sum of its matches times how many distinct terms of the query it holds. Tickets are added and
 * taken out one at a time, and the whole index is one plain object to store between runs.
 */
import * as z from 'zod/mini';

/** BM25+: K1 saturates a term's frequency, B weighs a field's length against the average, DELTA is what any match is worth however long the field. */
const K1 = 1.2;
const B = 0.7;
const DELTA = 0.5;

export interface QueryPart<F extends string> {
  readonly terms: readonly string[];
  /** The fields the part reads, each with its weight, in the order they are read. */
  readonly fields: readonly (readonly [F, number])[];
}

export interface Hit<F extends string, S> {
  readonly stored: S;
  readonly score: number;
  /** Each term the ticket matched, in the order first matched, with the fields it matched in for the last part that found it. */
  readonly match: Readonly<Record<string, readonly F[]>>;
}

/**
 * The stored form. Tickets are numbered by their place in `uids`, `stored` is theirs in the same order,
 * and `lengths` holds each ticket's field lengths one after the other. `postings` holds, for the term
 * at the same place in `terms`, one list per field that holds it: the field's place, then for each
 * ticket holding it the gap from the previous ticket's number (from -1) and how often the field holds it.
 */
export interface TermIndexForm<S> {
  readonly uids: readonly string[];
  readonly stored: readonly S[];
  readonly lengths: readonly number[];
  readonly terms: readonly string[];
  readonly postings: readonly (readonly (readonly number[])[])[];
}

interface TermEntry {
  readonly term: string;
  /** By field place: ticket number → how often that field holds the term. */
  readonly postings: (Map<number, number> | undefined)[];
  /** Tickets that hold the term in any field. */
  holders: number;
}

interface Doc<S> {
  readonly uid: string;
  readonly stored: S;
  /** By field place: the distinct terms the field holds, an empty field counting one, as the query weights were tuned with. */
  readonly lengths: readonly number[];
  /** Every term the ticket holds, once: what to take out when it goes. */
  readonly terms: TermEntry[];
}

interface Found<F extends string> {
  readonly number: number;
  score: number;
  readonly match: Record<string, F[]>;
  /** The last (part, term) step that matched the ticket: a term matched again by a later part takes that part's fields. */
  step: number;
}

const count = z.int().check(z.minimum(0));

export class TermIndex<F extends string, S> {
  private readonly vocabulary = new Map<string, TermEntry>();
  private readonly docs = new Map<number, Doc<S>>();
  private readonly numbers = new Map<string, number>();
  private readonly lengthTotals: number[];
  private nextNumber = 0;

  constructor(private readonly fields: readonly F[]) {
    this.lengthTotals = fields.map(() => 0);
  }

  /** The stored form back, or undefined when it does not fit these fields or is damaged. */
  static load<F extends string, S>(form: unknown, fields: readonly F[], storedSchema: z.ZodMiniType<S>): TermIndex<F, S> | undefined {
    const parsed = formSchema(storedSchema).safeParse(form);
    if (!parsed.success) return undefined;
    const index = new TermIndex<F, S>(fields);
    return index.restore(parsed.data) ? index : undefined;
  }

  get size(): number {
    return this.docs.size;
  }

  has(uid: string): boolean {
    return this.numbers.has(uid);
  }

  stored(uid: string): S | undefined {
    const number = this.numbers.get(uid);
    return number === undefined ? undefined : this.docs.get(number)?.stored;
  }

  /** How many tickets hold `term` in any field. */
  documentFrequency(term: string): number {
    return this.vocabulary.get(term)?.holders ?? 0;
  }

  /** Adds a ticket under a `uid` the index does not hold yet; `fields` hold terms separated by single spaces. */
  add(uid: string, fields: Readonly<Record<F, string>>, stored: S): void {
    if (this.numbers.has(uid)) throw new Error(`${uid} is already indexed`);
    const number = this.nextNumber++;
    const held = new Set<TermEntry>();
    const lengths = this.fields.map((field, place) => {
      const terms = fields[field].split(' ');
      for (const term of terms) if (term !== '') held.add(this.post(term, place, number));
      const length = new Set(terms).size;
      this.lengthTotals[place] += length;
      return length;
    });
    for (const entry of held) entry.holders++;
    this.docs.set(number, { uid, stored, lengths, terms: [...held] });
    this.numbers.set(uid, number);
  }

  remove(uid: string): void {
    const number = this.numbers.get(uid);
    const doc = number === undefined ? undefined : this.docs.get(number);
    if (number === undefined || !doc) return;
    for (const entry of doc.terms) {
      entry.postings.forEach((postings, place) => {
        if (postings?.delete(number) && postings.size === 0) entry.postings[place] = undefined;
      });
      if (--entry.holders === 0) this.vocabulary.delete(entry.term);
    }
    doc.lengths.forEach((length, place) => (this.lengthTotals[place] -= length));
    this.docs.delete(number);
    this.numbers.delete(uid);
  }

  /** Every ticket that matches some part and that `keep` keeps, best first; tickets of one score in the order they were first matched. */
  search(parts: readonly QueryPart<F>[], keep: (stored: S) => boolean): Hit<F, S>[] {
    const found = new Map<number, Found<F>>();
    let step = 0;
    for (const part of parts)
      for (const term of part.terms) {
        step++;
        const entry = this.vocabulary.get(term);
        if (entry) for (const [field, weight] of part.fields) this.score(entry, this.fields.indexOf(field), weight, step, found);
      }
    const hits: Hit<F, S>[] = [];
    for (const { number, score, match } of found.values()) {
      const doc = this.docs.get(number);
      if (doc && keep(doc.stored)) hits.push({ stored: doc.stored, score: score * Object.keys(match).length, match });
    }
    return hits.sort((a, b) => b.score - a.score);
  }

  toJSON(): TermIndexForm<S> {
    const places = new Map<number, number>();
    const uids: string[] = [];
    const stored: S[] = [];
    const lengths: number[] = [];
    for (const [number, doc] of this.docs) {
      places.set(number, uids.length);
      uids.push(doc.uid);
      stored.push(doc.stored);
      lengths.push(...doc.lengths);
    }
    const terms: string[] = [];
    const postings: number[][][] = [];
    for (const entry of this.vocabulary.values()) {
      terms.push(entry.term);
      postings.push(entry.postings.flatMap((held, place) => (held ? [gapsOf(held, place, places)] : [])));
    }
    return { uids, stored, lengths, terms, postings };
  }

  /** The posting of one occurrence of `term` in a field of ticket `number`. */
  private post(term: string, place: number, number: number): TermEntry {
    let entry = this.vocabulary.get(term);
    if (!entry) {
      entry = { term, postings: this.fields.map(() => undefined), holders: 0 };
      this.vocabulary.set(term, entry);
    }
    const postings = entry.postings[place] ?? new Map<number, number>();
    entry.postings[place] = postings;
    postings.set(number, (postings.get(number) ?? 0) + 1);
    return entry;
  }

  private score(entry: TermEntry, place: number, weight: number, step: number, found: Map<number, Found<F>>): void {
    const postings = entry.postings[place];
    const field = this.fields[place];
    if (!postings || field === undefined) return;
    const tickets = this.docs.size;
    const idf = Math.log(1 + (tickets - postings.size + 0.5) / (postings.size + 0.5));
    const averageLength = (this.lengthTotals[place] ?? 0) / tickets;
    for (const [number, frequency] of postings) {
      const length = this.docs.get(number)?.lengths[place] ?? 0;
      const score = weight * idf * (DELTA + (frequency * (K1 + 1)) / (frequency + K1 * (1 - B + (B * length) / averageLength)));
      const hit = found.get(number);
      if (!hit) {
        // Without a prototype, any term is a plain key, "__proto__" too.
        const match = Object.create(null) as Record<string, F[]>;
        match[entry.term] = [field];
        found.set(number, { number, score, match, step });
      } else {
        hit.score += score;
        if (hit.step === step) hit.match[entry.term]?.push(field);
        else hit.match[entry.term] = [field];
        hit.step = step;
      }
    }
  }

  /** Fills an empty index from a parsed stored form; false when the form contradicts itself. */
  private restore(form: TermIndexForm<S>): boolean {
    const width = this.fields.length;
    if (form.stored.length !== form.uids.length || form.lengths.length !== form.uids.length * width || form.postings.length !== form.terms.length) return false;
    const docs = form.uids.map((uid, number): Doc<S> => ({
      uid,
      stored: form.stored[number],
      lengths: form.lengths.slice(number * width, (number + 1) * width),
      terms: [],
    }));
    for (const [number, doc] of docs.entries()) {
      if (this.numbers.has(doc.uid)) return false;
      this.docs.set(number, doc);
      this.numbers.set(doc.uid, number);
      doc.lengths.forEach((length, place) => (this.lengthTotals[place] += length));
    }
    this.nextNumber = docs.length;
    for (const [at, term] of form.terms.entries()) {
      const lists = form.postings[at] ?? [];
      if (term === '' || term.includes(' ') || this.vocabulary.has(term) || lists.length === 0) return false;
      const entry: TermEntry = { term, postings: this.fields.map(() => undefined), holders: 0 };
      this.vocabulary.set(term, entry);
      for (const list of lists) if (!this.restorePostings(entry, list, docs)) return false;
    }
    return true;
  }

  /** One list of a term's postings: the field's place, then gaps and frequencies. */
  private restorePostings(entry: TermEntry, list: readonly number[], docs: readonly Doc<S>[]): boolean {
    const place = list[0] ?? this.fields.length;
    if (place >= this.fields.length || entry.postings[place] || list.length < 3 || list.length % 2 === 0) return false;
    const postings = new Map<number, number>();
    entry.postings[place] = postings;
    let number = -1;
    for (let i = 1; i < list.length; i += 2) {
      const gap = list[i] ?? 0;
      const frequency = list[i + 1] ?? 0;
      number += gap;
      const doc = docs[number];
      if (gap < 1 || frequency < 1 || !doc) return false;
      postings.set(number, frequency);
      // A term's lists come together, so a ticket that already holds it holds it last.
      if (doc.terms.at(-1) !== entry) {
        doc.terms.push(entry);
        entry.holders++;
      }
    }
    return true;
  }
}

/** A field's postings in the stored form: its place, then each ticket's gap from the one before and the term's frequency. */
function gapsOf(postings: ReadonlyMap<number, number>, place: number, places: ReadonlyMap<number, number>): number[] {
  const list = [place];
  let previous = -1;
  for (const [number, frequency] of postings) {
    const at = places.get(number) ?? previous;
    list.push(at - previous, frequency);
    previous = at;
  }
  return list;
}

function formSchema<S>(storedSchema: z.ZodMiniType<S>) {
  return z.object({
    uids: z.array(z.string()),
    stored: z.array(storedSchema),
    lengths: z.array(count),
    terms: z.array(z.string()),
    postings: z.array(z.array(z.array(count))),
  });
}
