/**
 * An issue's comments: read page by page under a bound, and posted at most once. Whether a comment
 * whose answer was lost has landed is decided by comment ids, which GitHub hands out in order: a
 * comment of ours with the same text, newer than the newest seen before sending. No clock is
 * compared.
 */
import * as z from 'zod/mini';
import type { HttpClient } from '../http/httpClient';
import { fail, ok, type SourceResult } from '../sourceResult';
import { githubCommentSchema, type GithubComment } from './githubSchemas';

const PAGE_SIZE = 100;
/** 5,000 comments: far beyond any real issue; a server that always announces another page stops here. */
const MAX_COMMENT_PAGES = 50;

const commentsSchema = z.array(githubCommentSchema);

export class GithubComments {
  constructor(
    private readonly http: HttpClient,
    private readonly label: string,
  ) {}

  /** Every comment, oldest first (GitHub's order). */
  async all(issuePath: string, signal?: AbortSignal): Promise<SourceResult<GithubComment[]>> {
    const comments: GithubComment[] = [];
    for (let page = 1; page <= MAX_COMMENT_PAGES; page++) {
      const answer = await this.http.get(`${issuePath}/comments`, commentsSchema, { params: { per_page: PAGE_SIZE, page }, signal });
      if (answer.kind !== 'ok') return answer;
      comments.push(...answer.data);
      if (!/rel="next"/.test(answer.header('link') ?? '')) return ok(comments);
    }
    return fail('invalidResponse', `${this.label} kept announcing more comments after ${MAX_COMMENT_PAGES} pages; stopped reading them.`);
  }

  /** Posts a comment; after a lost answer it is sent again only if it is not there. */
  async post(issuePath: string, body: string, me: string): Promise<SourceResult<void>> {
    const before = await this.all(issuePath);
    if (before.kind !== 'ok') return before;
    const newest = Math.max(0, ...before.value.map((c) => c.id));
    const sent = await this.http.send('POST', `${issuePath}/comments`, { body }, githubCommentSchema, {
      idempotent: false,
      landed: async () => {
        const after = await this.all(issuePath);
        if (after.kind !== 'ok') return undefined;
        return after.value.some((c) => c.id > newest && c.user?.login.toLowerCase() === me.toLowerCase() && (c.body ?? '').trim() === body.trim());
      },
    });
    return sent.kind === 'ok' || sent.kind === 'landed' ? ok(undefined) : sent;
  }
}
