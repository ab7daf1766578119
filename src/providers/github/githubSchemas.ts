/**
 * GitHub REST answers (API version 2022-11-28), as far as the source reads them, after GitHub's
 * published OpenAPI description (`simple-user`, `issue`, `issue-comment`, `label`,
 * `timeline-cross-referenced-event`, `pull-request`, `issue-search-result-item`, `repository`).
 * Unknown fields are tolerated; a missing required field drops that one item, with the reason.
 */
import * as z from 'zod/mini';
import '../../core/zodMessages';

export const githubUserSchema = z.looseObject({
  login: z.string(),
  id: z.number(),
  /** Only the full user (`GET /user`) has it, and it may be null. */
  name: z.optional(z.nullable(z.string())),
  html_url: z.optional(z.string()),
});
export type GithubUser = z.infer<typeof githubUserSchema>;

/** The OpenAPI description allows a label as a plain string or as an object with a name. */
const labelSchema = z.union([z.string(), z.looseObject({ name: z.optional(z.nullable(z.string())) })]);
const labelsSchema = z.pipe(
  z.array(labelSchema),
  z.transform((labels) => labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter((name) => name !== '')),
);

export const githubIssueSchema = z.looseObject({
  id: z.number(),
  node_id: z.optional(z.string()),
  number: z.number(),
  title: z.string(),
  body: z.optional(z.nullable(z.string())),
  state: z.string(),
  /** `completed`, `not_planned`, `reopened`, `duplicate`; null while open. */
  state_reason: z.optional(z.nullable(z.string())),
  user: z.nullable(githubUserSchema),
  labels: z._default(labelsSchema, []),
  assignees: z._default(z.nullable(z.array(githubUserSchema)), []),
  locked: z.optional(z.boolean()),
  comments: z._default(z.number(), 0),
  /** Present on pull requests, which the issues endpoint lists too. */
  pull_request: z.optional(z.unknown()),
  created_at: z.string(),
  updated_at: z.string(),
  closed_at: z.optional(z.nullable(z.string())),
  html_url: z.string(),
  repository_url: z.string(),
});
export type GithubIssue = z.infer<typeof githubIssueSchema>;

export const githubCommentSchema = z.looseObject({
  id: z.number(),
  body: z._default(z.nullable(z.string()), ''),
  user: z.nullable(githubUserSchema),
  created_at: z.string(),
  html_url: z.optional(z.string()),
});
export type GithubComment = z.infer<typeof githubCommentSchema>;

/** A timeline event; only cross-references from pull requests are read, every other event passes. */
export const githubTimelineEventSchema = z.looseObject({
  event: z.optional(z.string()),
  source: z.optional(
    z.looseObject({
      issue: z.optional(
        z.looseObject({
          number: z.number(),
          title: z.string(),
          state: z.string(),
          html_url: z.string(),
          pull_request: z.optional(z.looseObject({ merged_at: z.optional(z.nullable(z.string())) })),
        }),
      ),
    }),
  ),
});
export type GithubTimelineEvent = z.infer<typeof githubTimelineEventSchema>;

export const githubPullSchema = z.looseObject({
  number: z.number(),
  title: z.string(),
  html_url: z.string(),
  state: z.string(),
  draft: z.optional(z.boolean()),
});
export type GithubPull = z.infer<typeof githubPullSchema>;

export const githubRepositorySchema = z.looseObject({
  node_id: z.string(),
  full_name: z.string(),
  /** `public`, `private` or `internal` (GitHub Enterprise); older servers send only `private`. */
  visibility: z.optional(z.string()),
  private: z.boolean(),
});

/** Lists are read item by item, so one malformed issue is skipped with its reason. */
export const githubListSchema = z.array(z.unknown());

export const githubSearchSchema = z.looseObject({
  total_count: z.number(),
  incomplete_results: z._default(z.boolean(), false),
  items: z.array(z.unknown()),
});

/** `POST /graphql`: data, or errors with a 200 status. */
export const githubTransferSchema = z.looseObject({
  data: z.optional(
    z.nullable(
      z.looseObject({
        transferIssue: z.nullable(z.looseObject({ issue: z.looseObject({ number: z.number(), repository: z.looseObject({ nameWithOwner: z.string() }) }) })),
      }),
    ),
  ),
  errors: z.optional(z.array(z.looseObject({ message: z.string() }))),
});
