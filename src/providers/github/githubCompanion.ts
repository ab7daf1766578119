/**
 * Private notes for a public ticket. GitHub issues have no internal notes, so a team that wants
 * them names a private companion repository: each ticket gets one issue there, titled after the
 * ticket (`Notes: acme/support#12`), opened with the ticket's first note as its body; later notes
 * are its comments. It is found by its title, so every window finds the same one; should two
 * windows open one at the same moment, the notes of both are read.
 */
import * as z from 'zod/mini';
import type { HttpClient } from '../http/httpClient';
import { fail, ok, type SourceResult } from '../sourceResult';
import { GithubComments } from './githubComments';
import type { IssueAddress } from './githubMapping';
import { githubCommentSchema, githubIssueSchema, type GithubComment } from './githubSchemas';

const PAGE_SIZE = 100;
/** 20,000 companion issues. */
const MAX_PAGES = 200;

const companionSchema = z.looseObject({
  number: z.number(),
  title: z.string(),
  pull_request: z.optional(z.unknown()),
  ...githubCommentSchema.shape,
});
type Companion = z.infer<typeof companionSchema>;

export class GithubCompanion {
  private readonly comments: GithubComments;
  /** Companion issues by title, as last listed. */
  private known = new Map<string, Companion[]>();

  constructor(
    private readonly http: HttpClient,
    /** `owner/name` of the private repository. */
    readonly repository: string,
    private readonly label: string,
  ) {
    this.comments = new GithubComments(http, label);
  }

  /** The ticket's internal notes, oldest first; none before the first note. */
  async notes(ticket: IssueAddress, signal?: AbortSignal): Promise<SourceResult<GithubComment[]>> {
    const companions = await this.find(ticket, signal);
    if (companions.kind !== 'ok') return companions;
    const notes: GithubComment[] = [];
    for (const companion of companions.value) {
      if (companion.body) notes.push(companion);
      const read = await this.comments.all(this.issuePath(companion.number), signal);
      if (read.kind !== 'ok') return read;
      notes.push(...read.value);
    }
    return ok(notes);
  }

  /** The first note opens the companion issue; the write is the note itself, so a lost answer is checked like any note's. */
  async post(ticket: IssueAddress, body: string, me: string): Promise<SourceResult<void>> {
    const found = await this.find(ticket);
    if (found.kind !== 'ok') return found;
    const existing = found.value[0];
    if (existing) return this.comments.post(this.issuePath(existing.number), body, me);
    const title = titleFor(ticket);
    const created = await this.http.send('POST', `/repos/${this.repository}/issues`, { title, body }, githubIssueSchema, {
      idempotent: false,
      landed: async () => {
        this.known.delete(title);
        const again = await this.find(ticket);
        return again.kind === 'ok' ? again.value.length > 0 : undefined;
      },
    });
    if (created.kind === 'ok' || created.kind === 'landed') {
      this.known.delete(title);
      return ok(undefined);
    }
    return created;
  }

  /** Companion issues for the ticket, oldest first; the repository is listed again when none is known. */
  private async find(ticket: IssueAddress, signal?: AbortSignal): Promise<SourceResult<Companion[]>> {
    const title = titleFor(ticket);
    const cached = this.known.get(title);
    if (cached) return ok(cached);
    const known = new Map<string, Companion[]>();
    for (let page = 1; page <= MAX_PAGES; page++) {
      const answer = await this.http.get(`/repos/${this.repository}/issues`, z.array(companionSchema), {
        params: { state: 'all', sort: 'created', direction: 'asc', per_page: PAGE_SIZE, page },
        signal,
      });
      if (answer.kind !== 'ok') return answer;
      for (const issue of answer.data) if (issue.pull_request === undefined) known.set(issue.title, [...(known.get(issue.title) ?? []), issue]);
      if (!/rel="next"/.test(answer.header('link') ?? '')) {
        this.known = known;
        return ok(known.get(title) ?? []);
      }
    }
    return fail('invalidResponse', `${this.label} kept announcing more issues in ${this.repository} after ${MAX_PAGES} pages.`);
  }

  private issuePath(number: number): string {
    return `/repos/${this.repository}/issues/${number}`;
  }
}

function titleFor(ticket: IssueAddress): string {
  return `Notes: ${ticket.repository}#${ticket.number}`;
}
