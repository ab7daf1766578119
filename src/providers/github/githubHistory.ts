/**
 * A GitHub source's ticket history: every issue of the repository (or of the search), open or
 * closed, updated since the window began (a closing updates the issue), in keyset pages as the
 * queue reads them; pull requests, which the issues endpoint lists too, are left out. Severity and
 * team come from the labels; `closed_at` is when it was resolved, and a reopened issue is open
 * again. Who was assigned when is only in each issue's timeline, one request per issue, and GitHub
 * has no SLA: the first claim and the breach are left unknown.
 */
import * as z from 'zod/mini';
import { historyRecord } from '../../core/history/ticketHistory';
import { fieldMessages } from '../../core/zodMessages';
import type { HttpClient } from '../http/httpClient';
import { closedResolution, keysetHistoryPage, unreadable, type HistoryItem } from '../keysetHistory';
import { fail, ok, type SourceResult } from '../sourceResult';
import type { HistoryPage, HistoryRequest } from '../ticketSource';
import { issueToTicket, repositoryOf, ticketIdOf, type TicketContext } from './githubMapping';
import { githubIssueSchema, githubListSchema, githubSearchSchema } from './githubSchemas';

const ISSUE_MESSAGES = fieldMessages('the issue');
const PAGE_SIZE = 100;

export interface GithubHistoryOptions {
  readonly context: TicketContext;
  readonly label: string;
  /** Instead of the context's one repository, a GitHub issue search (`org:acme is:issue`). */
  readonly query?: string;
}

export function githubHistory(http: HttpClient, options: GithubHistoryOptions, request: HistoryRequest): Promise<SourceResult<HistoryPage>> {
  return keysetHistoryPage(
    {
      label: options.label,
      // Whether GitHub's `since` includes its boundary is not said: asked a second early, it does not matter.
      inclusive: false,
      fetch: async (after, page, signal) => {
        const { query } = options;
        const [path, params] =
          query === undefined
            ? [
                `/repos/${options.context.repository ?? ''}/issues`,
                { state: 'all', sort: 'updated', direction: 'asc', since: after, per_page: PAGE_SIZE, page },
              ]
            : ['/search/issues', { q: `${query} is:issue updated:>=${after}`, sort: 'updated', order: 'asc', per_page: PAGE_SIZE, page }];
        const answer = await http.get(path, z.unknown(), { params, signal });
        if (answer.kind !== 'ok') return answer;
        const items = query === undefined ? githubListSchema.safeParse(answer.data).data : githubSearchSchema.safeParse(answer.data).data?.items;
        if (!items) return fail('invalidResponse', `${options.label} sent an unexpected answer for ${path}.`);
        return ok({ items, more: /rel="next"/.test(answer.header('link') ?? '') });
      },
      stamp: (raw) => {
        const fields = (raw ?? {}) as { number?: unknown; repository_url?: unknown; updated_at?: unknown };
        if (typeof fields.number !== 'number' || typeof fields.repository_url !== 'string' || typeof fields.updated_at !== 'string') return undefined;
        return {
          id: ticketIdOf({ repository: repositoryOf({ repository_url: fields.repository_url }), number: fields.number }, options.context),
          updated: fields.updated_at,
        };
      },
      read: (raw, location) => readIssue(raw, location, options.context),
    },
    request,
  );
}

function readIssue(raw: unknown, location: string, context: TicketContext): HistoryItem {
  if ((raw as { pull_request?: unknown } | null)?.pull_request !== undefined) return { kind: 'skip' };
  const parsed = githubIssueSchema.safeParse(raw, ISSUE_MESSAGES);
  const number = (raw as { number?: unknown } | null)?.number;
  const where = `${location}${typeof number === 'number' ? ` (#${number})` : ''}`;
  if (!parsed.success) return unreadable(context.sourceId, where, parsed.error.issues[0]);
  const issue = parsed.data;
  const resolvedAt = closedResolution(issue.state === 'closed', issue.closed_at, context.sourceId, where);
  if (resolvedAt !== null && !(resolvedAt instanceof Date)) return resolvedAt;
  const ticket = issueToTicket(issue, context);
  return { kind: 'record', record: historyRecord(ticket, { resolvedAt }) };
}
