/**
 * Ranks the teams a ticket could be handed to, from evidence files (named in the ticket, changed
 * on its fix branch) read through CODEOWNERS and the team map's own paths. Weights, and why:
 * - a file changed on the fix branch counts 2, a file the ticket names 1 (scaled by how sure the
 *   reference is): the fix shows where the problem is more surely than a stack trace does;
 * - a team's own path, or a specific CODEOWNERS rule, counts in full; a catch-all rule (`*`) counts
 *   0.1: it says who owns everything, not who owns this.
 * Each team's reasons are kept in words, with how many files back each.
 */
import ignore from 'ignore';
import { isCatchAll, type OwnerMatch } from './codeowners';
import type { Team } from './teamMap';

export type EvidenceOrigin = 'ticket' | 'branch';

export interface EvidenceFile {
  readonly path: string;
  readonly origin: EvidenceOrigin;
  /** 0..1, how sure the reference is; 1 for changed files. */
  readonly confidence?: number;
}

export interface RankedTeam {
  readonly team: Team;
  readonly score: number;
  /** Strongest first: "owns services/billing/ — 3 files named in the ticket". */
  readonly reasons: readonly string[];
  readonly files: readonly string[];
}

export interface OwnerWithoutTeam {
  readonly handle: string;
  readonly reasons: readonly string[];
}

export interface TeamRanking {
  readonly teams: readonly RankedTeam[];
  /** CODEOWNERS owners no team claims, so the user still sees them. */
  readonly otherOwners: readonly OwnerWithoutTeam[];
}

const ORIGIN_WEIGHT: Record<EvidenceOrigin, number> = { branch: 2, ticket: 1 };
const CATCH_ALL_WEIGHT = 0.1;

interface Tally {
  score: number;
  readonly reasons: Map<string, { weight: number; counts: Record<EvidenceOrigin, Set<string>> }>;
  readonly files: Set<string>;
}

export function rankTeams(evidence: readonly EvidenceFile[], teams: readonly Team[], ownersOf?: (path: string) => OwnerMatch[]): TeamRanking {
  const tallies = new Map<string, Tally>();
  const others = new Map<string, Tally>();
  const teamPaths = teams.map((team) => ({ team, patterns: team.paths.map((p) => ({ pattern: p, matcher: ignore().add(p) })) }));
  const teamsByHandle = new Map<string, Team[]>();
  for (const team of teams) for (const handle of team.codeowners) teamsByHandle.set(handle.toLowerCase(), [...(teamsByHandle.get(handle.toLowerCase()) ?? []), team]);

  for (const file of evidence) {
    const weight = ORIGIN_WEIGHT[file.origin] * (file.confidence ?? 1);
    for (const { team, patterns } of teamPaths) {
      for (const { pattern, matcher } of patterns) {
        if (matcher.ignores(file.path)) add(tallies, team.id, `owns ${pattern}`, weight, file);
      }
    }
    for (const match of ownersOf?.(file.path) ?? []) {
      const ruleWeight = weight * (isCatchAll(match.rule.pattern) ? CATCH_ALL_WEIGHT : 1);
      const where = `CODEOWNERS ${match.rule.pattern} (line ${match.rule.line}${match.section.name ? `, [${match.section.name}]` : ''})`;
      for (const handle of match.owners) {
        const owning = teamsByHandle.get(handle.toLowerCase());
        if (owning) for (const team of owning) add(tallies, team.id, `${where} → ${handle}`, ruleWeight, file);
        else add(others, handle, where, ruleWeight, file);
      }
    }
  }
  const ranked = teams
    .filter((team) => tallies.has(team.id))
    .map((team) => {
      const tally = tallies.get(team.id) as Tally;
      return { team, score: round(tally.score), reasons: reasonsOf(tally), files: [...tally.files].sort() };
    })
    .sort((a, b) => b.score - a.score || a.team.name.localeCompare(b.team.name));
  const otherOwners = [...others.entries()]
    .sort(([a, x], [b, y]) => y.score - x.score || a.localeCompare(b))
    .map(([handle, tally]) => ({ handle, reasons: reasonsOf(tally) }));
  return { teams: ranked, otherOwners };
}

function add(tallies: Map<string, Tally>, key: string, reason: string, weight: number, file: EvidenceFile): void {
  const tally = tallies.get(key) ?? { score: 0, reasons: new Map(), files: new Set<string>() };
  tallies.set(key, tally);
  const entry = tally.reasons.get(reason) ?? { weight: 0, counts: { ticket: new Set<string>(), branch: new Set<string>() } };
  tally.reasons.set(reason, entry);
  // A file counts once per reason, however many references name it.
  if (entry.counts[file.origin].has(file.path)) return;
  entry.counts[file.origin].add(file.path);
  entry.weight += weight;
  tally.score += weight;
  tally.files.add(file.path);
}

function reasonsOf(tally: Tally): string[] {
  return [...tally.reasons.entries()]
    .sort(([a, x], [b, y]) => y.weight - x.weight || a.localeCompare(b))
    .map(([reason, { counts }]) => `${reason} — ${countText(counts)}`);
}

function countText(counts: Record<EvidenceOrigin, Set<string>>): string {
  const parts = [];
  const named = counts.ticket.size;
  const changed = counts.branch.size;
  if (named > 0) parts.push(`${named} file${named === 1 ? '' : 's'} named in the ticket`);
  if (changed > 0) parts.push(`${changed} file${changed === 1 ? '' : 's'} changed on the fix branch`);
  return parts.join(', ');
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
