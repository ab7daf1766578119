/**
 * Who our own change of assignee replaced. Jira's assignee endpoint takes no precondition, so a
 * colleague assigned between our read and our write is overwritten without a word; the changelog
 * says so: our history item for the assignee names, in `from`, whom it replaced. Only histories
 * written since our read (in the server's own clock, as both times are) count.
 */
import { jiraUserId } from './jiraMapping';
import type { JiraHistory } from './jiraSchemas';

/** The assignee ids our writes since `since` replaced, other than ourselves and `expected`; oldest first. */
export function displacedBy(histories: readonly JiraHistory[], me: string, since: string, expected: string | null): string[] {
  const after = Date.parse(since);
  const displaced: string[] = [];
  for (const history of histories) {
    if (jiraUserId(history.author) !== me || Date.parse(history.created) < after) continue;
    for (const item of history.items) {
      if (item.field !== 'assignee') continue;
      const from = item.tmpFromAccountId ?? item.from ?? null;
      if (from !== null && from !== '' && from !== me && from !== expected && !displaced.includes(from)) displaced.push(from);
    }
  }
  return displaced;
}
