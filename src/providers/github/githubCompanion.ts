/**
 * Private notes for a public ticket. GitHub issues have no internal notes, so a team that wants
 * them names a private companion repository: each ticket gets one issue there, titled after the
 * ticket (`Notes: acme/support#12`), whose comments are the ticket's internal notes. It is found
 * by its title, so every window finds the same one; should two windows create one at the same
 * moment, the notes of both are read.
 */
import * as z from 'zod/mini';
import type { HttpClient } from '../http/httpClient';
import { fail, ok, type SourceResult } from '../sourceResult';
import { GithubComments } from './githubComments';
import type { IssueAddress } from './githubMapping';
import { githubIssueSchema, type GithubComment } from './githubSchemas';

const PAGE_SIZE = 100;
/** 20,000 companion issues. */
const MAX_PAGES = 200;

const companionListSchema = z.array(z.looseObject({ number: z.number(), title: z.string(), pull_request: z.optional(z.unknown()) }));

export class GithubCompanion {
  private readonly comments: GithubComments;
  /** Companion issue numbers by title, as last listed. */
  private known = new Map<string, number[]>();

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
    const numbers = await this.find(ticket, signal);
    if (numbers.kind !== 'ok') return numbers;
    const notes: GithubComment[] = [];
    for (const number of numbers.value) {
      const read = await this.comments.all(this.issuePath(number), signal);
      if (read.kind !== 'ok') return read;
      notes.push(...read.value);
    }
    return ok(notes);
  }

  async post(ticket: IssueAddress, ticketUrl: string | undefined, body: string, me: string): Promise<SourceResult<void>> {
    const number = await this.ensure(ticket, ticketUrl);
    if (number.kind !== 'ok') return number;
    return this.comments.post(this.issuePath(number.value), body, me);
  }

  /** The companion issue, created once: after a lost answer, the list says whether it landed. */
  private async ensure(ticket: IssueAddress, ticketUrl: string | undefined): Promise<SourceResult<number>> {
    const found = await this.find(ticket);
    if (found.kind !== 'ok') return found;
    if (found.value[0] !== undefined) return ok(found.value[0]);
    const title = titleFor(ticket);
    const body = `Internal notes on ${ticketUrl ?? `${ticket.repository}#${ticket.number}`}, kept out of the public issue.`;
    const created = await this.http.send('POST', `/repos/${this.repository}/issues`, { title, body }, githubIssueSchema, {
      idempotent: false,
      landed: async () => {
        const again = await this.find(ticket);
        return again.kind === 'ok' ? again.value.length > 0 : undefined;
      },
    });
    if (created.kind === 'ok') {
      this.known.set(title, [created.data.number]);
      return ok(created.data.number);
    }
    if (created.kind !== 'landed') return created;
    const again = await this.find(ticket);
    if (again.kind !== 'ok') return again;
    return again.value[0] !== undefined ? ok(again.value[0]) : fail('notFound', `The notes issue for #${ticket.number} was created, but cannot be found.`);
  }

  /** Companion issues for the ticket, oldest first; the repository is listed again when none is known. */
  private async find(ticket: IssueAddress, signal?: AbortSignal): Promise<SourceResult<number[]>> {
    const title = titleFor(ticket);
    const cached = this.known.get(title);
    if (cached) return ok(cached);
    const known = new Map<string, number[]>();
    for (let page = 1; page <= MAX_PAGES; page++) {
      const answer = await this.http.get(`/repos/${this.repository}/issues`, companionListSchema, {
        params: { state: 'all', sort: 'created', direction: 'asc', per_page: PAGE_SIZE, page },
        signal,
      });
      if (answer.kind === 'notModified') return fail('invalidResponse', `${this.label} answered "not modified" to an unconditional read.`);
      if (answer.kind !== 'ok') return answer;
      for (const issue of answer.data) if (issue.pull_request === undefined) known.set(issue.title, [...(known.get(issue.title) ?? []), issue.number]);
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
