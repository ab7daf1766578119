/**
 * The `supportRotation.sources` setting: a list of `{ id, kind, ... }`, validated entry by entry so
 * that one bad entry is reported and the other sources still load.
 */
import * as z from 'zod';

const sourceId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'use letters, digits, ".", "_" or "-"');

export const localSourceConfigSchema = z.object({
  id: sourceId,
  kind: z.literal('local'),
  label: z.string().min(1).optional(),
  /** Relative to the workspace folder, or absolute. */
  queueFile: z.string().min(1).optional(),
  /** Who "me" is in this queue; default `supportRotation.local.me`, then git's user.email. */
  me: z.string().min(1).optional(),
});

export const gitlabSourceConfigSchema = z
  .object({
    id: sourceId,
    kind: z.literal('gitlab'),
    label: z.string().min(1).optional(),
    /** The API root of gitlab.com or a self-managed instance, with any path prefix: `https://git.example.com/gitlab`. */
    baseUrl: z.url({ protocol: /^https?$/ }),
    /** `group/project` or the project's numeric id; or, for a queue across a group's projects, `group`. */
    project: z.string().min(1).optional(),
    group: z.string().min(1).optional(),
    /** The queue: open issues carrying all of these labels. */
    labels: z.array(z.string().min(1)).default(['support-escalation']),
    severityPrefix: z.string().min(1).default('severity::'),
    /** Instead of the prefix, exact labels for each severity: `{ "P1": 1, "P2": 2, "bug::minor": 4 }`. */
    severityLabels: z.record(z.string().min(1), z.number().int().min(1).max(4)).optional(),
    regionPrefix: z.string().min(1).default('region::'),
    teamPrefix: z.string().min(1).default('team::'),
  })
  .refine((c) => (c.project === undefined) !== (c.group === undefined), { message: 'give either "project" or "group"', path: ['project'] });

/** Kinds this version can load; the others (github, zendesk, jira) are reported as such. */
export const sourceConfigSchema = z.discriminatedUnion('kind', [localSourceConfigSchema, gitlabSourceConfigSchema]);
export type LocalSourceConfig = z.infer<typeof localSourceConfigSchema>;
export type GitlabSourceConfig = z.infer<typeof gitlabSourceConfigSchema>;

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

function describeEntryProblem(entry: unknown, error: z.ZodError): string {
  const kind = typeof entry === 'object' && entry !== null ? (entry as { kind?: unknown }).kind : undefined;
  if (typeof kind === 'string' && kind !== 'local' && kind !== 'gitlab') return `the kind "${kind}" is not available in this version.`;
  return error.issues.map((i) => `${i.path.join('.') || 'entry'}: ${i.message}`).join('; ');
}
