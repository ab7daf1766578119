/**
 * The team map: who the teams are, which CODEOWNERS handles and paths mean each, and how to route
 * a ticket to each in every kind of source. From a file in the repository (`.support/teams.json`)
 * and the setting `supportRotation.teams`, which wins per team id.
 */
import * as z from 'zod';

const routingSchema = z.looseObject({
  local: z.object({ team: z.string().min(1) }).optional(),
  gitlab: z.object({ label: z.string().min(1).optional(), project: z.string().min(1).optional() }).optional(),
  zendesk: z.object({ groupId: z.number().int() }).optional(),
  github: z.object({ label: z.string().min(1) }).optional(),
  jira: z.object({ component: z.string().min(1) }).optional(),
});

export const teamSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  codeowners: z.array(z.string()).default([]),
  paths: z.array(z.string()).default([]),
  region: z.string().optional(),
  routing: routingSchema.optional(),
});

export type Team = z.infer<typeof teamSchema>;

export interface TeamMap {
  readonly teams: readonly Team[];
  /** One line per entry that could not be used: where, which field, why. */
  readonly problems: readonly string[];
}

/** Reads the entries one by one, so one bad team does not hide the others. */
export function parseTeams(value: unknown, where: string): TeamMap {
  if (!Array.isArray(value)) return { teams: [], problems: value === undefined ? [] : [`${where}: expected a list of teams`] };
  const teams: Team[] = [];
  const problems: string[] = [];
  value.forEach((entry, index) => {
    const parsed = teamSchema.safeParse(entry);
    if (parsed.success) teams.push(parsed.data);
    else {
      const issue = parsed.error.issues[0];
      problems.push(`${where}[${index}]${issue?.path.length ? `.${issue.path.join('.')}` : ''}: ${issue?.message ?? 'invalid'}; this team is skipped.`);
    }
  });
  return { teams, problems };
}

/** The repository's file: `{ "version": 1, "teams": [...] }`. */
export function parseTeamsFile(text: string, file: string): TeamMap {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { teams: [], problems: [`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (version !== 1) return { teams: [], problems: [`${file}: "version" must be 1`] };
  return parseTeams((json as { teams?: unknown }).teams, `${file} teams`);
}

/** The setting's teams replace the file's teams with the same id. */
export function mergeTeamMaps(fromFile: TeamMap, fromSetting: TeamMap): TeamMap {
  const byId = new Map(fromFile.teams.map((t) => [t.id, t]));
  for (const team of fromSetting.teams) byId.set(team.id, team);
  return { teams: [...byId.values()], problems: [...fromFile.problems, ...fromSetting.problems] };
}

/** What the local queue is given to move a ticket to the team. */
export function localRoute(team: Team): string {
  return team.routing?.local?.team ?? team.id;
}
