/**
 * A Zendesk ticket (with the users, organisations and groups side-loaded beside it) as a Ticket, by
 * the mapping a source is configured with: severity from `priority` or from a custom field through a
 * value map, the preferred region from a ticket or organisation field, the team from the group.
 */
import type { Severity } from '../../core/severity';
import type { Person, Ticket, TicketComment, TicketLink } from '../../core/ticket';
import type { ZendeskComment, ZendeskGroup, ZendeskOrganization, ZendeskTicket, ZendeskUser } from './zendeskSchemas';

export interface ZendeskMapping {
  /** A custom field whose value decides the severity instead of `priority`. */
  readonly severityField?: number;
  /** Field (or priority) values to severities; by default Zendesk's priorities, urgent 1 to low 4. */
  readonly severityValues?: Readonly<Record<string, number>>;
  /** A ticket custom field holding the customer's preferred region. */
  readonly regionField?: number;
  /** An organisation field (its key) holding the region, when the ticket has none. */
  readonly organizationRegionField?: string;
}

const PRIORITY_SEVERITIES: Readonly<Record<string, number>> = { urgent: 1, high: 2, normal: 3, low: 4 };

export const DEFAULT_MAPPING: ZendeskMapping = {};

/** Side-loaded records by id; a list answer brings them beside its tickets. */
export class ZendeskDirectory {
  readonly users = new Map<number, ZendeskUser>();
  readonly organizations = new Map<number, ZendeskOrganization>();
  readonly groups = new Map<number, ZendeskGroup>();

  add(loads: { users?: readonly ZendeskUser[]; organizations?: readonly ZendeskOrganization[]; groups?: readonly ZendeskGroup[] }): this {
    for (const user of loads.users ?? []) this.users.set(user.id, user);
    for (const organization of loads.organizations ?? []) this.organizations.set(organization.id, organization);
    for (const group of loads.groups ?? []) this.groups.set(group.id, group);
    return this;
  }

  /** A user the side-loads left out (deleted, or beyond what the answer carried) is still someone, by number. */
  person(id: number): Person {
    return { id: String(id), name: this.users.get(id)?.name ?? `Zendesk user ${id}` };
  }
}

export interface TicketContext {
  readonly sourceId: string;
  /** `https://acme.zendesk.com`: the agent's ticket page is under it. */
  readonly origin: string;
  readonly mapping: ZendeskMapping;
  readonly directory: ZendeskDirectory;
}

export function zendeskTicketToTicket(ticket: ZendeskTicket, context: TicketContext, comments: readonly ZendeskComment[] = []): Ticket {
  const { directory, mapping } = context;
  const organization = ticket.organization_id ? directory.organizations.get(ticket.organization_id) : undefined;
  const group = ticket.group_id ? directory.groups.get(ticket.group_id) : undefined;
  return {
    sourceId: context.sourceId,
    id: String(ticket.id),
    key: `#${ticket.id}`,
    title: ticket.subject ?? `Ticket ${ticket.id}`,
    description: ticket.description ?? '',
    severity: severityOf(ticket, mapping),
    status: ticket.status,
    assignee: ticket.assignee_id === null ? null : directory.person(ticket.assignee_id),
    requester: ticket.requester_id ? directory.person(ticket.requester_id) : undefined,
    organization: organization?.name,
    region: regionOf(ticket, organization, mapping),
    team: group?.name ?? (ticket.group_id ? `group ${ticket.group_id}` : undefined),
    createdAt: new Date(ticket.created_at),
    updatedAt: new Date(ticket.updated_at),
    slaDueAt: nextBreach(ticket),
    labels: ticket.tags,
    // Zendesk keeps the description as the first comment too: shown once, as the description.
    comments: comments.filter((c, i) => !(i === 0 && c.body === ticket.description)).map((c) => commentOf(c, directory)),
    links: comments.flatMap(linkOf),
    url: `${context.origin}/agent/tickets/${ticket.id}`,
    revision: ticket.updated_at,
  };
}

function severityOf(ticket: ZendeskTicket, mapping: ZendeskMapping): Severity {
  const raw = mapping.severityField === undefined ? ticket.priority : ticket.custom_fields.find((f) => f.id === mapping.severityField)?.value;
  const severity = typeof raw === 'string' ? (mapping.severityValues ?? PRIORITY_SEVERITIES)[raw] : undefined;
  return severity === 1 || severity === 2 || severity === 3 || severity === 4 ? severity : 'unknown';
}

function regionOf(ticket: ZendeskTicket, organization: ZendeskOrganization | undefined, mapping: ZendeskMapping): string | undefined {
  const fromTicket = mapping.regionField === undefined ? undefined : ticket.custom_fields.find((f) => f.id === mapping.regionField)?.value;
  const fromOrganization = mapping.organizationRegionField === undefined ? undefined : organization?.organization_fields?.[mapping.organizationRegionField];
  const region = [fromTicket, fromOrganization].find((v) => typeof v === 'string' && v.trim() !== '');
  return typeof region === 'string' ? region : undefined;
}

/** The soonest breach among the SLA targets still running; none when the account has no SLA policy for the ticket. */
function nextBreach(ticket: ZendeskTicket): Date | undefined {
  const times = (ticket.slas?.policy_metrics ?? [])
    .filter((m) => m.stage === undefined || m.stage === 'active')
    .map((m) => Date.parse(m.breach_at ?? ''))
    .filter((t) => Number.isFinite(t));
  return times.length > 0 ? new Date(Math.min(...times)) : undefined;
}

function commentOf(comment: ZendeskComment, directory: ZendeskDirectory): TicketComment {
  // Only https attachments become links: a `javascript:` or plain http URL is not followed from the panel.
  const attachments = comment.attachments.filter((a) => /^https:\/\//i.test(a.content_url)).map((a) => `- [${escapeLabel(a.file_name)}](${a.content_url})`);
  const body = attachments.length > 0 ? `${comment.body}\n\n${attachments.join('\n')}` : comment.body;
  return { author: directory.person(comment.author_id), createdAt: new Date(comment.created_at), body, internal: !comment.public };
}

/** The note `linkNote` writes, read back as the link it records. */
function linkOf(comment: ZendeskComment): TicketLink[] {
  if (comment.public) return [];
  const branch = /^Fix branch `([^`]+)` is linked to this ticket\./.exec(comment.body);
  if (branch?.[1]) return [{ kind: 'branch', name: branch[1] }];
  const mergeRequest = /^Merge request (\S+) is linked to this ticket\./.exec(comment.body);
  if (mergeRequest?.[1]) return [{ kind: 'mergeRequest', name: mergeRequest[1], url: /^https?:\/\//.test(mergeRequest[1]) ? mergeRequest[1] : undefined }];
  return [];
}

/** The private note that records a link once: found again by its first words. */
export function linkNote(link: TicketLink): { readonly prefix: string; readonly body: string } {
  const prefix = link.kind === 'branch' ? `Fix branch \`${link.name}\`` : `Merge request ${link.url ?? link.name}`;
  return { prefix, body: `${prefix} is linked to this ticket.` };
}

function escapeLabel(text: string): string {
  return text.replace(/[[\]\\]/g, (c) => `\\${c}`);
}
