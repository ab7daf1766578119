/**
 * Zendesk Support API answers, as far as the source reads them, after Zendesk's API reference
 * (Tickets, Ticket Comments, Ticket Audits, Views, Search, Users, Organizations, Groups, and the
 * cursor pagination of list endpoints). Unknown fields are tolerated; lists are read item by item,
 * so one malformed ticket is skipped with its reason, not the whole page.
 */
import * as z from 'zod/mini';
import '../../core/zodMessages';

export const zendeskUserSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  email: z.optional(z.nullable(z.string())),
});
export type ZendeskUser = z.infer<typeof zendeskUserSchema>;

/** `GET /api/v2/users/me`: who the token belongs to. An anonymous caller gets `id: null`. */
export const zendeskMeSchema = z.looseObject({
  user: z.looseObject({ id: z.nullable(z.number()), name: z.string(), email: z.optional(z.nullable(z.string())) }),
});

const customFieldSchema = z.looseObject({ id: z.number(), value: z.unknown() });

export const zendeskOrganizationSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  organization_fields: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
});
export type ZendeskOrganization = z.infer<typeof zendeskOrganizationSchema>;

export const zendeskGroupSchema = z.looseObject({ id: z.number(), name: z.string() });
export type ZendeskGroup = z.infer<typeof zendeskGroupSchema>;

/** `include=slas`: the SLA policy's targets on this ticket, each with when it breaches (null once fulfilled or paused). */
const slasSchema = z.looseObject({
  policy_metrics: z._default(
    z.array(z.looseObject({ breach_at: z.optional(z.nullable(z.string())), stage: z.optional(z.string()), metric: z.optional(z.string()) })),
    [],
  ),
});

export const zendeskTicketSchema = z.looseObject({
  id: z.number(),
  subject: z.nullable(z.string()),
  description: z.optional(z.nullable(z.string())),
  status: z.string(),
  priority: z.optional(z.nullable(z.string())),
  assignee_id: z.nullable(z.number()),
  requester_id: z.optional(z.nullable(z.number())),
  organization_id: z.optional(z.nullable(z.number())),
  group_id: z.optional(z.nullable(z.number())),
  tags: z._default(z.array(z.string()), []),
  custom_fields: z._default(z.array(customFieldSchema), []),
  created_at: z.string(),
  updated_at: z.string(),
  slas: z.optional(z.nullable(slasSchema)),
});
export type ZendeskTicket = z.infer<typeof zendeskTicketSchema>;

/** What every list answer may carry: its side-loads, and either cursor or offset paging. */
const sideLoads = {
  users: z._default(z.array(zendeskUserSchema), []),
  organizations: z._default(z.array(zendeskOrganizationSchema), []),
  groups: z._default(z.array(zendeskGroupSchema), []),
  meta: z.optional(z.looseObject({ has_more: z.boolean(), after_cursor: z.optional(z.nullable(z.string())) })),
  links: z.optional(z.looseObject({ next: z.optional(z.nullable(z.string())) })),
  /** Offset paging only. */
  count: z.optional(z.number()),
  next_page: z.optional(z.nullable(z.string())),
};

/** A page of tickets (a view's, or the search export's `results`), each ticket still unread. */
export const zendeskTicketPageSchema = z.looseObject({
  tickets: z.optional(z.array(z.unknown())),
  results: z.optional(z.array(z.unknown())),
  ...sideLoads,
});
export type ZendeskTicketPage = z.infer<typeof zendeskTicketPageSchema>;

/** `GET /api/v2/deleted_tickets`: tickets deleted in the last 30 days, which no other list shows. */
export const zendeskDeletedTicketsSchema = z.looseObject({ deleted_tickets: z.array(z.looseObject({ id: z.number() })) });

const zendeskAttachmentSchema = z.looseObject({ file_name: z.string(), content_url: z.string() });

export const zendeskCommentSchema = z.looseObject({
  id: z.number(),
  author_id: z.number(),
  body: z.string(),
  html_body: z.optional(z.nullable(z.string())),
  public: z.boolean(),
  created_at: z.string(),
  attachments: z._default(z.array(zendeskAttachmentSchema), []),
});
export type ZendeskComment = z.infer<typeof zendeskCommentSchema>;

export const zendeskCommentPageSchema = z.looseObject({ comments: z.array(zendeskCommentSchema), ...sideLoads });

/** One event of an audit: a `Change` names the field, its new and its previous value. */
const auditEventSchema = z.looseObject({
  type: z.string(),
  field_name: z.optional(z.string()),
  value: z.optional(z.unknown()),
  previous_value: z.optional(z.unknown()),
  body: z.optional(z.string()),
  public: z.optional(z.boolean()),
});

export const zendeskAuditSchema = z.looseObject({
  id: z.number(),
  ticket_id: z.number(),
  author_id: z.number(),
  created_at: z.string(),
  events: z._default(z.array(auditEventSchema), []),
});
export type ZendeskAudit = z.infer<typeof zendeskAuditSchema>;

export const zendeskAuditPageSchema = z.looseObject({ audits: z.array(zendeskAuditSchema), ...sideLoads });

export const zendeskTicketAnswerSchema = z.looseObject({
  ticket: zendeskTicketSchema,
  users: sideLoads.users,
  organizations: sideLoads.organizations,
  groups: sideLoads.groups,
});

/** `PUT /api/v2/tickets/{id}`: the ticket after the update, and the audit the update wrote. */
export const zendeskUpdateAnswerSchema = z.looseObject({ ticket: zendeskTicketSchema, audit: z.optional(zendeskAuditSchema) });
export type ZendeskUpdateAnswer = z.infer<typeof zendeskUpdateAnswerSchema>;

export const zendeskGroupPageSchema = z.looseObject({ ...sideLoads, groups: z.array(zendeskGroupSchema) });

/** An error body: `{ "error": "UpdateConflict", "description": "…" }`, or `error` as an object with `title` and `message`. */
export const zendeskErrorSchema = z.looseObject({
  error: z.optional(z.union([z.string(), z.looseObject({ title: z.optional(z.string()), message: z.optional(z.string()) })])),
  description: z.optional(z.string()),
});
