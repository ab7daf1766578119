/**
 * Severity, region and team from a GitHub issue's labels. Repositories spell severity many ways
 * (`S1`, `P1`, `sev-1`, `severity:1`, `priority: high`), so a sensible reading of the common ones is
 * the default, and exact labels configured for a source win over it.
 */
import type { Severity } from '../../core/severity';

export interface GithubLabelScheme {
  /** Exact labels (compared without case) for each severity: `{ "P0": 1, "bug: minor": 4 }`. */
  readonly severityLabels?: Readonly<Record<string, number>>;
  /** `region:` → `region: EMEA`. */
  readonly regionPrefix: string;
  /** `team:` → `team: billing`; a hand-off swaps it. */
  readonly teamPrefix: string;
}

export const DEFAULT_GITHUB_LABEL_SCHEME: GithubLabelScheme = { regionPrefix: 'region:', teamPrefix: 'team:' };

const NUMBERED = /^(?:s|p|sev|severity|priority|prio)\s*[:/_-]?\s*:?\s*([0-4])$/;
const WORDED = /^(?:severity|priority|prio|sev)\s*[:/_-]?\s*:?\s*(critical|urgent|blocker|high|major|medium|normal|moderate|low|minor|trivial)$/;
const WORDS: Readonly<Record<string, 1 | 2 | 3 | 4>> = {
  critical: 1,
  urgent: 1,
  blocker: 1,
  high: 2,
  major: 2,
  medium: 3,
  normal: 3,
  moderate: 3,
  low: 4,
  minor: 4,
  trivial: 4,
};

/** The severity a label means, if any: `P0` and `S0` count as the most urgent. */
export function labelSeverity(label: string, scheme: GithubLabelScheme): 1 | 2 | 3 | 4 | undefined {
  const text = label.trim().toLowerCase();
  const configured = Object.entries(scheme.severityLabels ?? {}).find(([name]) => name.trim().toLowerCase() === text)?.[1];
  if (configured !== undefined) return configured >= 1 && configured <= 4 ? (configured as 1 | 2 | 3 | 4) : undefined;
  const numbered = NUMBERED.exec(text)?.[1];
  if (numbered !== undefined) return Math.max(1, Number(numbered)) as 1 | 2 | 3 | 4;
  const worded = WORDED.exec(text)?.[1];
  return worded === undefined ? undefined : WORDS[worded];
}

export interface LabelReading {
  readonly severity: Severity;
  readonly region?: string;
  readonly team?: string;
  /** The labels that mean none of these, for people to read. */
  readonly others: readonly string[];
}

/** The most urgent severity among the labels wins: a ticket labelled both P1 and P3 is treated as P1. */
export function readLabels(labels: readonly string[], scheme: GithubLabelScheme): LabelReading {
  const severities = labels.map((l) => labelSeverity(l, scheme)).filter((s): s is 1 | 2 | 3 | 4 => s !== undefined);
  const valueOf = (prefix: string): string | undefined => {
    const found = labels.find((l) => hasPrefix(l, prefix));
    return found === undefined ? undefined : found.slice(prefix.length).trim() || undefined;
  };
  return {
    severity: severities.length > 0 ? (Math.min(...severities) as 1 | 2 | 3 | 4) : 'unknown',
    region: valueOf(scheme.regionPrefix),
    team: valueOf(scheme.teamPrefix),
    others: labels.filter((l) => labelSeverity(l, scheme) === undefined && !hasPrefix(l, scheme.regionPrefix) && !hasPrefix(l, scheme.teamPrefix)),
  };
}

/** GitHub compares label names without case. */
export function hasPrefix(label: string, prefix: string): boolean {
  return label.toLowerCase().startsWith(prefix.toLowerCase());
}

/** The label that puts a ticket with a team: `team: billing` for the prefix `team: `, `team:billing` for `team:`. */
export function teamLabel(team: string, scheme: GithubLabelScheme): string {
  return `${scheme.teamPrefix}${team}`;
}
