/**
 * CODEOWNERS in GitHub's and GitLab's syntax. Paths are matched by `ignore` (node-ignore): the
 * gitignore implementation ESLint and Prettier rely on, kept up to date and tested against git's
 * own behaviour. CODEOWNERS patterns are gitignore patterns with a few documented differences,
 * handled here: no `!` negation, no `[ ]` ranges on GitHub, `dir/*` meaning direct children only,
 * and on GitLab a pattern without a leading `/` matching at any depth.
 */
import ignore, { type Ignore } from 'ignore';

export type CodeownersFlavour = 'github' | 'gitlab';

export interface CodeownersSection {
  readonly name: string;
  readonly optional: boolean;
  /** Approvals a GitLab section asks for (`[Name][2]`); 1 when not given. */
  readonly approvals: number;
  /** Owners on the section line, for its rules that name none (GitLab). */
  readonly defaultOwners: readonly string[];
}

export interface CodeownersRule {
  readonly line: number;
  readonly pattern: string;
  /** Empty: the matching files have no owner (GitHub), or the section's default owners (GitLab). */
  readonly owners: readonly string[];
  /** Lower-cased section name; '' outside any section. */
  readonly section: string;
}

export interface Codeowners {
  readonly flavour: CodeownersFlavour;
  readonly rules: readonly CodeownersRule[];
  readonly sections: ReadonlyMap<string, CodeownersSection>;
  readonly problems: readonly { readonly line: number; readonly message: string }[];
}

/** The owners of a path in one section: the last matching rule there wins. */
export interface OwnerMatch {
  readonly section: CodeownersSection;
  readonly rule: CodeownersRule;
  readonly owners: readonly string[];
}

const DEFAULT_SECTION: CodeownersSection = { name: '', optional: false, approvals: 1, defaultOwners: [] };
const SECTION_LINE = /^(\^)?\[([^\]]+)\](?:\[(\d+)\])?\s*(.*)$/;
const OWNER = /^(@[\w.-]+(\/[\w.-]+)*|[^@\s]+@[^@\s]+\.[^@\s]+)$/;

/** Where each flavour looks for the file, in the order the host checks. */
const LOCATIONS: Record<CodeownersFlavour, readonly string[]> = {
  github: ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'],
  gitlab: ['CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'],
};

export function codeownersLocation(flavour: CodeownersFlavour, exists: (path: string) => boolean): string | undefined {
  return LOCATIONS[flavour].find(exists);
}

export function parseCodeowners(text: string, flavour: CodeownersFlavour): Codeowners {
  const rules: CodeownersRule[] = [];
  const sections = new Map<string, CodeownersSection>([['', DEFAULT_SECTION]]);
  const problems: { line: number; message: string }[] = [];
  let section = '';
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = stripComment(raw).trim();
    if (content === '') return;
    const header = flavour === 'gitlab' ? SECTION_LINE.exec(content) : null;
    if (header) {
      section = (header[2] ?? '').trim().toLowerCase();
      const known = sections.get(section);
      const owners = splitOwners(header[4] ?? '', line, problems);
      // A repeated section adds to the first one (GitLab merges them).
      sections.set(section, {
        name: known?.name ?? (header[2] ?? '').trim(),
        optional: known ? known.optional && header[1] === '^' : header[1] === '^',
        approvals: Math.max(known?.approvals ?? 1, Number(header[3] ?? 1)),
        defaultOwners: owners.length > 0 ? owners : known?.defaultOwners ?? [],
      });
      return;
    }
    const [pattern, rest] = splitPattern(content);
    const problem = unsupported(pattern, flavour);
    if (problem) {
      problems.push({ line, message: problem });
      return;
    }
    rules.push({ line, pattern, owners: splitOwners(rest, line, problems), section });
  });
  return { flavour, rules, sections, problems };
}

/** Compiles once; matching a path then costs one test per rule. */
export function codeownersMatcher(codeowners: Codeowners): (path: string) => OwnerMatch[] {
  const compiled = codeowners.rules.map((rule) => ({ rule, matches: patternMatcher(rule.pattern, codeowners.flavour) }));
  return (path) => {
    const relative = path.replace(/^\/+/, '');
    const winners = new Map<string, CodeownersRule>();
    for (const { rule, matches } of compiled) if (matches(relative)) winners.set(rule.section, rule);
    return [...winners.values()].map((rule) => {
      const section = codeowners.sections.get(rule.section) ?? DEFAULT_SECTION;
      return { section, rule, owners: rule.owners.length > 0 || codeowners.flavour === 'github' ? rule.owners : section.defaultOwners };
    });
  };
}

/** A pattern that matches every file: the repository's default owner, weak evidence for a team. */
export function isCatchAll(pattern: string): boolean {
  return /^\/?(\*\*?)(\/\*\*?)*\/?$/.test(pattern);
}

function patternMatcher(pattern: string, flavour: CodeownersFlavour): (path: string) => boolean {
  const anywhere = flavour === 'gitlab' && !pattern.startsWith('/') && !pattern.startsWith('**/');
  const gitignorePattern = anywhere ? `**/${pattern}` : pattern;
  const matcher: Ignore = ignore().add(gitignorePattern);
  // `dir/*` is the files directly in `dir`, not (as in .gitignore) everything below it.
  const childrenOnly = /(^|\/)\*$/.test(pattern) && !pattern.endsWith('**/*') && pattern !== '*';
  return (path) => {
    if (!matcher.ignores(path)) return false;
    if (!childrenOnly) return true;
    const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    return parent === '' || !matcher.ignores(parent);
  };
}

function unsupported(pattern: string, flavour: CodeownersFlavour): string | undefined {
  if (pattern.startsWith('!')) return `"${pattern}": negation with ! is not supported in CODEOWNERS; the line is ignored.`;
  if (flavour === 'github' && /(^|[^\\])\[/.test(pattern)) return `"${pattern}": character ranges [ ] are not supported by GitHub's CODEOWNERS; the line is ignored.`;
  return undefined;
}

/** Removes a comment: `#` at the start or after whitespace. An escaped `\#` stays, as gitignore reads it. */
function stripComment(line: string): string {
  const match = /(^|\s)#/.exec(line.replace(/\\#/g, '\u0000\u0000'));
  return match ? line.slice(0, match.index) : line;
}

/** The pattern runs to the first unescaped space (`\ ` keeps a space in a path). */
function splitPattern(content: string): [string, string] {
  let pattern = '';
  let i = 0;
  for (; i < content.length; i++) {
    const char = content[i] ?? '';
    if (char === '\\' && content[i + 1] === ' ') {
      pattern += ' ';
      i++;
      continue;
    }
    if (/\s/.test(char)) break;
    pattern += char;
  }
  return [pattern, content.slice(i)];
}

function splitOwners(text: string, line: number, problems: { line: number; message: string }[]): string[] {
  return text
    .split(/\s+/)
    .filter((token) => token !== '')
    .filter((token) => {
      if (OWNER.test(token)) return true;
      problems.push({ line, message: `"${token}" is not an owner (@user, @org/team or an e-mail address); it is ignored.` });
      return false;
    });
}
