/**
 * The colleagues who know the code a ticket touches, best first, each with the evidence: which
 * files, how many commits, when last touched, which ownership rule. History counts by recency
 * (or plain commit counts when recency is off), scaled by how sure each file reference is;
 * naming someone in CODEOWNERS adds to it; "me" and bots are left out; a colleague in the
 * customer's preferred region is preferred when their region is known.
 */
import type { OwnerMatch } from '../ownership/codeowners';
import type { ExpertiseIndex } from './expertiseIndex';

export interface KnownPerson {
  readonly name: string;
  readonly email: string;
  /** CODEOWNERS handles that are this person (`@priya-natarajan`). */
  readonly handles?: readonly string[];
  readonly region?: string;
}

export interface ExpertQuery {
  readonly files: readonly { readonly path: string; readonly confidence: number }[];
  /** Seconds since the epoch. */
  readonly now: number;
  readonly me?: string;
  readonly botPatterns: readonly RegExp[];
  readonly people: readonly KnownPerson[];
  readonly preferredRegion?: string;
  /** Off: plain commit counts (what `git shortlog -sn` counts). */
  readonly recency: boolean;
  readonly ownersOf?: (path: string) => OwnerMatch[];
}

export interface FileEvidence {
  readonly path: string;
  readonly commits: number;
  readonly lines: number;
  readonly lastTime: number;
}

export interface Expert {
  readonly key: string;
  readonly name: string;
  readonly email: string;
  readonly score: number;
  readonly files: readonly FileEvidence[];
  /** "CODEOWNERS /services/billing/lib/tax/ (line 7)". */
  readonly ownership: readonly string[];
  readonly region?: string;
  readonly inPreferredRegion: boolean;
}

const OWNER_BONUS = 1;
const REGION_FACTOR = 1.25;
const DAY = 86_400;

export const DEFAULT_BOT_PATTERNS = ['\\[bot\\]', '^dependabot', '^renovate', '^github-actions', '^gitlab-bot', 'noreply@gitlab\\.com$'];

export function rankExperts(index: ExpertiseIndex, query: ExpertQuery): Expert[] {
  const tallies = new Map<string, { score: number; files: FileEvidence[]; ownership: Set<string> }>();
  const tally = (key: string): { score: number; files: FileEvidence[]; ownership: Set<string> } => {
    const found = tallies.get(key) ?? { score: 0, files: [], ownership: new Set<string>() };
    tallies.set(key, found);
    return found;
  };
  const decayNow = Math.pow(0.5, (query.now - index.referenceTime) / (index.halfLifeDays * DAY));
  for (const file of query.files) {
    for (const [key, stat] of index.statsFor(file.path) ?? []) {
      const entry = tally(key);
      entry.score += file.confidence * (query.recency ? stat.decayed * decayNow : stat.commits);
      entry.files.push({ path: file.path, commits: stat.commits, lines: stat.lines, lastTime: stat.lastTime });
    }
    for (const match of query.ownersOf?.(file.path) ?? []) {
      for (const handle of match.owners) {
        const person = query.people.find(
          (p) => p.handles?.some((h) => h.toLowerCase() === handle.toLowerCase()) || p.email.toLowerCase() === handle.toLowerCase(),
        );
        if (!person) continue;
        const entry = tally(person.email.toLowerCase());
        entry.score += file.confidence * OWNER_BONUS;
        entry.ownership.add(`CODEOWNERS ${match.rule.pattern} (line ${match.rule.line})`);
      }
    }
  }
  const experts: Expert[] = [];
  for (const [key, entry] of tallies) {
    const author = index.author(key);
    const person = query.people.find((p) => p.email.toLowerCase() === key);
    const name = person?.name ?? author?.name ?? key;
    const email = author?.email ?? person?.email ?? key;
    if (query.me && email.toLowerCase() === query.me.toLowerCase()) continue;
    if (query.botPatterns.some((pattern) => pattern.test(name) || pattern.test(email))) continue;
    const inPreferredRegion = Boolean(query.preferredRegion && person?.region && person.region.toLowerCase() === query.preferredRegion.toLowerCase());
    experts.push({
      key,
      name,
      email,
      score: round(entry.score * (inPreferredRegion ? REGION_FACTOR : 1)),
      files: entry.files.sort((a, b) => b.commits - a.commits || a.path.localeCompare(b.path)),
      ownership: [...entry.ownership],
      region: person?.region,
      inPreferredRegion,
    });
  }
  return experts.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
}

export function botPatterns(sources: readonly string[]): RegExp[] {
  return sources.flatMap((source) => {
    try {
      return [new RegExp(source, 'i')];
    } catch {
      return [];
    }
  });
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
