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
}

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
  const mapped = scheme.severityLabels ? issue.labels.map((l) => scheme.severityLabels?.[l]).find((n) => n !== undefined) : undefined;
  const severityNumber = mapped ?? Number(labelValue(scheme.severityPrefix));
  const severity: Severity = severityNumber >= 1 && severityNumber <= 4 ? (severityNumber as 1 | 2 | 3 | 4) : 'unknown';
  const assignee = issue.assignees[0];
  return {
    sourceId,
    id: ticketIdOf(issue, groupScoped),
    key: groupScoped ? (issue.references?.full ?? `#${issue.iid}`) : `#${issue.iid}`,
    title: issue.title,
    description: issue.description ?? '',
    severity,
    status: issue.state,
    assignee: assignee ? person(assignee) : null,
    requester: person(issue.author),
    region: labelValue(scheme.regionPrefix),
    team: labelValue(scheme.teamPrefix),
    createdAt: new Date(issue.created_at),
    updatedAt: new Date(issue.updated_at),
    labels: issue.labels.filter(
      (l) => ![scheme.severityPrefix, scheme.regionPrefix, scheme.teamPrefix].some((p) => l.startsWith(p)) && scheme.severityLabels?.[l] === undefined,
    ),
    comments: notes.filter((n) => !n.system).map(noteToComment),
    links: mergeRequests.map((mr) => ({ kind: 'mergeRequest' as const, name: `!${mr.iid} ${mr.title} (${mr.state})`, url: mr.web_url })),
    url: issue.web_url,
    revision: issue.updated_at,
  };
}

function noteToComment(note: GitlabNote): TicketComment {
  return { author: person(note.author), createdAt: new Date(note.created_at), body: note.body, internal: note.internal ?? note.confidential ?? false };
}
