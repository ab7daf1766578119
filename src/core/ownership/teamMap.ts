/**
 * The team map: who the teams are, which CODEOWNERS handles and paths mean each, and how to route
 * a ticket to each in every kind of source. From a file in the repository (`.support/teams.json`)
 * and the setting `supportRotation.teams`, which wins per team id. Entries are checked one by one,
 * so one bad team is reported (where, which field, why) without hiding the others. Fields this
 * version does not know are kept, so a newer file still loads.
 */
import * as z from 'zod/mini';
import { describeValue, fieldMessages, mustBe } from '../zodMessages';

const text = z.string().check(z.trim(), z.minLength(1));

const routingSchema = z.looseObject({
  local: z.optional(z.looseObject({ team: text })),
  gitlab: z.optional(z.looseObject({ label: z.optional(text), project: z.optional(text) })),
  /** The group's id or its name; `groupId` is the older spelling of an id. */
  zendesk: z.optional(z.looseObject({ group: z.optional(z.union([z.int().check(z.positive()), text])), groupId: z.optional(z.int().check(z.positive())) })),
  github: z.optional(z.looseObject({ label: z.optional(text), repository: z.optional(text) })),
  jira: z.optional(z.looseObject({ component: z.optional(text), team: z.optional(text) })),
});

const handle = z.string().check(z.regex(/^@\S+$|^[^@\s]+@[^@\s]+$/, { error: mustBe('a CODEOWNERS handle (@user, @org/team) or an e-mail address') }));

export const teamSchema = z.looseObject({
  id: text,
  name: text,
  /** The CODEOWNERS owners that mean this team. */
  codeowners: z._default(z.array(handle), []),
  /** What the team owns, in gitignore syntax. */
  paths: z._default(z.array(text), []),
  region: z.optional(text),
  routing: z.optional(routingSchema),
});

const teamsFileSchema = z.looseObject({
  version: z.literal(1),
  teams: z.array(z.unknown(), { error: mustBe('a list of teams') }),
});

/** `name must be a non-empty string; it is missing`: each message names its field once. */
const TEAM_MESSAGES = fieldMessages('the team');
const FILE_MESSAGES = fieldMessages('the file');

export type Team = z.infer<typeof teamSchema>;

/** One reason an entry was skipped. */
export interface TeamMapIssue {
  /** The file or the setting. */
  readonly source: string;
  /** The entry's place in `teams`; absent when the whole source is unusable. */
  readonly index?: number;
  /** Dotted path inside the entry, e.g. `routing.zendesk.groupId`; '' for the entry itself. */
  readonly field: string;
  /** Names the field, what is allowed and what was found: `routing.zendesk.groupId must be a number; found "42"`. */
  readonly message: string;
}

export interface TeamMap {
  readonly teams: readonly Team[];
  /** The issues in words, one line each, for the log. */
  readonly problems: readonly string[];
  /** The same issues, for pointing at the entry; absent from a map written by hand (`{ teams: [], problems: [] }`). */
  readonly issues?: readonly TeamMapIssue[];
}

/** The setting's value, or a file's `teams`: a list of team entries. */
export function parseTeams(value: unknown, source: string): TeamMap {
  if (value === undefined) return teamMap([], []);
  if (!Array.isArray(value)) return teamMap([], [{ source, field: '', message: `the setting must be a list of teams; found ${describeValue(value)}` }]);
  const teams: Team[] = [];
  const issues: TeamMapIssue[] = [];
  const firstIndex = new Map<string, number>();
  value.forEach((entry: unknown, index) => {
    const parsed = teamSchema.safeParse(entry, TEAM_MESSAGES);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ source, index, field: issue.path.join('.'), message: issue.message });
      return;
    }
    const earlier = firstIndex.get(parsed.data.id);
    if (earlier !== undefined) {
      issues.push({ source, index, field: 'id', message: `id must be unique; found "${parsed.data.id}", already the id of entry ${earlier}` });
      return;
    }
    firstIndex.set(parsed.data.id, index);
    teams.push(parsed.data);
  });
  return teamMap(teams, issues);
}

/** The repository's file: `{ "version": 1, "teams": [...] }`. */
export function parseTeamsFile(json: string, file: string): TeamMap {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return teamMap([], [{ source: file, field: '', message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` }]);
  }
  const parsed = teamsFileSchema.safeParse(value, FILE_MESSAGES);
  if (!parsed.success) {
    return teamMap(
      [],
      parsed.error.issues.map((issue) => ({ source: file, field: issue.path.join('.'), message: issue.message })),
    );
  }
  return parseTeams(parsed.data.teams, `${file} teams`);
}

/** The setting's team replaces the file's team with the same id; the setting's new teams come last. */
export function mergeTeamMaps(fromFile: TeamMap, fromSetting: TeamMap): TeamMap {
  const byId = new Map(fromFile.teams.map((team) => [team.id, team]));
  for (const team of fromSetting.teams) byId.set(team.id, team);
  return {
    teams: [...byId.values()],
    problems: [...fromFile.problems, ...fromSetting.problems],
    issues: [...(fromFile.issues ?? []), ...(fromSetting.issues ?? [])],
  };
}

/** What the local queue is given to move a ticket to the team. */
export function localRoute(team: Team): string {
  return team.routing?.local?.team ?? team.id;
}

/**
 * What a source of this kind is given to move a ticket to the team. GitLab: `project:<id or path>`
 * moves the issue there, `label:<name>` adds that label; otherwise the team id becomes a team label.
 * Zendesk: `group:<id>` for a group given by id, otherwise the group's name (by default the team id).
 * GitHub alike, with `repository:<owner/name>` for a transfer. Jira: `component:<name>` sets the
 * component, `team:<value>` the source's team field (as does the bare team id).
 */
export function routeFor(team: Team, sourceKind: string): string {
  if (sourceKind === 'gitlab') {
    const gitlab = team.routing?.gitlab;
    if (gitlab?.project) return `project:${gitlab.project}`;
    if (gitlab?.label) return `label:${gitlab.label}`;
    return team.id;
  }
  if (sourceKind === 'zendesk') {
    const group = team.routing?.zendesk?.group ?? team.routing?.zendesk?.groupId;
    if (typeof group === 'number') return `group:${group}`;
    return group ?? team.id;
  }
  if (sourceKind === 'jira') {
    const jira = team.routing?.jira;
    if (jira?.component) return `component:${jira.component}`;
    return `team:${jira?.team ?? team.id}`;
  }
  if (sourceKind === 'github') {
    const github = team.routing?.github;
    if (github?.repository) return `repository:${github.repository}`;
    if (github?.label) return `label:${github.label}`;
    return team.id;
  }
  return localRoute(team);
}

function teamMap(teams: readonly Team[], issues: readonly TeamMapIssue[]): TeamMap {
  return { teams, issues, problems: issues.map(describeIssue) };
}

function describeIssue(issue: TeamMapIssue): string {
  if (issue.index === undefined) return `${issue.source}: ${issue.message}`;
  return `${issue.source}[${issue.index}]: ${issue.message}. This team is skipped.`;
}
