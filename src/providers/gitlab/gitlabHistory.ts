/**
 * A GitLab source's ticket history: every issue of the project or group, open or closed, updated
 * since the window began (a closing updates the issue), in keyset pages as the queue reads them.
 * Severity and team come from the source's labels; `closed_at` is when it was resolved, and a
 * reopened issue is open again. GitLab says who was assigned when only in each issue's system
 * notes, one request per issue, so the first claim is left unknown; the source maps no SLA from
 * GitLab, so the breach is unknown too.
 */
import { historyRecord } from '../../core/history/ticketHistory';
import { fieldMessages } from '../../core/zodMessages';
import type { HttpClient } from '../http/httpClient';
import { closedResolution, keysetHistoryPage, unreadable, type HistoryItem } from '../keysetHistory';
import { ok, type SourceResult } from '../sourceResult';
import type { HistoryPage, HistoryRequest } from '../ticketSource';
import { issueToTicket, ticketIdOf } from './gitlabMapping';
import type { GitlabQueueOptions } from './gitlabQueue';
import { gitlabIssueSchema, gitlabListSchema } from './gitlabSchemas';

const ISSUE_MESSAGES = fieldMessages('the issue');
const PAGE_SIZE = 100;

export type GitlabHistoryOptions = Pick<GitlabQueueOptions, 'sourceId' | 'label' | 'scheme' | 'grouped' | 'scopePath'>;

export function gitlabHistory(http: HttpClient, options: GitlabHistoryOptions, request: HistoryRequest): Promise<SourceResult<HistoryPage>> {
  return keysetHistoryPage(
    {
      label: options.label,
      inclusive: true,
      fetch: async (after, page, signal) => {
        const params = { state: 'all', order_by: 'updated_at', sort: 'asc', updated_after: after, per_page: PAGE_SIZE, page };
        const answer = await http.get(`${options.scopePath}/issues`, gitlabListSchema, { params, signal });
        if (answer.kind !== 'ok') return answer;
        const next = answer.header('x-next-page');
        return ok({ items: answer.data, more: next !== undefined ? next !== '' : answer.data.length >= PAGE_SIZE });
      },
      stamp: (raw) => {
        const { iid, project_id: project, updated_at: updated } = (raw ?? {}) as { iid?: unknown; project_id?: unknown; updated_at?: unknown };
        if (typeof iid !== 'number' || typeof project !== 'number' || typeof updated !== 'string') return undefined;
        return { id: ticketIdOf({ iid, project_id: project }, options.grouped), updated };
      },
      read: (raw, location) => readIssue(raw, location, options),
    },
    request,
  );
}

function readIssue(raw: unknown, location: string, options: GitlabHistoryOptions): HistoryItem {
  const parsed = gitlabIssueSchema.safeParse(raw, ISSUE_MESSAGES);
  const iid = (raw as { iid?: unknown } | null)?.iid;
  const where = `${location}${typeof iid === 'number' ? ` (#${iid})` : ''}`;
  if (!parsed.success) return unreadable(options.sourceId, where, parsed.error.issues[0]);
  const issue = parsed.data;
  const resolvedAt = closedResolution(issue.state === 'closed', issue.closed_at, options.sourceId, where);
  if (resolvedAt !== null && !(resolvedAt instanceof Date)) return resolvedAt;
  const ticket = issueToTicket(issue, [], options.sourceId, options.scheme, [], options.grouped);
  return { kind: 'record', record: historyRecord(ticket, { resolvedAt }) };
}
