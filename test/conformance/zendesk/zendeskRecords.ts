/**
 * What the Zendesk fake stores, and how Zendesk shows it: the fields of the Tickets, Ticket
 * Comments, Ticket Audits, Users, Organizations and Groups JSON formats in Zendesk's API reference,
 * timestamps in ISO 8601 to the second, as Zendesk writes them.
 */
export interface UserRecord {
  readonly id: number;
  readonly name: string;
  readonly email: string;
  readonly role: 'end-user' | 'agent' | 'admin';
}

export interface OrganizationRecord {
  readonly id: number;
  readonly name: string;
  readonly organization_fields: Record<string, unknown>;
}

export interface GroupRecord {
  readonly id: number;
  readonly name: string;
}

export interface CommentRecord {
  readonly id: number;
  readonly type: 'Comment';
  readonly author_id: number;
  readonly body: string;
  readonly public: boolean;
  readonly created_at: string;
  readonly attachments: readonly { readonly file_name: string; readonly content_url: string }[];
}

export interface AuditEvent {
  readonly id: number;
  readonly type: 'Create' | 'Change' | 'Comment';
  readonly field_name?: string;
  readonly value?: unknown;
  readonly previous_value?: unknown;
  readonly body?: string;
  readonly public?: boolean;
  readonly author_id?: number;
}

export interface AuditRecord {
  readonly id: number;
  readonly ticket_id: number;
  readonly author_id: number;
  readonly created_at: string;
  readonly events: readonly AuditEvent[];
}

export interface TicketRecord {
  readonly id: number;
  subject: string;
  description: string;
  status: 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';
  priority: 'urgent' | 'high' | 'normal' | 'low' | null;
  assignee_id: number | null;
  readonly requester_id: number;
  organization_id: number | null;
  group_id: number | null;
  tags: string[];
  custom_fields: { id: number; value: unknown }[];
  readonly created_at: string;
  updated_at: string;
  /** Breach times of the SLA policy's running targets, when a policy applies. */
  sla_breach_at: string | null;
  /** What Zendesk's ticket metrics keep: when it was first and last assigned, last solved, and how often reopened. */
  initially_assigned_at: string | null;
  assigned_at: string | null;
  solved_at: string | null;
  reopens: number;
  readonly comments: CommentRecord[];
  readonly audits: AuditRecord[];
}

/** Zendesk writes times to the second: `2026-11-24T08:15:00Z`. */
export function zendeskTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function userJson(user: UserRecord, origin: string): Record<string, unknown> {
  return {
    id: user.id,
    url: `${origin}/api/v2/users/${user.id}.json`,
    name: user.name,
    email: user.email,
    role: user.role,
    active: true,
    time_zone: 'Europe/Berlin',
    created_at: '2024-01-05T09:00:00Z',
    updated_at: '2026-01-05T09:00:00Z',
  };
}

export function organizationJson(organization: OrganizationRecord, origin: string): Record<string, unknown> {
  return {
    id: organization.id,
    url: `${origin}/api/v2/organizations/${organization.id}.json`,
    name: organization.name,
    organization_fields: organization.organization_fields,
  };
}

export function groupJson(group: GroupRecord, origin: string): Record<string, unknown> {
  return { id: group.id, url: `${origin}/api/v2/groups/${group.id}.json`, name: group.name, deleted: false, default: false };
}

export function ticketJson(ticket: TicketRecord, origin: string, withSlas: boolean): Record<string, unknown> {
  const shown: Record<string, unknown> = {
    id: ticket.id,
    url: `${origin}/api/v2/tickets/${ticket.id}.json`,
    type: 'incident',
    subject: ticket.subject,
    raw_subject: ticket.subject,
    description: ticket.description,
    status: ticket.status,
    priority: ticket.priority,
    assignee_id: ticket.assignee_id,
    requester_id: ticket.requester_id,
    submitter_id: ticket.requester_id,
    organization_id: ticket.organization_id,
    group_id: ticket.group_id,
    tags: [...ticket.tags],
    custom_fields: ticket.custom_fields.map((f) => ({ ...f })),
    created_at: ticket.created_at,
    updated_at: ticket.updated_at,
    via: { channel: 'web' },
  };
  if (withSlas) {
    shown.slas = {
      policy_metrics: ticket.sla_breach_at ? [{ breach_at: ticket.sla_breach_at, stage: 'active', metric: 'first_reply_time', hours: 4 }] : [],
    };
  }
  return shown;
}

/**
 * A ticket's metric set, as the Ticket Metrics JSON format has it (side-loaded as `metric_sets`).
 * `solved_at` stays after a reopen, as Zendesk's does: it is when the ticket was last solved.
 */
export function metricSetJson(ticket: TicketRecord, origin: string): Record<string, unknown> {
  const minutesTo = (at: string | null): { calendar: number | null; business: number | null } => {
    const minutes = at === null ? null : Math.round((Date.parse(at) - Date.parse(ticket.created_at)) / 60_000);
    return { calendar: minutes, business: minutes };
  };
  return {
    id: ticket.id + 700_000,
    url: `${origin}/api/v2/ticket_metrics/${ticket.id + 700_000}.json`,
    ticket_id: ticket.id,
    created_at: ticket.created_at,
    updated_at: ticket.updated_at,
    group_stations: 1,
    assignee_stations: ticket.assigned_at === null ? 0 : 1,
    reopens: ticket.reopens,
    replies: ticket.comments.filter((c) => c.public && c.author_id !== ticket.requester_id).length,
    assignee_updated_at: ticket.assigned_at,
    requester_updated_at: ticket.created_at,
    status_updated_at: ticket.updated_at,
    initially_assigned_at: ticket.initially_assigned_at,
    assigned_at: ticket.assigned_at,
    solved_at: ticket.solved_at,
    latest_comment_added_at: ticket.comments[ticket.comments.length - 1]?.created_at ?? ticket.created_at,
    reply_time_in_minutes: minutesTo(null),
    first_resolution_time_in_minutes: minutesTo(ticket.solved_at),
    full_resolution_time_in_minutes: minutesTo(ticket.solved_at),
    agent_wait_time_in_minutes: minutesTo(null),
    requester_wait_time_in_minutes: minutesTo(ticket.solved_at),
    on_hold_time_in_minutes: { calendar: 0, business: 0 },
  };
}
