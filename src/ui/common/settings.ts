/** Reads the extension's settings through zod: a wrong value falls back to its default and is logged. */
import * as vscode from 'vscode';
import * as z from 'zod';
import type { GroupingMode } from '../../core/queueGrouping';
import { DEFAULT_BRANCH_TEMPLATE } from '../../core/branchName';
import { DEFAULT_COMMIT_TEMPLATE } from '../../core/commitMessage';
import { DEFAULT_BOT_PATTERNS, type KnownPerson } from '../../core/expertise/expertRanking';
import { DEFAULT_SLA_TARGETS, type SlaTargets } from '../../core/sla';
import { parseSourcesSetting, type SourcesOutcome } from '../../providers/sourceConfig';
import { SETTINGS } from './contributionIds';

const minutes = z.number().positive();
const personSchema = z.object({ name: z.string().min(1), email: z.string().min(3), handles: z.array(z.string()).optional(), region: z.string().optional() });
const slaTargetsSchema = z.object({ s1: minutes, s2: minutes, s3: minutes, s4: minutes }).partial();

export interface Settings {
  readonly sources: SourcesOutcome;
  readonly localQueueFile: string;
  readonly localMe: string | undefined;
  readonly slaTargets: SlaTargets;
  readonly hiddenStatuses: readonly string[];
  readonly groupBy: GroupingMode;
  readonly branchTemplate: string;
  readonly branchMaxSlugLength: number;
  readonly branchBase: 'defaultBranch' | 'currentBranch' | 'ask';
  readonly branchClaimOnStart: boolean;
  readonly commitTemplate: string;
  /** Team map entries from the settings; validated with the repository's file when used. */
  readonly teams: unknown;
  readonly teamsFile: string;
  /** Colleagues' regions and CODEOWNERS handles, for expert suggestions. */
  readonly people: readonly KnownPerson[];
  readonly expertsHalfLifeDays: number;
  readonly expertsBotPatterns: readonly string[];
  readonly expertsPreferRegion: boolean;
  readonly mergeRequestReference: 'closes' | 'related';
  readonly mergeRequestDraft: boolean;
  /** One line per setting that was wrong and replaced by its default. */
  readonly problems: readonly string[];
}

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration(SETTINGS.section);
  const problems: string[] = [];
  const read = <T>(key: string, schema: z.ZodType<T>, fallback: T): T => {
    const value = config.get<unknown>(key);
    if (value === undefined) return fallback;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    problems.push(`${SETTINGS.section}.${key}: ${parsed.error.issues[0]?.message ?? 'invalid'}; using the default.`);
    return fallback;
  };
  const sources = parseSourcesSetting(config.get<unknown>(SETTINGS.sources));
  problems.push(...sources.problems);
  return {
    sources,
    localQueueFile: read(SETTINGS.localQueueFile, z.string().min(1), '.support/queue.json'),
    localMe: read(SETTINGS.localMe, z.string(), '').trim() || undefined,
    slaTargets: { ...DEFAULT_SLA_TARGETS, ...read(SETTINGS.slaTargets, slaTargetsSchema, {}) },
    hiddenStatuses: read(SETTINGS.hiddenStatuses, z.array(z.string()), ['solved', 'closed', 'resolved', 'done']),
    groupBy: read(SETTINGS.groupBy, z.enum(['ownership', 'team']), 'ownership'),
    branchTemplate: read(SETTINGS.branchTemplate, z.string(), DEFAULT_BRANCH_TEMPLATE),
    branchMaxSlugLength: read(SETTINGS.branchMaxSlugLength, z.number().int().min(8).max(100), 50),
    branchBase: read(SETTINGS.branchBase, z.enum(['defaultBranch', 'currentBranch', 'ask']), 'defaultBranch'),
    branchClaimOnStart: read(SETTINGS.branchClaimOnStart, z.boolean(), true),
    commitTemplate: read(SETTINGS.commitTemplate, z.string().min(1), DEFAULT_COMMIT_TEMPLATE),
    teams: config.get<unknown>(SETTINGS.teams) ?? [],
    teamsFile: read(SETTINGS.teamsFile, z.string().min(1), '.support/teams.json'),
    people: read(SETTINGS.people, z.array(personSchema), []),
    expertsHalfLifeDays: read(SETTINGS.expertsHalfLifeDays, z.number().min(1).max(3650), 180),
    expertsBotPatterns: read(SETTINGS.expertsBotPatterns, z.array(z.string()), DEFAULT_BOT_PATTERNS),
    expertsPreferRegion: read(SETTINGS.expertsPreferRegion, z.boolean(), true),
    mergeRequestReference: read(SETTINGS.mergeRequestReference, z.enum(['closes', 'related']), 'closes'),
    mergeRequestDraft: read(SETTINGS.mergeRequestDraft, z.boolean(), true),
    problems,
  };
}
