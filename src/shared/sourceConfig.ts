/**
 * The `supportRotation.sources` setting: a list of `{ id, kind, ... }`, validated entry by entry so
 * that one bad entry is reported and the other sources still load. The descriptions are keys of
 * package.nls.json: package.json's JSON Schema of the setting is generated from these schemas.
 */
import * as z from 'zod/mini';

const sourceId = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'use letters, digits, ".", "_" or "-"'), z.describe('%config.sources.id%'));
const label = z.optional(z.string().check(z.minLength(1), z.describe('%config.sources.label%')));

export const localSourceConfigSchema = z.object({
  id: sourceId,
  kind: z.literal('local').check(z.describe('%config.sources.kind.local%')),
  label,
  /** Relative to the workspace folder, or absolute. */
  queueFile: z.optional(z.string().check(z.minLength(1), z.describe('%config.sources.local.queueFile%'))),
  /** Who "me" is in this queue; default `supportRotation.local.me`, then git's user.email. */
  me: z.optional(z.string().check(z.minLength(1), z.describe('%config.sources.local.me%'))),
});

const labelPrefix = (prefix: string, description: string) => z._default(z.string().check(z.minLength(1), z.describe(description)), prefix);

export const gitlabSourceConfigSchema = z
  .object({
    id: sourceId,
    kind: z.literal('gitlab').check(z.describe('%config.sources.kind.gitlab%')),
    label,
    /** The API root of gitlab.com or a self-managed instance, with any path prefix: `https://git.example.com/gitlab`. */
    baseUrl: z.url({ protocol: /^https?$/ }).check(z.describe('%config.sources.gitlab.baseUrl%')),
    /** `group/project` or the project's numeric id; or, for a queue across a group's projects, `group`. */
    project: z.optional(z.string().check(z.minLength(1), z.describe('%config.sources.gitlab.project%'))),
    group: z.optional(z.string().check(z.minLength(1), z.describe('%config.sources.gitlab.group%'))),
    /** The queue: open issues carrying all of these labels. */
    labels: z._default(z.array(z.string().check(z.minLength(1))).check(z.describe('%config.sources.gitlab.labels%')), ['support-escalation']),
    severityPrefix: labelPrefix('severity::', '%config.sources.gitlab.severityPrefix%'),
    /** Instead of the prefix, exact labels for each severity: `{ "P1": 1, "P2": 2, "bug::minor": 4 }`. */
    severityLabels: z.optional(
      z.record(z.string().check(z.minLength(1)), z.int().check(z.minimum(1), z.maximum(4))).check(z.describe('%config.sources.gitlab.severityLabels%')),
    ),
    regionPrefix: labelPrefix('region::', '%config.sources.gitlab.regionPrefix%'),
    teamPrefix: labelPrefix('team::', '%config.sources.gitlab.teamPrefix%'),
    /** When given, statuses are labels with this prefix (`status::pending`) beside the issue's state. */
    statusPrefix: z.optional(z.string().check(z.minLength(1), z.describe('%config.sources.gitlab.statusPrefix%'))),
  })
  .check(z.refine((c) => (c.project === undefined) !== (c.group === undefined), { message: 'give either "project" or "group"', path: ['project'] }));

export const zendeskSourceConfigSchema = z
  .object({
    id: sourceId,
    kind: z.literal('zendesk').check(z.describe('%config.sources.kind.zendesk%')),
    label,
    /** `acme` for `https://acme.zendesk.com`. */
    subdomain: z.optional(
      z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/i, 'use the subdomain only, as in "acme"'), z.describe('%config.sources.zendesk.subdomain%')),
    ),
    /** The account's address, for a host mapped to Zendesk: `https://support.example.com`. */
    baseUrl: z.optional(z.url({ protocol: /^https?$/ }).check(z.describe('%config.sources.zendesk.baseUrl%'))),
    /** The view whose tickets are the queue. */
    view: z.optional(z.int().check(z.positive(), z.describe('%config.sources.zendesk.view%'))),
    /** Or a search: `status<solved tags:escalation`. */
    query: z.optional(z.string().check(z.minLength(1), z.describe('%config.sources.zendesk.query%'))),
    /** A custom field whose value decides the severity, instead of `priority`. */
    severityField: z.optional(z.int().check(z.positive(), z.describe('%config.sources.zendesk.severityField%'))),
    /** Values (of the field, or of `priority`) to severities: `{ "sev_1": 1, "sev_2": 2 }`. */
    severityValues: z.optional(
      z.record(z.string().check(z.minLength(1)), z.int().check(z.minimum(1), z.maximum(4))).check(z.describe('%config.sources.zendesk.severityValues%')),
    ),
    regionField: z.optional(z.int().check(z.positive(), z.describe('%config.sources.zendesk.regionField%'))),
    organizationRegionField: z.optional(z.string().check(z.minLength(1), z.describe('%config.sources.zendesk.organizationRegionField%'))),
    /** A tag added when a fix branch or merge request is recorded on a ticket. */
    linkTag: z.optional(z.string().check(z.regex(/^\S+$/, 'a tag has no spaces'), z.describe('%config.sources.zendesk.linkTag%'))),
  })
  .check(
    z.refine((c) => (c.subdomain === undefined) !== (c.baseUrl === undefined), { message: 'give either "subdomain" or "baseUrl"', path: ['subdomain'] }),
    z.refine((c) => (c.view === undefined) !== (c.query === undefined), { message: 'give either "view" or "query"', path: ['view'] }),
  );

const repositoryName = z.string().check(z.regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'use owner/name'));

export const githubSourceConfigSchema = z
  .object({
    id: sourceId,
    kind: z.literal('github').check(z.describe('%config.sources.kind.github%')),
    label,
    /** GitHub Enterprise Server's API root (`https://github.example.com/api/v3`); github.com when absent. */
    baseUrl: z.optional(z.url({ protocol: /^https?$/ }).check(z.describe('%config.sources.github.baseUrl%'))),
    repository: z.optional(repositoryName.check(z.describe('%config.sources.github.repository%'))),
    /** Instead of a repository, a GitHub issue search: `org:acme is:issue`. */
    query: z.optional(z.string().check(z.minLength(1), z.describe('%config.sources.github.query%'))),
    labels: z._default(z.array(z.string().check(z.minLength(1))).check(z.describe('%config.sources.github.labels%')), ['support-escalation']),
    /** Exact labels for each severity, over the default reading of `S1`, `P1`, `severity:1`, `priority: high`… */
    severityLabels: z.optional(
      z.record(z.string().check(z.minLength(1)), z.int().check(z.minimum(1), z.maximum(4))).check(z.describe('%config.sources.github.severityLabels%')),
    ),
    regionPrefix: labelPrefix('region:', '%config.sources.github.regionPrefix%'),
    teamPrefix: labelPrefix('team:', '%config.sources.github.teamPrefix%'),
    /** A private repository where each ticket gets one issue for its internal notes. */
    notesRepository: z.optional(repositoryName.check(z.describe('%config.sources.github.notesRepository%'))),
  })
  .check(z.refine((c) => (c.repository === undefined) !== (c.query === undefined), { message: 'give either "repository" or "query"', path: ['repository'] }));

const customField = z.string().check(z.regex(/^customfield_\d+$/, 'use a custom field id, as in "customfield_10050"'));
const nonEmpty = z.string().check(z.minLength(1));
const digits = z.string().check(z.regex(/^\d+$/, 'use the id, as in "4"'));
const jira = <T extends z.ZodMiniType>(schema: T, field: string) => z.optional(schema.check(z.describe(`%config.sources.jira.${field}%`)));

/** `jql`, or a service desk's `queue`; field ids as Jira names them. */
export const jiraSourceConfigSchema = z
  .object({
    id: sourceId,
    kind: z.literal('jira').check(z.describe('%config.sources.kind.jira%')),
    label,
    baseUrl: z.url({ protocol: /^https?$/ }).check(z.describe('%config.sources.jira.baseUrl%')),
    jql: jira(nonEmpty, 'jql'),
    serviceDesk: jira(digits, 'serviceDesk'),
    queue: jira(digits, 'queue'),
    severityField: jira(customField, 'severityField'),
    severityValues: jira(z.record(nonEmpty, z.int().check(z.minimum(1), z.maximum(4))), 'severityValues'),
    regionField: jira(customField, 'regionField'),
    organizationField: jira(customField, 'organizationField'),
    organizationRegions: jira(z.record(nonEmpty, nonEmpty), 'organizationRegions'),
    teamField: jira(z.union([z.literal('components'), customField]), 'teamField'),
    teamFieldIsSelect: jira(z.boolean(), 'teamFieldIsSelect'),
    internalCommentVisibility: jira(z.object({ type: z.enum(['role', 'group']), value: nonEmpty }), 'internalCommentVisibility'),
    handoffTransition: jira(nonEmpty, 'handoffTransition'),
    historyJql: jira(nonEmpty, 'historyJql'),
  })
  .check(
    z.refine((c) => (c.jql === undefined) !== (c.serviceDesk === undefined || c.queue === undefined), {
      message: 'give either "jql" or "serviceDesk" with "queue"',
      path: ['jql'],
    }),
  );

/** Kinds this version can load; any other is reported as such. */
export const sourceConfigSchema = z.discriminatedUnion('kind', [
  localSourceConfigSchema,
  gitlabSourceConfigSchema,
  zendeskSourceConfigSchema,
  githubSourceConfigSchema,
  jiraSourceConfigSchema,
]);
export type LocalSourceConfig = z.infer<typeof localSourceConfigSchema>;
export type GitlabSourceConfig = z.infer<typeof gitlabSourceConfigSchema>;
export type ZendeskSourceConfig = z.infer<typeof zendeskSourceConfigSchema>;
export type GithubSourceConfig = z.infer<typeof githubSourceConfigSchema>;
export type JiraSourceConfig = z.infer<typeof jiraSourceConfigSchema>;

export type SourceConfig = z.infer<typeof sourceConfigSchema>;

export interface SourcesOutcome {
  readonly sources: SourceConfig[];
  /** One line per entry that was skipped, saying why. */
  readonly problems: string[];
}

export const DEFAULT_LOCAL_SOURCE: SourceConfig = { id: 'local', kind: 'local' };

export function parseSourcesSetting(value: unknown): SourcesOutcome {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
    return { sources: [DEFAULT_LOCAL_SOURCE], problems: [] };
  }
  if (!Array.isArray(value)) return { sources: [DEFAULT_LOCAL_SOURCE], problems: ['supportRotation.sources must be a list; using the local queue.'] };
  const sources: SourceConfig[] = [];
  const problems: string[] = [];
  value.forEach((entry, index) => {
    const parsed = sourceConfigSchema.safeParse(entry);
    const name = `supportRotation.sources[${index}]`;
    if (!parsed.success) {
      problems.push(`${name}: ${describeEntryProblem(entry, parsed.error)}`);
    } else if (sources.some((s) => s.id === parsed.data.id)) {
      problems.push(`${name}: the id "${parsed.data.id}" is used twice; only the first is loaded.`);
    } else {
      sources.push(parsed.data);
    }
  });
  return { sources, problems };
}

function describeEntryProblem(entry: unknown, error: z.core.$ZodError): string {
  const kind = typeof entry === 'object' && entry !== null ? (entry as { kind?: unknown }).kind : undefined;
  if (typeof kind === 'string' && !['local', 'gitlab', 'zendesk', 'github', 'jira'].includes(kind))
    return `the kind "${kind}" is not available in this version.`;
  return error.issues.map((i) => `${i.path.join('.') || 'entry'}: ${i.message}`).join('; ');
}
