/**
 * CODEOWNERS in GitHub's and GitLab's syntax: where the file is, its rules, and who owns a path.
 * GitHub reads one list in which the last matching rule wins. GitLab reads sections (`[Name]`,
 * optional `^[Name]`, `[Name][2]` approvals, default owners on the header line): the last matching
 * rule wins within each section, and every section applies. Lines the host would not honour are
 * reported with their line number and skipped; nothing here throws on a bad file.
 */
import { compilePattern, repositoryPath, type CodeownersFlavour, type CompiledPattern } from './codeownersPattern';
import { patternIndex } from './patternIndex';

export type { CodeownersFlavour } from './codeownersPattern';

export interface CodeownersSection {
  /** As first written; '' for the rules before any section (and for all of GitHub's). */
  readonly name: string;
  /** `^[Name]`: owners are named but their approval is not required. */
  readonly optional: boolean;
  /** Approvals the section asks for (`[Name][2]`); 1 when not given. */
  readonly approvals: number;
  /** Owners on the section's header line(s). */
  readonly defaultOwners: readonly string[];
}

export interface CodeownersRule {
  readonly line: number;
  /** As written in the file, e.g. `/services/billing/` or GitLab's `!pom.xml`. */
  readonly pattern: string;
  /** Empty: the matching files have no owner (GitHub's pattern without owners, a GitLab exclusion). */
  readonly owners: readonly string[];
  /** GitLab: the rule names no owners, so its section header's default owners apply. */
  readonly ownersFromSection: boolean;
  /** GitLab's `!pattern`: matching files need no owner in this section, whatever else matches. */
  readonly exclusion: boolean;
  /** Key of its section in `Codeowners.sections`: the lower-cased name. */
  readonly section: string;
}

export interface CodeownersProblem {
  readonly line: number;
  readonly message: string;
}

export interface Codeowners {
  readonly flavour: CodeownersFlavour;
  readonly rules: readonly CodeownersRule[];
  /** By lower-cased name, in the order they first appear; '' is the rules before any section. */
  readonly sections: ReadonlyMap<string, CodeownersSection>;
  readonly problems: readonly CodeownersProblem[];
}

/** The rule that decides a path's owners in one section. */
export interface OwnerMatch {
  readonly section: CodeownersSection;
  readonly rule: CodeownersRule;
  readonly owners: readonly string[];
}

/** Where each host looks for the file, in the order it looks. */
const LOCATIONS: Record<CodeownersFlavour, readonly string[]> = {
  github: ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'],
  gitlab: ['CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'],
};

const DEFAULT_SECTION: CodeownersSection = { name: '', optional: false, approvals: 1, defaultOwners: [] };
const SECTION_HEADER = /^(\^)?\[([^\]]*)\](?:\[(\d*)\])?(.*)$/;
/** A line GitLab would read as a section header: `[Name]`, `^[Name][2] @owner`, not `[ab].md`. */
const LOOKS_LIKE_SECTION = /^\^?\[[^\]]+\](?:\[\d*\])?(?:\s|$)/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const HANDLE: Record<CodeownersFlavour, RegExp> = {
  github: /^@[\w.-]+(?:\/[\w.-]+)?$/,
  // GitLab adds nested groups (`@group/sub/team`) and roles (`@@maintainer`).
  gitlab: /^(?:@@[\w-]+|@[\w.-]+(?:\/[\w.-]+)*)$/,
};

type Report = (line: number, message: string) => void;

/** The file the host would use, given the repository's files (a list, or a test for one path). */
export function codeownersLocation(flavour: CodeownersFlavour, existing: readonly string[] | ((path: string) => boolean)): string | undefined {
  const exists = typeof existing === 'function' ? existing : listed(existing);
  return LOCATIONS[flavour].find(exists);
}

export function parseCodeowners(text: string, flavour: CodeownersFlavour): Codeowners {
  const rules: CodeownersRule[] = [];
  const sections = new Map<string, CodeownersSection>([['', DEFAULT_SECTION]]);
  const problems: CodeownersProblem[] = [];
  const report: Report = (line, message) => problems.push({ line, message });
  // Rules take the default owners of the header they follow: GitLab resolves them per header
  // line, so a repeated section's second header gives its own defaults to the rules below it.
  let header: SectionHeader = { key: '', defaultOwners: [] };
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trim();
    if (content === '' || content.startsWith('#')) return;
    if (flavour === 'gitlab' && /^\^?\[/.test(content)) {
      header = readSectionHeader(content, line, sections, report) ?? header;
      return;
    }
    const rule = flavour === 'github' ? githubRule(content, line, report) : gitlabRule(content, line, header, report);
    if (rule) rules.push(rule);
  });
  return { flavour, rules, sections, problems };
}

/** Compiles every pattern once; a path is then tested only against the rules for its directories. */
export function codeownersMatcher(codeowners: Codeowners): (path: string) => OwnerMatch[] {
  const candidatesFor = patternIndex(
    codeowners.rules.map((rule) => ({ rule, pattern: compilePattern(rule.exclusion ? rule.pattern.slice(1) : rule.pattern, codeowners.flavour) })),
  );
  return (path) => {
    const target = repositoryPath(path);
    if (target === undefined) return [];
    const lastFirst = candidatesFor(target).reverse();
    const winners = new Map<string, CodeownersRule>();
    // An exclusion wins over every rule of its section, wherever it stands (GitLab); otherwise
    // the last matching rule of each section does.
    decide(
      winners,
      lastFirst.filter((c) => c.rule.exclusion),
      target,
    );
    decide(
      winners,
      lastFirst.filter((c) => !c.rule.exclusion),
      target,
    );
    return [...codeowners.sections.entries()].flatMap(([key, section]) => {
      const rule = winners.get(key);
      return rule ? [{ section, rule, owners: rule.owners }] : [];
    });
  };
}

const matchers = new WeakMap<Codeowners, (path: string) => OwnerMatch[]>();

/** The rules that decide a path's owners, one per section; compiled on first use and kept. */
export function ownersOf(codeowners: Codeowners, path: string): OwnerMatch[] {
  let matcher = matchers.get(codeowners);
  if (!matcher) {
    matcher = codeownersMatcher(codeowners);
    matchers.set(codeowners, matcher);
  }
  return matcher(path);
}

/** Where a match comes from, for people: `/services/billing/ (line 6)`, `docs/ (line 9, [Docs])`. */
export function describeRule(match: OwnerMatch): string {
  return `${match.rule.pattern} (line ${match.rule.line}${match.section.name ? `, [${match.section.name}]` : ''})`;
}

interface SectionHeader {
  readonly key: string;
  readonly defaultOwners: readonly string[];
}

interface CompiledRule {
  readonly rule: CodeownersRule;
  readonly pattern: CompiledPattern;
}

function listed(paths: readonly string[]): (path: string) => boolean {
  const set = new Set(paths.map(repositoryPath));
  return (path) => set.has(path);
}

function readSectionHeader(content: string, line: number, sections: Map<string, CodeownersSection>, report: Report): SectionHeader | undefined {
  const parts = SECTION_HEADER.exec(content);
  const name = parts?.[2]?.trim() ?? '';
  if (!parts || name === '') {
    report(line, `"${content}" is not a section header ([Name], ^[Name], [Name][2]); it is skipped.`);
    return undefined;
  }
  const key = name.toLowerCase();
  const optional = parts[1] === '^';
  // GitLab counts a missing or zero approval count as 1.
  const approvals = Math.max(1, Number(parts[3] || 1));
  const defaultOwners = gitlabOwners(parts[4] ?? '', line, report);
  const known = sections.get(key);
  // Headers that differ only in case are one section, named as first written; it is optional only
  // when every header says so, and asks for the most approvals any header asks for.
  sections.set(
    key,
    known
      ? {
          name: known.name,
          optional: known.optional && optional,
          approvals: Math.max(known.approvals, approvals),
          defaultOwners: [...new Set([...known.defaultOwners, ...defaultOwners])],
        }
      : { name, optional, approvals, defaultOwners },
  );
  return { key, defaultOwners };
}

function githubRule(content: string, line: number, report: Report): CodeownersRule | undefined {
  const [pattern, rest] = splitPattern(content.replace(/\s#.*$/, ''));
  const unsupported = githubUnsupported(content, pattern);
  if (unsupported) {
    report(line, `${unsupported}; the line is skipped.`);
    return undefined;
  }
  return { line, pattern, owners: readOwners(rest, 'github', line, report), ownersFromSection: false, exclusion: false, section: '' };
}

/** The gitignore syntax GitHub documents as not working in CODEOWNERS. */
function githubUnsupported(content: string, pattern: string): string | undefined {
  if (pattern.startsWith('\\#')) return `"${pattern}": GitHub does not read \\# as an escaped #`;
  if (pattern.startsWith('!')) return `"${pattern}": GitHub does not support negation with !`;
  if (LOOKS_LIKE_SECTION.test(content)) return `"${content}" looks like a GitLab section; GitHub's CODEOWNERS has none`;
  if (/(^|[^\\])\[/.test(pattern)) return `"${pattern}": GitHub does not support character ranges [ ]`;
  return undefined;
}

function gitlabRule(content: string, line: number, header: SectionHeader, report: Report): CodeownersRule | undefined {
  const [pattern, rest] = splitPattern(content);
  const named = gitlabOwners(rest, line, report);
  if (pattern === '!') {
    report(line, '"!" excludes nothing; the line is skipped.');
    return undefined;
  }
  if (pattern.startsWith('!')) {
    if (named.length > 0) report(line, `"${pattern}" is an exclusion: its owners are ignored.`);
    return { line, pattern, owners: [], ownersFromSection: false, exclusion: true, section: header.key };
  }
  const owners = named.length > 0 ? named : header.defaultOwners;
  if (owners.length === 0) report(line, `"${pattern}" has no owners and its section gives none: the files it matches have no owner there.`);
  return { line, pattern, owners, ownersFromSection: named.length === 0 && owners.length > 0, exclusion: false, section: header.key };
}

/** GitLab has no inline comments: owners named after a `#` still count, other words there do not. */
function gitlabOwners(text: string, line: number, report: Report): string[] {
  const tokens = text.split(/\s+/).filter((token) => token !== '');
  const comment = tokens.findIndex((token) => token.startsWith('#'));
  if (comment < 0) return readOwners(text, 'gitlab', line, report);
  const owners = readOwners(tokens.slice(0, comment).join(' '), 'gitlab', line, report);
  const commented = tokens.slice(comment).filter((token) => isOwner(token, 'gitlab'));
  report(
    line,
    commented.length > 0
      ? `GitLab has no inline comments: ${commented.join(' ')} after # still count as owners.`
      : 'GitLab has no inline comments: the words after # are ignored.',
  );
  return [...owners, ...commented];
}

function readOwners(text: string, flavour: CodeownersFlavour, line: number, report: Report): string[] {
  return text
    .split(/\s+/)
    .filter((token) => token !== '')
    .filter((token) => {
      if (isOwner(token, flavour)) return true;
      report(line, `"${token}" is not an owner (@user, @org/team or an e-mail address); it is ignored.`);
      return false;
    });
}

function isOwner(token: string, flavour: CodeownersFlavour): boolean {
  return HANDLE[flavour].test(token) || EMAIL.test(token);
}

/** The pattern runs to the first whitespace not escaped with `\` (`path\ with\ spaces/`). */
function splitPattern(content: string): [string, string] {
  const end = /(?<!\\)\s/.exec(content);
  return end ? [content.slice(0, end.index), content.slice(end.index)] : [content, ''];
}

/** Gives each section still undecided the first of `candidates` that matches the path. */
function decide(winners: Map<string, CodeownersRule>, candidates: readonly CompiledRule[], path: string): void {
  for (const { rule, pattern } of candidates) {
    if (!winners.has(rule.section) && pattern.matches(path)) winners.set(rule.section, rule);
  }
}
