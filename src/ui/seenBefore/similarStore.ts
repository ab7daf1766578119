/**
 * The index of resolved tickets kept in the extension's storage: loaded from there, brought up to
 * date from each source's history since its last read (only what changed), saved again, and asked
 * for a ticket's most similar resolved tickets and the commits that fixed them. Plain Node: the
 * service around it (seenBeforeService.ts) is what the extension loads.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { TicketHistoryRecord } from '../../core/history/ticketHistory';
import { SimilarIndex, type SimilarTicket } from '../../core/similar/similarIndex';
import { fixCommits, type FixCommit } from '../../git/ticketCommits';
import type { HistoryPage, HistoryRequest } from '../../providers/ticketSource';
import type { SourceResult } from '../../providers/sourceResult';

export interface HistorySource {
  readonly id: string;
  history?(request: HistoryRequest): Promise<SourceResult<HistoryPage>>;
}

export interface SimilarWithCommits extends SimilarTicket {
  readonly commits: readonly FixCommit[];
}

/** Enough pages for years of a busy queue; a source that pages forever is cut off here. */
const MAX_PAGES = 1_000;
/** Read again from a little before the last read: a ticket resolved while it ran is not missed. */
const OVERLAP_MS = 60 * 60 * 1000;
const FILE_VERSION = 1;

interface StoredFile {
  readonly version: number;
  readonly readUntil: Record<string, string>;
  readonly index: unknown;
}

export class SimilarStore {
  private index = SimilarIndex.empty();
  private readUntil: Record<string, string> = {};

  constructor(private readonly file: string) {}

  get size(): number {
    return this.index.size;
  }

  /** The stored index; an absent, damaged or older one leaves an empty index that the next sync fills from the start. */
  async load(): Promise<void> {
    try {
      const stored = JSON.parse(await readFile(this.file, 'utf8')) as Partial<StoredFile>;
      const index = stored.version === FILE_VERSION ? SimilarIndex.load(stored.index) : undefined;
      if (!index) return;
      this.index = index;
      this.readUntil = typeof stored.readUntil === 'object' && stored.readUntil !== null ? stored.readUntil : {};
    } catch {
      this.index = SimilarIndex.empty();
      this.readUntil = {};
    }
  }

  /** Reads what each source's history says changed since the last read; returns how many records were read. */
  async sync(sources: readonly HistorySource[], signal?: AbortSignal): Promise<number> {
    let read = 0;
    for (const source of sources) {
      if (!source.history) continue;
      const started = new Date();
      const last = this.readUntil[source.id];
      const since = last ? new Date(Date.parse(last) - OVERLAP_MS) : new Date(0);
      const records = await readHistory(source, since, signal);
      if (!records) continue;
      for (const record of records) this.index.update(record);
      read += records.length;
      this.readUntil[source.id] = started.toISOString();
    }
    await this.save();
    return read;
  }

  /** The most similar resolved tickets with their fix commits, read with one `git log` in `repository` when given. */
  async similarTo(
    ticket: { readonly sourceId: string; readonly id: string; readonly title: string; readonly text: string },
    limit: number,
    repository?: { readonly gitPath: string; readonly root: string },
  ): Promise<SimilarWithCommits[]> {
    const hits = this.index.similarTo(ticket, limit);
    const commits = repository && hits.length > 0 ? await fixCommits(repository.gitPath, repository.root, hits) : new Map<string, FixCommit[]>();
    return hits.map((hit) => ({ ...hit, commits: commits.get(hit.key) ?? [] }));
  }

  private async save(): Promise<void> {
    const stored: StoredFile = { version: FILE_VERSION, readUntil: this.readUntil, index: this.index.toJSON() };
    await mkdir(dirname(this.file), { recursive: true });
    // Written aside and renamed: a window closed mid-write leaves the previous index, not half of one.
    const partial = `${this.file}.${process.pid}.tmp`;
    await writeFile(partial, JSON.stringify(stored));
    await rename(partial, this.file);
  }
}

async function readHistory(source: HistorySource, since: Date, signal?: AbortSignal): Promise<TicketHistoryRecord[] | undefined> {
  const records: TicketHistoryRecord[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await source.history?.({ since, cursor, signal });
    if (!result || result.kind !== 'ok') return undefined;
    records.push(...result.value.records);
    cursor = result.value.nextCursor;
    if (!cursor) break;
  }
  return records;
}
