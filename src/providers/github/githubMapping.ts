/** A GitHub issue (its comments, the pull requests that reference it) as a Ticket. */
import type { Person, Ticket, TicketComment, TicketLink } from '../../core/ticket';
import { readLabels, type GithubLabelScheme } from './githubLabels';
import type { GithubComment, GithubIssue, GithubTimelineEvent, GithubUser } from './githubSchemas';

/** Where an issue lives: `owner/name` and its number. */
export interface IssueAddress {
  readonly repository: string;
  readonly number: number;
}

export interface TicketContext {
  readonly sourceId: string;
  readonly scheme: GithubLabelScheme;
  /** The source's one repository; absent for a queue from a search across repositories. */
  readonly repository?: string;
}

/** A deleted account shows as null; GitHub names it "ghost". */
export function person(user: GithubUser | null): Person {
  if (!user) return { id: 'ghost', name: 'ghost' };
  return { id: user.login, name: user.name || user.login };
}

/** `owner/name` from an issue's `repository_url` (`…/repos/owner/name`). */
export function repositoryOf(issue: Pick<GithubIssue, 'repository_url'>): string {
  return /\/repos\/([^/]+\/[^/]+)\/?$/.exec(issue.repository_url)?.[1] ?? '';
}

/** In a one-repository source the id is the number; across repositories, `owner/name#number`. */
export function ticketIdOf(address: IssueAddress, context: Pick<TicketContext, 'repository'>): string {
  return sameRepository(address.repository, context.repository) ? String(address.number) : `${address.repository}#${address.number}`;
}

export function addressOf(id: string, context: Pick<TicketContext, 'repository'>): IssueAddress | undefined {
  if (/^\d+$/.test(id) && context.repository) return { repository: context.repository, number: Number(id) };
  const match = /^([^/\s#]+\/[^/\s#]+)#(\d+)$/.exec(id);
  return match ? { repository: match[1] ?? '', number: Number(match[2]) } : undefined;
}

export function sameRepository(a: string, b: string | undefined): boolean {
  return b !== undefined && a.toLowerCase() === b.toLowerCase();
}

export interface IssueDetails {
  readonly comments?: readonly GithubComment[];
  /** Notes from the private companion issue: internal. */
  readonly privateNotes?: readonly GithubComment[];
  readonly timeline?: readonly GithubTimelineEvent[];
}

export function issueToTicket(issue: GithubIssue, context: TicketContext, details: IssueDetails = {}): Ticket {
  const labels = readLabels(issue.labels, context.scheme);
  const address = { repository: repositoryOf(issue), number: issue.number };
  const assignee = issue.assignees?.[0];
  const comments = [...(details.comments ?? []).map((c) => comment(c, false)), ...(details.privateNotes ?? []).map((c) => comment(c, true))].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
  );
  return {
    sourceId: context.sourceId,
    id: ticketIdOf(address, context),
    key: sameRepository(address.repository, context.repository) ? `#${issue.number}` : `${address.repository}#${issue.number}`,
    title: issue.title,
    description: issue.body ?? '',
    severity: labels.severity,
    status: statusOf(issue),
    assignee: assignee ? person(assignee) : null,
    requester: person(issue.user),
    region: labels.region,
    team: labels.team,
    createdAt: new Date(issue.created_at),
    updatedAt: new Date(issue.updated_at),
    labels: labels.others,
    comments,
    links: linkedPullRequests(details.timeline ?? []),
    url: issue.html_url,
    revision: issue.updated_at,
  };
}

/** `open`, `closed (not planned)`, `open, locked`: the state with its reason. */
function statusOf(issue: GithubIssue): string {
  const reason = issue.state_reason && issue.state_reason !== 'reopened' ? ` (${issue.state_reason.replace(/_/g, ' ')})` : '';
  return `${issue.state}${reason}${issue.locked ? ', locked' : ''}`;
}

function comment(c: GithubComment, internal: boolean): TicketComment {
  return { author: person(c.user), createdAt: new Date(c.created_at), body: c.body ?? '', internal };
}

/** Pull requests that reference the issue, from its timeline's cross-references, once each. */
function linkedPullRequests(timeline: readonly GithubTimelineEvent[]): TicketLink[] {
  const links = new Map<string, TicketLink>();
  for (const event of timeline) {
    const source = event.event === 'cross-referenced' ? event.source?.issue : undefined;
    if (!source?.pull_request) continue;
    const state = source.pull_request.merged_at ? 'merged' : source.state;
    links.set(source.html_url, { kind: 'mergeRequest', name: `#${source.number} ${source.title} (${state})`, url: source.html_url });
  }
  return [...links.values()];
}
