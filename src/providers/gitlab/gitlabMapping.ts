/** A GitLab issue (and its notes) as a Ticket, by the label scheme a source is configured with. */
import type { Severity } from '../../core/severity';
import type { Ticket, TicketComment } from '../../core/ticket';
import type { GitlabIssue, GitlabMergeRequest, GitlabNote, GitlabUser } from './gitlabSchemas';

export interface GitlabLabelScheme {
  /** `severity::` → `severity::1` … `severity::4`. */
  readonly severityPrefix: string;
  /** When given, these exact labels decide the severity instead of the prefix. */
  readonly severityLabels?: Readonly<Record<string, number>>;
  readonly regionPrefix: string;
  readonly teamPrefix: string;
  /** When given, a label `status::pending` gives the status (within the issue's state); otherwise the state alone does. */
  readonly statusPrefix?: string;
}

/** Statuses of a source whose labels carry them, in the order a person goes through them. */
export const LABELLED_STATUSES = ['new', 'open', 'pending', 'solved', 'closed'] as const;
/** GitLab's own states, when no labels carry a status. */
export const ISSUE_STATES = ['opened', 'closed'] as const;
/** The statuses that close the issue: the ticket is done. */
export const CLOSING_STATUSES: ReadonlySet<string> = new Set(['solved', 'closed']);

export const DEFAULT_LABEL_SCHEME: GitlabLabelScheme = { severityPrefix: 'severity::', regionPrefix: 'region::', teamPrefix: 'team::' };

export function person(user: GitlabUser): { id: string; name: string } {
  return { id: user.username, name: user.name };
}

/** A group's queue spans projects, where issue numbers repeat: there the id names the project too. */
export function ticketIdOf(issue: Pick<GitlabIssue, 'iid' | 'project_id'>, groupScoped: boolean): string {
  return groupScoped ? `${issue.project_id}-${issue.iid}` : String(issue.iid);
}

export function issueToTicket(
  issue: GitlabIssue,
  notes: readonly GitlabNote[],
  sourceId: string,
  scheme: GitlabLabelScheme,
  mergeRequests: readonly GitlabMergeRequest[] = [],
  groupScoped = false,
): Ticket {
  const labelValue = (prefix: string): string | undefined => issue.labels.find((l) => l.startsWith(prefix))?.slice(prefix.length) || undefined;
  const assignee = issue.assignees[0];
  return {
    sourceId,
    id: ticketIdOf(issue, groupScoped),
    key: groupScoped ? (issue.references?.full ?? `#${issue.iid}`) : `#${issue.iid}`,
    title: issue.title,
    description: issue.description ?? '',
    severity: severityOf(issue.labels, scheme),
    status: statusOf(issue, scheme),
    assignee: assignee ? person(assignee) : null,
    requester: person(issue.author),
    region: labelValue(scheme.regionPrefix),
    team: labelValue(scheme.teamPrefix),
    createdAt: new Date(issue.created_at),
    updatedAt: new Date(issue.updated_at),
    labels: issue.labels.filter(
      (l) =>
        ![scheme.severityPrefix, scheme.regionPrefix, scheme.teamPrefix, scheme.statusPrefix].some((p) => p && l.startsWith(p)) && !isSeverityLabel(l, scheme),
    ),
    comments: notes.filter((n) => !n.system).map(noteToComment),
    links: mergeRequests.map((mr) => ({ kind: 'mergeRequest' as const, name: `!${mr.iid} ${mr.title} (${mr.state})`, url: mr.web_url })),
    url: issue.web_url,
    revision: issue.updated_at,
  };
}

function severityOf(labels: readonly string[], scheme: GitlabLabelScheme): Severity {
  const mapped = scheme.severityLabels ? labels.map((l) => scheme.severityLabels?.[l]).find((n) => n !== undefined) : undefined;
  const severityNumber = mapped ?? Number(labels.find((l) => l.startsWith(scheme.severityPrefix))?.slice(scheme.severityPrefix.length));
  return severityNumber >= 1 && severityNumber <= 4 ? (severityNumber as 1 | 2 | 3 | 4) : 'unknown';
}

/** The label that says this severity (the map's first for it, when the scheme has a map), by the scheme's map when it has one; undefined when the map has none for it. */
export function severityLabelFor(severity: 1 | 2 | 3 | 4, scheme: GitlabLabelScheme): string | undefined {
  if (!scheme.severityLabels) return `${scheme.severityPrefix}${severity}`;
  return Object.entries(scheme.severityLabels).find(([, n]) => n === severity)?.[0];
}

export function isSeverityLabel(label: string, scheme: GitlabLabelScheme): boolean {
  return scheme.severityLabels?.[label] !== undefined || label.startsWith(scheme.severityPrefix);
}

/** A status label that contradicts the issue's state (`status::open` on a closed issue) yields to the state. */
function statusOf(issue: Pick<GitlabIssue, 'labels' | 'state'>, scheme: GitlabLabelScheme): string {
  const prefix = scheme.statusPrefix;
  const labelled = prefix ? issue.labels.find((l) => l.startsWith(prefix))?.slice(prefix.length) : undefined;
  if (!labelled) return issue.state;
  return CLOSING_STATUSES.has(labelled) === (issue.state === 'closed') ? labelled : issue.state;
}

function noteToComment(note: GitlabNote): TicketComment {
  return { author: person(note.author), createdAt: new Date(note.created_at), body: note.body, internal: note.internal ?? note.confidential ?? false };
}
