/**
 * Ranks the teams a ticket could be handed to, from evidence files (named in the ticket, changed
 * on its fix branch) read through CODEOWNERS and the team map's own paths. CODEOWNERS owners mean
 * a team through its `codeowners` handles; owners no team claims are listed apart, so the user
 * still sees them.
 *
 * Each evidence file (a path and its origin) counts once per team, by its strongest reason:
 *   weight = origin × confidence × pattern
 * - origin: changed on the fix branch 2, named in the ticket 1. The fix shows where the problem
 *   is more surely than a stack trace or a pasted path does.
 * - confidence: how surely the ticket's reference means that file (0..1; 1 when not given).
 * - pattern: how specific the rule or team path is, 0.5 + 0.25 per path segment it names
 *   literally, at most 1.5 (`*.rb` 0.5, `/services/billing/` 1, `/services/billing/lib/tax/` 1.5);
 *   a catch-all (`*`, `**`) 0.1, since it names the default owner of everything, not of this code.
 * Teams backed by catch-all rules only come after every team with specific evidence, whatever
 * their scores. Ties go to more files, then name, then id: the order never depends on the order of
 * the input or on the locale.
 */
import { codeownersMatcher, describeRule, type Codeowners, type OwnerMatch } from './codeowners';
import { compilePattern, isCatchAll, patternSpecificity, repositoryPath } from './codeownersPattern';
import type { Team } from './teamMap';

export type EvidenceOrigin = 'ticket' | 'branch';

export interface EvidenceFile {
  /** Repository-relative. */
  readonly path: string;
  readonly origin: EvidenceOrigin;
  /** 0..1, how sure the reference is; 1 when not given (changed files). */
  readonly confidence?: number;
}

/** CODEOWNERS of one or more repositories, already compiled. */
export type OwnersOf = (path: string) => readonly OwnerMatch[];

export interface RankedTeam {
  readonly team: Team;
  readonly score: number;
  /** Only catch-all rules point at the team: it is the default owner, nothing more. */
  readonly onlyCatchAll: boolean;
  /** Strongest first: "owns services/billing/ — 3 files named in the ticket". */
  readonly reasons: readonly string[];
  readonly files: readonly string[];
}

export interface OwnerWithoutTeam {
  /** As written in CODEOWNERS: `@priya-natarajan`, `@acme/legal`. */
  readonly handle: string;
  readonly score: number;
  readonly onlyCatchAll: boolean;
  readonly reasons: readonly string[];
  readonly files: readonly string[];
}

export interface TeamRanking {
  readonly teams: readonly RankedTeam[];
  /** CODEOWNERS owners that are in no team, ranked the same way. */
  readonly otherOwners: readonly OwnerWithoutTeam[];
}

const ORIGIN_WEIGHT: Record<EvidenceOrigin, number> = { branch: 2, ticket: 1 };
const CATCH_ALL_WEIGHT = 0.1;

interface Tally {
  score: number;
  specific: boolean;
  readonly reasons: Map<string, { weight: number; readonly files: Record<EvidenceOrigin, Set<string>> }>;
  readonly files: Set<string>;
}

/** One reason to credit a team (or an owner without one) with a file. */
interface Claim {
  readonly tallies: Map<string, Tally>;
  readonly key: string;
  readonly reason: string;
  readonly pattern: string;
}

export function rankTeams(evidence: readonly EvidenceFile[], teams: readonly Team[], codeowners?: Codeowners | OwnersOf): TeamRanking {
  const ownersOf: OwnersOf = typeof codeowners === 'function' ? codeowners : codeowners ? codeownersMatcher(codeowners) : () => [];
  const teamPaths = teams.flatMap((team) => team.paths.map((pattern) => ({ team, pattern, compiled: compilePattern(pattern, 'github') })));
  const teamsByHandle = handleIndex(teams);
  const teamTallies = new Map<string, Tally>();
  const ownerTallies = new Map<string, Tally>();

  for (const file of distinctEvidence(evidence)) {
    const claims: Claim[] = teamPaths
      .filter(({ compiled }) => compiled.matches(file.path))
      .map(({ team, pattern }) => ({ tallies: teamTallies, key: team.id, reason: `owns ${pattern}`, pattern }));
    for (const match of ownersOf(file.path)) {
      for (const handle of match.owners) {
        const reason = `CODEOWNERS ${describeRule(match)} → ${handle}`;
        const owning = teamsByHandle.get(handle.toLowerCase()) ?? [];
        for (const team of owning) claims.push({ tallies: teamTallies, key: team.id, reason, pattern: match.rule.pattern });
        if (owning.length === 0) claims.push({ tallies: ownerTallies, key: handle, reason, pattern: match.rule.pattern });
      }
    }
    credit(claims, file);
  }

  const ranked = teams
    .flatMap((team) => {
      const tally = teamTallies.get(team.id);
      return tally ? [{ team, ...summary(tally) }] : [];
    })
    .sort((a, b) => compareSummaries(a, b) || compareText(a.team.name, b.team.name) || compareText(a.team.id, b.team.id));
  const otherOwners = [...ownerTallies.entries()]
    .map(([handle, tally]) => ({ handle, ...summary(tally) }))
    .sort((a, b) => compareSummaries(a, b) || compareText(a.handle, b.handle));
  return { teams: ranked, otherOwners };
}

/** One entry per path and origin, at the highest confidence given; paths outside the repository dropped. */
function distinctEvidence(evidence: readonly EvidenceFile[]): Required<EvidenceFile>[] {
  const distinct = new Map<string, Required<EvidenceFile>>();
  for (const file of evidence) {
    const path = repositoryPath(file.path);
    if (path === undefined) continue;
    const key = `${file.origin}:${path}`;
    const confidence = Math.min(1, Math.max(0, file.confidence ?? 1));
    if ((distinct.get(key)?.confidence ?? -1) < confidence) distinct.set(key, { path, origin: file.origin, confidence });
  }
  return [...distinct.values()];
}

function handleIndex(teams: readonly Team[]): Map<string, Team[]> {
  const index = new Map<string, Team[]>();
  for (const team of teams) {
    // GitHub and GitLab read handles and e-mail addresses without regard to case.
    for (const handle of new Set(team.codeowners.map((h) => h.toLowerCase()))) index.set(handle, [...(index.get(handle) ?? []), team]);
  }
  return index;
}

/** Credits each team (or owner) once for the file, by its strongest claim; every reason is kept. */
function credit(claims: readonly Claim[], file: Required<EvidenceFile>): void {
  const best = new Map<Tally, number>();
  for (const claim of claims) {
    const weight = ORIGIN_WEIGHT[file.origin] * file.confidence * patternWeight(claim.pattern);
    const tally = tallyFor(claim.tallies, claim.key);
    const reason = tally.reasons.get(claim.reason) ?? { weight: 0, files: { ticket: new Set<string>(), branch: new Set<string>() } };
    tally.reasons.set(claim.reason, reason);
    reason.weight += weight;
    reason.files[file.origin].add(file.path);
    tally.files.add(file.path);
    tally.specific ||= !isCatchAll(claim.pattern);
    best.set(tally, Math.max(best.get(tally) ?? 0, weight));
  }
  for (const [tally, weight] of best) tally.score += weight;
}

function patternWeight(pattern: string): number {
  return isCatchAll(pattern) ? CATCH_ALL_WEIGHT : 0.5 + 0.25 * Math.min(patternSpecificity(pattern), 4);
}

function tallyFor(tallies: Map<string, Tally>, key: string): Tally {
  const existing = tallies.get(key);
  if (existing) return existing;
  const tally: Tally = { score: 0, specific: false, reasons: new Map(), files: new Set() };
  tallies.set(key, tally);
  return tally;
}

interface Summary {
  readonly score: number;
  readonly onlyCatchAll: boolean;
  readonly reasons: readonly string[];
  readonly files: readonly string[];
}

function summary(tally: Tally): Summary {
  const reasons = [...tally.reasons.entries()]
    .sort(([a, x], [b, y]) => y.weight - x.weight || compareText(a, b))
    .map(([reason, { files }]) => `${reason} — ${countText(files)}`);
  return { score: Math.round(tally.score * 1000) / 1000, onlyCatchAll: !tally.specific, reasons, files: [...tally.files].sort(compareText) };
}

function compareSummaries(a: Summary, b: Summary): number {
  return Number(a.onlyCatchAll) - Number(b.onlyCatchAll) || b.score - a.score || b.files.length - a.files.length;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function countText(files: Record<EvidenceOrigin, Set<string>>): string {
  const parts: string[] = [];
  if (files.ticket.size > 0) parts.push(`${plural(files.ticket.size, 'file')} named in the ticket`);
  if (files.branch.size > 0) parts.push(`${plural(files.branch.size, 'file')} changed on the fix branch`);
  return parts.join(', ');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
