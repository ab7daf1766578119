/**
 * Who changed which file, how much and how recently: built from history newest first, in one pass.
 * Recency is kept as a decayed commit count relative to a fixed reference time, so that adding
 * newer commits later (an incremental update) gives exactly what a full rebuild gives.
 *
 * Counts are never changed in place, only replaced: a snapshot, and an index made from one, share
 * them with the index they came from, and an update must never change the index it started from
 * (two updates at once would otherwise count the new commits twice).
 */
import type { HistoryCommit } from './historyRecord';

export interface AuthorStat {
  readonly commits: number;
  readonly lines: number;
  /** Seconds since the epoch. */
  readonly lastTime: number;
  /** Σ 0.5^((reference − time) / half-life) over the commits. */
  readonly decayed: number;
}

export interface Author {
  readonly name: string;
  readonly email: string;
}

export interface IndexSnapshot {
  readonly version: 1;
  readonly head: string;
  readonly referenceTime: number;
  readonly halfLifeDays: number;
  readonly authors: Record<string, Author>;
  readonly files: Record<string, Record<string, AuthorStat>>;
}

const DAY = 86_400;

export class ExpertiseIndex {
  private readonly files = new Map<string, Map<string, AuthorStat>>();
  private readonly authors = new Map<string, Author>();
  /** While reading newest → oldest: older names of files, mapped to their name today. */
  private readonly renamedTo = new Map<string, string>();
  head = '';

  constructor(
    readonly referenceTime: number,
    readonly halfLifeDays: number,
  ) {}

  /** Commits must come newest first (git log's order). */
  addCommit(commit: HistoryCommit): void {
    const key = commit.authorEmail.toLowerCase() || commit.authorName;
    if (!this.authors.has(key)) this.authors.set(key, { name: commit.authorName, email: commit.authorEmail });
    const weight = Math.pow(0.5, (this.referenceTime - commit.time) / (this.halfLifeDays * DAY));
    for (const change of commit.changes) {
      const today = this.currentName(change.path);
      if (change.renamedFrom) this.renamedTo.set(change.renamedFrom, today);
      const byAuthor = this.files.get(today) ?? new Map<string, AuthorStat>();
      this.files.set(today, byAuthor);
      mergeStat(byAuthor, key, { commits: 1, lines: change.lines, lastTime: commit.time, decayed: weight });
    }
  }

  /**
   * Merges an index of newer commits (git log old..new) into this one: its renames re-key the
   * older history, then the counts add up.
   */
  absorbNewer(newer: ExpertiseIndex): void {
    for (const [from, to] of newer.renamedTo) {
      const moved = this.files.get(from);
      if (!moved) continue;
      this.files.delete(from);
      const target = this.files.get(to) ?? new Map<string, AuthorStat>();
      for (const [author, stat] of moved) mergeStat(target, author, stat);
      this.files.set(to, target);
    }
    for (const [author, info] of newer.authors) if (!this.authors.has(author)) this.authors.set(author, info);
    for (const [file, byAuthor] of newer.files) {
      const target = this.files.get(file) ?? new Map<string, AuthorStat>();
      for (const [author, stat] of byAuthor) mergeStat(target, author, stat);
      this.files.set(file, target);
    }
    this.head = newer.head;
  }

  /**
   * Takes the counts of `files` and their authors from `other`, made with the same reference time
   * and half-life: for putting together indexes that were read for separate sets of files.
   */
  adoptFiles(other: ExpertiseIndex, files: Iterable<string>): void {
    for (const file of files) {
      const byAuthor = other.files.get(file);
      if (!byAuthor) continue;
      this.files.set(file, new Map(byAuthor));
      for (const key of byAuthor.keys()) {
        const author = other.authors.get(key);
        if (author && !this.authors.has(key)) this.authors.set(key, author);
      }
    }
  }

  /** The older names, seen so far, of files called `files` today: the paths whose history is theirs too. */
  formerNamesOf(files: ReadonlySet<string>): string[] {
    return [...this.renamedTo.keys()].filter((name) => files.has(this.currentName(name)));
  }

  statsFor(file: string): ReadonlyMap<string, AuthorStat> | undefined {
    return this.files.get(file);
  }

  author(key: string): Author | undefined {
    return this.authors.get(key);
  }

  get fileCount(): number {
    return this.files.size;
  }

  snapshot(): IndexSnapshot {
    const files: Record<string, Record<string, AuthorStat>> = {};
    for (const [file, byAuthor] of this.files) files[file] = Object.fromEntries(byAuthor);
    return {
      version: 1,
      head: this.head,
      referenceTime: this.referenceTime,
      halfLifeDays: this.halfLifeDays,
      authors: Object.fromEntries(this.authors),
      files,
    };
  }

  static fromSnapshot(snapshot: IndexSnapshot): ExpertiseIndex {
    const index = new ExpertiseIndex(snapshot.referenceTime, snapshot.halfLifeDays);
    index.head = snapshot.head;
    for (const [key, author] of Object.entries(snapshot.authors)) index.authors.set(key, author);
    for (const [file, byAuthor] of Object.entries(snapshot.files)) index.files.set(file, new Map(Object.entries(byAuthor)));
    return index;
  }

  private currentName(path: string): string {
    let name = path;
    // A file renamed twice (a → b → c) is followed to its name today.
    for (let hops = 0; hops < 50 && this.renamedTo.has(name); hops++) name = this.renamedTo.get(name) ?? name;
    return name;
  }
}

function mergeStat(target: Map<string, AuthorStat>, author: string, stat: AuthorStat): void {
  const existing = target.get(author);
  target.set(
    author,
    existing
      ? {
          commits: existing.commits + stat.commits,
          lines: existing.lines + stat.lines,
          lastTime: Math.max(existing.lastTime, stat.lastTime),
          decayed: existing.decayed + stat.decayed,
        }
      : stat,
  );
}
