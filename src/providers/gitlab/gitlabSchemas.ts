/**
 * GitLab REST v4 answers, as far as the source reads them (after GitLab's published schemas
 * `public_api/v4/{issue,notes}.json`). Unknown fields are tolerated; a missing required field
 * drops that one item, with the reason, not the whole answer.
 */
import * as z from 'zod';

export const gitlabUserSchema = z.looseObject({
  id: z.number(),
  username: z.string(),
  name: z.string(),
});
export type GitlabUser = z.infer<typeof gitlabUserSchema>;

export const gitlabIssueSchema = z.looseObject({
  id: z.number(),
  iid: z.number(),
  project_id: z.number(),
  title: z.string(),
  description: z.string().nullable().optional(),
  state: z.string(),
  labels: z.array(z.string()).default([]),
  assignees: z.array(gitlabUserSchema).default([]),
  author: gitlabUserSchema,
  created_at: z.string(),
  updated_at: z.string(),
  web_url: z.string(),
  references: z.looseObject({ full: z.string().optional() }).optional(),
});
export type GitlabIssue = z.infer<typeof gitlabIssueSchema>;

export const gitlabNoteSchema = z.looseObject({
  id: z.number(),
  body: z.string(),
  author: gitlabUserSchema,
  created_at: z.string(),
  system: z.boolean().default(false),
  internal: z.boolean().optional(),
  /** The deprecated name of `internal`. */
  confidential: z.boolean().optional(),
});
export type GitlabNote = z.infer<typeof gitlabNoteSchema>;

/** Lists are read item by item, so one malformed issue is skipped with its reason. */
export const gitlabListSchema = z.array(z.unknown());

export const gitlabMergeRequestSchema = z.looseObject({
  iid: z.number(),
  title: z.string(),
  web_url: z.string(),
  state: z.string(),
  references: z.looseObject({ short: z.string() }).optional(),
});
export type GitlabMergeRequest = z.infer<typeof gitlabMergeRequestSchema>;
