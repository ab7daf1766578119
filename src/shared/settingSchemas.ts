/**
 * Every setting's zod schema and default, in one table keyed by the setting's name under
 * `supportRotation.`. The extension reads its settings through it (`src/ui/common/settings.ts`),
 * `npm run schema` writes package.json's type, constraints and default of each setting from it,
 * and unit tests fail when package.json says otherwise. Descriptions in these schemas are keys of
 * package.nls.json, where their English text is.
 */
import * as z from 'zod/mini';
import { DEFAULT_BRANCH_TEMPLATE } from '../core/branchName';
import { DEFAULT_COMMIT_TEMPLATE } from '../core/commitMessage';
import { DEFAULT_BOT_PATTERNS } from '../core/expertise/expertRanking';
import { teamSchema } from '../core/ownership/teamMap';
import { DEFAULT_SLA_TARGETS, type SlaTargets } from '../core/sla';
import { sourceConfigSchema } from './sourceConfig';

export interface SettingSpec<T> {
  readonly schema: z.ZodMiniType<T>;
  /** What the extension uses when the setting is absent or wrong, and package.json's `default`. */
  readonly default: T;
}

function setting<T>(schema: z.ZodMiniType<T>, fallback: T): SettingSpec<T> {
  return { schema, default: fallback };
}

/** A severity left out keeps its default target. */
const minutesFor = (severity: keyof SlaTargets) => z._default(z.number().check(z.positive()), DEFAULT_SLA_TARGETS[severity]);

const personSchema = z.object({
  name: z.string().check(z.minLength(1), z.describe('%config.people.name%')),
  email: z.string().check(z.minLength(3), z.describe('%config.people.email%')),
  handles: z.optional(z.array(z.string()).check(z.describe('%config.people.handles%'))),
  region: z.optional(z.string().check(z.describe('%config.people.region%'))),
});

const ALERT_SEVERITIES = ['S1', 'S2', 'S3', 'S4'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/**
 * `sources` and `teams` are read entry by entry (`parseSourcesSetting`, `parseTeams`) so that one
 * bad entry is reported without hiding the others; their schemas here are of a whole valid list.
 */
export const SETTING_SPECS = {
  sources: setting(z.array(sourceConfigSchema), []),
  'local.queueFile': setting(z.string().check(z.minLength(1)), '.support/queue.json'),
  'local.me': setting(z.string(), ''),
  'sla.firstResponseMinutes': setting(
    z.strictObject({ s1: minutesFor('s1'), s2: minutesFor('s2'), s3: minutesFor('s3'), s4: minutesFor('s4') }),
    DEFAULT_SLA_TARGETS,
  ),
  'queue.hiddenStatuses': setting(z.array(z.string()), ['solved', 'closed', 'resolved', 'done', 'handed-off']),
  'queue.groupBy': setting(z.enum(['ownership', 'team']), 'ownership'),
  'branch.template': setting(z.string(), DEFAULT_BRANCH_TEMPLATE),
  'branch.maxSlugLength': setting(z.int().check(z.minimum(8), z.maximum(100)), 50),
  'branch.base': setting(z.enum(['defaultBranch', 'currentBranch', 'ask']), 'defaultBranch'),
  'branch.claimOnStart': setting(z.boolean(), true),
  'commit.template': setting(z.string().check(z.minLength(1)), DEFAULT_COMMIT_TEMPLATE),
  teams: setting(z.array(teamSchema), []),
  teamsFile: setting(z.string().check(z.minLength(1)), '.support/teams.json'),
  people: setting(z.array(personSchema), []),
  'experts.halfLifeDays': setting(z.number().check(z.minimum(1), z.maximum(3650)), 180),
  'experts.botPatterns': setting(z.array(z.string()), DEFAULT_BOT_PATTERNS),
  'experts.preferRegion': setting(z.boolean(), true),
  'mergeRequest.reference': setting(z.enum(['closes', 'related']), 'closes'),
  'mergeRequest.draft': setting(z.boolean(), true),
  'alerts.severities': setting<AlertSeverity[]>(z.array(z.enum(ALERT_SEVERITIES)), ['S1', 'S2']),
  'alerts.dueSoonMinutes': setting(z.int().check(z.minimum(1), z.maximum(1440)), 60),
  'startup.openQueue': setting(z.boolean(), false),
  'handover.rotationDays': setting(z.int().check(z.minimum(0), z.maximum(366)), 0),
};

export type SettingKey = keyof typeof SETTING_SPECS;
export type SettingValue<K extends SettingKey> = (typeof SETTING_SPECS)[K]['default'];
