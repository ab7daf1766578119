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
