/**
 * Jira answers, as far as the source reads them, after Atlassian's REST references: the platform
 * API (`/rest/api/3` on Cloud, `/rest/api/2` on Data Center: server info, myself, issues, the
 * enhanced JQL search with `nextPageToken`, the offset-paged search, comments, changelogs, remote
 * links, transitions) and the Jira Service Management API (`/rest/servicedeskapi`: queues, request
 * SLAs, request comments). Unknown fields are tolerated; lists are read item by item, so one
 * malformed issue is skipped with its reason, not the whole page.
 */
import * as z from 'zod/mini';
import '../../core/zodMessages';

/** `GET /rest/api/2/serverInfo`: `deploymentType` is `Cloud`, `Server` or `DataCenter`. */
export const jiraServerInfoSchema = z.looseObject({
  baseUrl: z.optional(z.string()),
  version: z.optional(z.string()),
  deploymentType: z.optional(z.string()),
});

/** A user: Cloud names people by `accountId`, Data Center by `name` (and `key`). */
export const jiraUserSchema = z.looseObject({
  accountId: z.optional(z.string()),
  name: z.optional(z.string()),
  key: z.optional(z.string()),
  displayName: z.optional(z.string()),
  emailAddress: z.optional(z.nullable(z.string())),
});
export type JiraUser = z.infer<typeof jiraUserSchema>;

/** `GET /rest/api/{3|2}/myself`: who the credential belongs to. */
export const jiraMyselfSchema = z.looseObject({ accountId: z.optional(z.string()), name: z.optional(z.string()), displayName: z.optional(z.string()) });

const namedSchema = z.looseObject({ name: z.string() });

const jiraIssueFieldsSchema = z.looseObject({
  summary: z.string(),
  /** ADF on Cloud's v3, wiki markup on Data Center. */
  description: z.optional(z.unknown()),
  status: z.optional(z.nullable(z.looseObject({ name: z.string(), statusCategory: z.optional(z.looseObject({ key: z.optional(z.string()) })) }))),
  priority: z.optional(z.nullable(namedSchema)),
  assignee: z.optional(z.nullable(jiraUserSchema)),
  reporter: z.optional(z.nullable(jiraUserSchema)),
  labels: z._default(z.array(z.string()), []),
  components: z._default(z.array(namedSchema), []),
  created: z.string(),
  updated: z.string(),
  resolutiondate: z.optional(z.nullable(z.string())),
});

const changelogItemSchema = z.looseObject({
  field: z.string(),
  from: z.optional(z.nullable(z.string())),
  to: z.optional(z.nullable(z.string())),
  tmpFromAccountId: z.optional(z.nullable(z.string())),
  tmpToAccountId: z.optional(z.nullable(z.string())),
});

export const jiraHistorySchema = z.looseObject({
  id: z.string(),
  author: z.optional(z.nullable(jiraUserSchema)),
  created: z.string(),
  items: z._default(z.array(changelogItemSchema), []),
});
export type JiraHistory = z.infer<typeof jiraHistorySchema>;

/** `expand=changelog`: the issue's most recent histories, oldest first; `total` says whether all are there. */
const changelogSchema = z.looseObject({
  startAt: z.optional(z.number()),
  total: z.optional(z.number()),
  histories: z._default(z.array(jiraHistorySchema), []),
});

/** An issue; custom fields (`customfield_10020`) are read from `fields` by the mapping. */
export const jiraIssueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: jiraIssueFieldsSchema,
  changelog: z.optional(changelogSchema),
});
export type JiraIssue = z.infer<typeof jiraIssueSchema>;

/** `POST /rest/api/3/search/jql` (Cloud): no total, a token to the next page until the last. */
export const jiraTokenPageSchema = z.looseObject({
  issues: z._default(z.array(z.unknown()), []),
  nextPageToken: z.optional(z.nullable(z.string())),
  isLast: z.optional(z.boolean()),
});

/** `GET /rest/api/2/search` (Data Center): offset paged. */
export const jiraOffsetPageSchema = z.looseObject({
  startAt: z.number(),
  maxResults: z.number(),
  total: z.number(),
  issues: z._default(z.array(z.unknown()), []),
});

/** The service desk API's pages: `start`, `limit`, `isLastPage`, `values`. */
export const jsmPageSchema = z.looseObject({
  start: z.number(),
  limit: z.number(),
  isLastPage: z.boolean(),
  values: z._default(z.array(z.unknown()), []),
});

/** `GET /rest/servicedeskapi/servicedesk/{id}`. */
export const jsmServiceDeskSchema = z.looseObject({ id: z.union([z.string(), z.number()]), projectKey: z.string() });

export const jiraCommentSchema = z.looseObject({
  id: z.string(),
  author: z.optional(z.nullable(jiraUserSchema)),
  body: z.unknown(),
  created: z.string(),
  /** A comment restricted to a role or group. */
  visibility: z.optional(z.nullable(z.looseObject({ type: z.string(), value: z.optional(z.string()) }))),
  /** On a service project: whether the customer sees it. */
  jsdPublic: z.optional(z.boolean()),
});
export type JiraComment = z.infer<typeof jiraCommentSchema>;

/** `GET /rest/api/{3|2}/issue/{key}/comment`: offset paged, oldest first. */
export const jiraCommentPageSchema = z.looseObject({
  startAt: z.number(),
  maxResults: z.number(),
  total: z.number(),
  comments: z._default(z.array(jiraCommentSchema), []),
});

/** The answer to a comment posted on either API: its id is all the source needs. */
export const jiraCreatedCommentSchema = z.looseObject({ id: z.union([z.string(), z.number()]) });

export const jiraRemoteLinkSchema = z.looseObject({
  id: z.number(),
  globalId: z.optional(z.string()),
  object: z.looseObject({ url: z.string(), title: z.string() }),
});
export type JiraRemoteLink = z.infer<typeof jiraRemoteLinkSchema>;

/** `POST .../remotelink`: 201 for a new link, 200 when the `globalId` updated one. */
export const jiraRemoteLinkAnswerSchema = z.looseObject({ id: z.number() });

export const jiraTransitionsSchema = z.looseObject({
  transitions: z._default(z.array(z.looseObject({ id: z.string(), name: z.string() })), []),
});

const slaTimeSchema = z.looseObject({ epochMillis: z.number() });

const slaCycleSchema = z.looseObject({
  breachTime: z.optional(slaTimeSchema),
  breached: z.optional(z.boolean()),
  paused: z.optional(z.boolean()),
});

/** One SLA metric of a request: at most one cycle running, any number completed. */
export const jsmSlaSchema = z.looseObject({
  name: z.string(),
  ongoingCycle: z.optional(z.nullable(slaCycleSchema)),
  completedCycles: z._default(z.array(slaCycleSchema), []),
});
export type JsmSla = z.infer<typeof jsmSlaSchema>;

export const jsmSlaPageSchema = z.looseObject({
  isLastPage: z.optional(z.boolean()),
  values: z._default(z.array(jsmSlaSchema), []),
});

/** The body of an empty answer (204) as the HTTP layer reads it. */
export const noContentSchema = z.unknown();
