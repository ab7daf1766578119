/**
 * GitLab REST v4 answers, as far as the source reads them (after GitLab's published schemas
 * `public_api/v4/{issue,notes}.json`). Unknown fields are tolerated; a missing required field
 * drops that one item, with the reason, not the whole answer.
 */
import * as z from 'zod/mini';
import '../../core/zodMessages';

export const gitlabUserSchema = z.looseObject({
  id: z.number(),
  username: z.string(),
  name: z.string(),
});
export type GitlabUser = z.infer<typeof gitlabUserSchema>;

/** GitLab's published issue schema allows `null` among the assignees (a user deleted since): it is left out. */
const assigneesSchema = z.pipe(
  z.array(z.nullable(gitlabUserSchema)),
  z.transform((users) => users.filter((user): user is GitlabUser => user !== null)),
);

export const gitlabIssueSchema = z.looseObject({
  id: z.number(),
  iid: z.number(),
  project_id: z.number(),
  title: z.string(),
  description: z.optional(z.nullable(z.string())),
  state: z.string(),
  labels: z._default(z.array(z.string()), []),
  assignees: z._default(assigneesSchema, []),
  author: gitlabUserSchema,
  created_at: z.string(),
  updated_at: z.string(),
  /** Set when the issue was last closed; GitLab clears it when the issue is reopened. */
  closed_at: z.optional(z.nullable(z.string())),
  web_url: z.string(),
  references: z.optional(z.looseObject({ full: z.optional(z.string()) })),
});
export type GitlabIssue = z.infer<typeof gitlabIssueSchema>;

export const gitlabNoteSchema = z.looseObject({
  id: z.number(),
  body: z.string(),
  author: gitlabUserSchema,
  created_at: z.string(),
  system: z._default(z.boolean(), false),
  internal: z.optional(z.boolean()),
  /** The deprecated name of `internal`. */
  confidential: z.optional(z.boolean()),
});
export type GitlabNote = z.infer<typeof gitlabNoteSchema>;

/** Lists are read item by item, so one malformed issue is skipped with its reason. */
export const gitlabListSchema = z.array(z.unknown());

/** `GET …/issues_statistics`: how many issues match, without reading them. */
export const gitlabIssueStatisticsSchema = z.looseObject({
  statistics: z.looseObject({ counts: z.looseObject({ opened: z.number() }) }),
});

export const gitlabMergeRequestSchema = z.looseObject({
  iid: z.number(),
  title: z.string(),
  web_url: z.string(),
  state: z.string(),
  references: z.optional(z.looseObject({ short: z.string() })),
});
export type GitlabMergeRequest = z.infer<typeof gitlabMergeRequestSchema>;
