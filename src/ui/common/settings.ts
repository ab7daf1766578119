/** Reads the extension's settings through their zod schemas: a wrong value falls back to its default and is logged. */
import * as vscode from 'vscode';
import type { GroupingMode } from '../../core/queueGrouping';
import type { KnownPerson } from '../../core/expertise/expertRanking';
import type { SlaTargets } from '../../core/sla';
import { parseSourcesSetting, type SourcesOutcome } from '../../shared/sourceConfig';
import { SETTING_SPECS, type AlertSeverity, type SettingKey, type SettingSpec, type SettingValue } from '../../shared/settingSchemas';
import { SETTINGS } from './contributionIds';

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
  /** Severities whose tickets raise alerts, as `S1`…`S4`. */
  readonly alertSeverities: readonly AlertSeverity[];
  readonly alertDueSoonMinutes: number;
  /** Focus the queue and open the most urgent ticket when the window opens (the demo turns it on). */
  readonly startupOpenQueue: boolean;
  /** How many days a rotation handover covers; 0: since my first claim after my last handover. */
  readonly handoverRotationDays: number;
  /** One line per setting that was wrong and replaced by its default. */
  readonly problems: readonly string[];
}

export function readSettings(): Settings {
  // `null`: the workspace's value of resource-scoped settings, without asking VS Code for one folder's.
  const config = vscode.workspace.getConfiguration(SETTINGS.section, null);
  const problems: string[] = [];
  const read = <K extends SettingKey>(key: K): SettingValue<K> => {
    const spec: SettingSpec<SettingValue<K>> = SETTING_SPECS[key];
    const value = config.get<unknown>(key);
    if (value === undefined) return spec.default;
    const parsed = spec.schema.safeParse(value);
    if (parsed.success) return parsed.data;
    problems.push(`${SETTINGS.section}.${key}: ${parsed.error.issues[0]?.message ?? 'invalid'}; using the default.`);
    return spec.default;
  };
  const sources = parseSourcesSetting(config.get<unknown>(SETTINGS.sources));
  problems.push(...sources.problems);
  return {
    sources,
    localQueueFile: read(SETTINGS.localQueueFile),
    localMe: read(SETTINGS.localMe).trim() || undefined,
    slaTargets: read(SETTINGS.slaTargets),
    hiddenStatuses: read(SETTINGS.hiddenStatuses),
    groupBy: read(SETTINGS.groupBy),
    branchTemplate: read(SETTINGS.branchTemplate),
    branchMaxSlugLength: read(SETTINGS.branchMaxSlugLength),
    branchBase: read(SETTINGS.branchBase),
    branchClaimOnStart: read(SETTINGS.branchClaimOnStart),
    commitTemplate: read(SETTINGS.commitTemplate),
    teams: config.get<unknown>(SETTINGS.teams) ?? SETTING_SPECS[SETTINGS.teams].default,
    teamsFile: read(SETTINGS.teamsFile),
    people: read(SETTINGS.people),
    expertsHalfLifeDays: read(SETTINGS.expertsHalfLifeDays),
    expertsBotPatterns: read(SETTINGS.expertsBotPatterns),
    expertsPreferRegion: read(SETTINGS.expertsPreferRegion),
    mergeRequestReference: read(SETTINGS.mergeRequestReference),
    mergeRequestDraft: read(SETTINGS.mergeRequestDraft),
    alertSeverities: read(SETTINGS.alertSeverities),
    alertDueSoonMinutes: read(SETTINGS.alertDueSoonMinutes),
    startupOpenQueue: read(SETTINGS.startupOpenQueue),
    handoverRotationDays: read(SETTINGS.handoverRotationDays),
    problems,
  };
}
