/**
 * An issue's notes: read page by page under a bound, and posted at most once. Whether a note whose
 * answer was lost has landed is decided by note ids, which GitLab hands out in order: the notes
 * newer than the newest one seen before sending. No clock is compared, so a server whose clock is
 * minutes from ours changes nothing.
 */
import * as z from 'zod/mini';
import type { HttpClient, HttpResult, Landed } from '../http/httpClient';
import { fail, ok, type SourceResult } from '../sourceResult';
import { gitlabNoteSchema, type GitlabNote, type GitlabUser } from './gitlabSchemas';

const PAGE_SIZE = 100;
/** 5,000 notes: far beyond any real issue, and a server that always announces another page stops here. */
const MAX_NOTE_PAGES = 50;

const notesSchema = z.array(gitlabNoteSchema);

export class GitlabNotes {
  constructor(
    private readonly http: HttpClient,
    private readonly label: string,
  ) {}

  /** Every note, oldest first. */
  async all(issuePath: string, signal?: AbortSignal): Promise<SourceResult<GitlabNote[]>> {
    const notes: GitlabNote[] = [];
    let page: string | undefined = '1';
    for (let read = 0; read < MAX_NOTE_PAGES && page; read++) {
      const answer = await this.page(issuePath, { sort: 'asc', page }, signal);
      if (answer.kind !== 'ok') return answer;
      notes.push(...answer.data);
      page = answer.header('x-next-page') || undefined;
    }
    return page ? this.endless() : ok(notes);
  }

  /** The id of the newest note, 0 when there is none: what later notes are told apart by. */
  async newestId(issuePath: string, signal?: AbortSignal): Promise<SourceResult<number>> {
    const answer = await this.page(issuePath, { sort: 'desc', per_page: 1, page: '1' }, signal);
    if (answer.kind !== 'ok') return answer;
    return ok(Math.max(0, ...answer.data.map((n) => n.id)));
  }

  /** The notes newer than `afterId`, newest first. */
  async since(issuePath: string, afterId: number, signal?: AbortSignal): Promise<SourceResult<GitlabNote[]>> {
    const notes: GitlabNote[] = [];
    for (let page = 1; page <= MAX_NOTE_PAGES; page++) {
      const answer = await this.page(issuePath, { sort: 'desc', page: String(page) }, signal);
      if (answer.kind !== 'ok') return answer;
      const newer = answer.data.filter((n) => n.id > afterId);
      notes.push(...newer);
      if (newer.length < answer.data.length || !answer.header('x-next-page')) return ok(notes);
    }
    return this.endless();
  }

  /** Posts a note; after a lost answer it is sent again only if it is not there. */
  async post(issuePath: string, body: string, internal: boolean, author: GitlabUser): Promise<SourceResult<GitlabNote | undefined>> {
    const before = await this.newestId(issuePath);
    if (before.kind !== 'ok') return before;
    const sent = await this.http.send('POST', `${issuePath}/notes`, { body, internal }, gitlabNoteSchema, {
      idempotent: false,
      landed: async () => {
        const newer = await this.since(issuePath, before.value);
        if (newer.kind !== 'ok') return undefined;
        return newer.value.some((n) => !n.system && n.author.id === author.id && n.body.trim() === body.trim());
      },
    });
    return settle(sent);
  }

  private async page(issuePath: string, params: Record<string, string | number>, signal?: AbortSignal): Promise<HttpResult<GitlabNote[]>> {
    const answer = await this.http.get(`${issuePath}/notes`, notesSchema, { params: { per_page: PAGE_SIZE, order_by: 'created_at', ...params }, signal });
    return answer;
  }

  private endless(): SourceResult<never> {
    return fail('invalidResponse', `${this.label} kept announcing more notes after ${MAX_NOTE_PAGES} pages; stopped reading them.`);
  }
}

export function settle<T>(result: HttpResult<T> | Landed): SourceResult<T | undefined> {
  if (result.kind === 'landed') return ok(undefined);
  return result.kind === 'ok' ? ok(result.data) : result;
}
