/**
 * A Jira issue as a Ticket, by the mapping a source is configured with: severity from the priority's
 * name or from a custom field through a value map, the region from a custom field or the service
 * desk organisation, the team from the components or any field (the Atlassian team field among
 * them). Person ids are what Jira assigns by: the `accountId` on Cloud, the user `name` on Data Center.
 */
import type { Severity } from '../../core/severity';
import type { Person, Ticket, TicketComment, TicketLink } from '../../core/ticket';
import type { JiraBodies } from './jiraBodies';
import type { JiraComment, JiraIssue, JiraRemoteLink, JiraUser } from './jiraSchemas';
import type { SlaReading } from './jiraSla';

export interface JiraMapping {
  /** A custom field (`customfield_10050`) whose value decides the severity, instead of the priority. */
  readonly severityField?: string;
  /** Values (of the field, or priority names) to severities; by default Jira's priorities, Highest 1 to Low 4. */
  readonly severityValues?: Readonly<Record<string, number>>;
  /** A custom field holding the customer's region. */
  readonly regionField?: string;
  /** The service desk's Organizations field: its first organisation is the ticket's. */
  readonly organizationField?: string;
  /** Organisation names to regions, for a region the ticket itself does not carry. */
  readonly organizationRegions?: Readonly<Record<string, string>>;
  /** `components`, or the field (`customfield_10001`, the Atlassian team field) whose value is the team. */
  readonly teamField?: string;
  /** The team field is a select list: a hand-off sets it as `{ "value": team }`, not as text. */
  readonly teamFieldIsSelect?: boolean;
}

const DEFAULT_PRIORITY_SEVERITIES: Readonly<Record<string, number>> = {
  highest: 1,
  blocker: 1,
  critical: 1,
  high: 2,
  major: 2,
  medium: 3,
  minor: 3,
  low: 4,
  lowest: 4,
  trivial: 4,
};

/** Fix branches are remote links with this `globalId` prefix, so recording one twice updates the same link. */
const BRANCH_GLOBAL_ID = 'support-rotation:branch:';

export interface IssueContext {
  readonly sourceId: string;
  /** `https://acme.atlassian.net`: the issue's page is `/browse/{key}` under it. */
  readonly siteUrl: string;
  readonly mapping: JiraMapping;
  readonly bodies: JiraBodies;
}

export interface IssueExtras {
  readonly comments?: readonly JiraComment[];
  readonly links?: readonly JiraRemoteLink[];
  readonly sla?: SlaReading;
}

export function jiraIssueToTicket(issue: JiraIssue, context: IssueContext, extras: IssueExtras = {}): Ticket {
  const { fields } = issue;
  const { mapping } = context;
  const organization = fieldText(fieldOf(issue, mapping.organizationField));
  return {
    sourceId: context.sourceId,
    id: issue.id,
    key: issue.key,
    title: fields.summary,
    description: context.bodies.toMarkdown(fields.description ?? ''),
    severity: severityOf(issue, mapping),
    status: fields.status?.name ?? 'Open',
    assignee: fields.assignee ? jiraPerson(fields.assignee) : null,
    requester: fields.reporter ? jiraPerson(fields.reporter) : undefined,
    organization,
    region: fieldText(fieldOf(issue, mapping.regionField)) ?? (organization ? mapping.organizationRegions?.[organization] : undefined),
    team: teamOf(issue, mapping),
    createdAt: new Date(fields.created),
    updatedAt: new Date(fields.updated),
    slaDueAt: extras.sla?.dueAt,
    slaPaused: extras.sla?.paused === true ? true : undefined,
    labels: fields.labels,
    comments: (extras.comments ?? []).map((c) => commentOf(c, context.bodies)),
    links: (extras.links ?? []).map(linkOf),
    url: `${context.siteUrl.replace(/\/+$/, '')}/browse/${issue.key}`,
    revision: fields.updated,
  };
}

/** Who a Jira user is to the rest of the extension: the id Jira assigns by, the name people read. */
export function jiraPerson(user: JiraUser): Person {
  const id = jiraUserId(user) ?? '';
  return { id, name: user.displayName ?? id };
}

export function jiraUserId(user: JiraUser | null | undefined): string | undefined {
  return user ? (user.accountId ?? user.name ?? user.key) : undefined;
}

/** The remote link that records a change: a branch by our own `globalId`, a merge request by its URL. */
export function remoteLinkFor(link: TicketLink, issueUrl: string): { globalId: string; object: { url: string; title: string } } {
  if (link.kind === 'branch') {
    // A remote link needs a URL; a branch not yet pushed anywhere points back to the issue itself.
    return { globalId: `${BRANCH_GLOBAL_ID}${link.name}`, object: { url: link.url ?? issueUrl, title: link.name } };
  }
  const url = link.url ?? issueUrl;
  return { globalId: url, object: { url, title: link.name } };
}

function linkOf(link: JiraRemoteLink): TicketLink {
  if (link.globalId?.startsWith(BRANCH_GLOBAL_ID)) return { kind: 'branch', name: link.globalId.slice(BRANCH_GLOBAL_ID.length), url: link.object.url };
  return { kind: 'mergeRequest', name: link.object.title, url: link.object.url };
}

function commentOf(comment: JiraComment, bodies: JiraBodies): TicketComment {
  return {
    author: comment.author ? jiraPerson(comment.author) : { id: '', name: 'Jira' },
    createdAt: new Date(comment.created),
    body: bodies.toMarkdown(comment.body),
    internal: comment.jsdPublic === false || Boolean(comment.visibility),
  };
}

function severityOf(issue: JiraIssue, mapping: JiraMapping): Severity {
  const raw = mapping.severityField === undefined ? issue.fields.priority?.name : fieldText(fieldOf(issue, mapping.severityField));
  if (raw === undefined) return 'unknown';
  const severity = mapping.severityValues ? mapping.severityValues[raw] : DEFAULT_PRIORITY_SEVERITIES[raw.toLowerCase()];
  return severity === 1 || severity === 2 || severity === 3 || severity === 4 ? severity : 'unknown';
}

function teamOf(issue: JiraIssue, mapping: JiraMapping): string | undefined {
  if (mapping.teamField === undefined || mapping.teamField === 'components') return issue.fields.components[0]?.name;
  return fieldText(fieldOf(issue, mapping.teamField));
}

function fieldOf(issue: JiraIssue, field: string | undefined): unknown {
  return field === undefined ? undefined : (issue.fields as Record<string, unknown>)[field];
}

/** A field's value as text: a string, a number, a select option (`value`), a named thing (`name`, `title`), the first of a list. */
function fieldText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return fieldText(value[0]);
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  return fieldText(record.value ?? record.name ?? record.title);
}
