/**
 * How one CODEOWNERS pattern matches a repository path. Both hosts define their patterns by the
 * .gitignore format; the matching itself is `gitignorePattern.ts`, written from gitignore(5) and
 * git's wildmatch, and held by a differential test to the answers of `ignore` (node-ignore, which
 * is tested against git itself) on the CODEOWNERS fixtures, tricky patterns and random ones. Only
 * the hosts' documented departures from .gitignore are handled here:
 * - GitHub: `dir/*` is the files directly in `dir`, not (as in .gitignore) everything below it.
 * - GitLab (`File.fnmatch`, with `/**` put before a relative pattern): a pattern without a leading
 *   `/` matches at any depth, even with a slash inside; without a trailing `/` it matches the path
 *   itself only, not what lies below it (`/docs` is a file, `/docs/` the directory).
 * Both hosts compare paths with case. A pattern that .gitignore reads as a comment (`#x`) or a
 * negation (`!x`) matches nothing: neither host has negation, and the callers strip comments and
 * GitLab's `!` exclusions before they get here.
 */
import { compileGitignorePattern } from './gitignorePattern';

export type CodeownersFlavour = 'github' | 'gitlab';

export interface CompiledPattern {
  /** Every path the pattern can match starts with this; lets hundreds of rules skip a path cheaply. */
  readonly prefix: string;
  matches(path: string): boolean;
}

const WILDCARD = /[*?[\\]/;

/** Matches one .gitignore pattern against a repository path; a parameter so a test can compare implementations. */
type GitignoreMatcher = (gitignorePattern: string) => (path: string) => boolean;

export function compilePattern(pattern: string, flavour: CodeownersFlavour, gitignoreMatcher: GitignoreMatcher = compileGitignorePattern): CompiledPattern {
  const { gitignore, anchored, selfOnly } = flavour === 'github' ? githubPattern(pattern) : gitlabPattern(pattern);
  const matcher = gitignoreMatcher(gitignore);
  const prefix = anchored ? literalPrefix(gitignore) : '';
  return {
    prefix,
    matches: (path) => {
      if (!path.startsWith(prefix) || !matcher(path)) return false;
      if (!selfOnly) return true;
      // .gitignore also matches everything below a matching directory; here only the path itself
      // counts, so a match that comes from the parent directory is not one. (A path matched both
      // itself and through its parent, like `**/docs` on `docs/docs`, is missed: rare enough.)
      const parent = path.slice(0, path.lastIndexOf('/') + 1);
      return parent === '' || !matcher(parent);
    },
  };
}

/**
 * A repository-relative path (`services/x.rb`), or undefined for one that cannot be in the
 * repository (`../x`, `.`, empty).
 */
export function repositoryPath(path: string): string | undefined {
  const clean = path.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
  return clean !== '' && !/^\.\.?(\/|$)/.test(clean) ? clean : undefined;
}

/** A pattern that matches every file: the repository's default owner, weak evidence of anything. */
export function isCatchAll(pattern: string): boolean {
  if (pattern === '*') return true;
  const segments = pattern.replace(/^\//, '').replace(/\/$/, '').split('/');
  const last = segments[segments.length - 1];
  const leading = segments.slice(0, -1);
  return leading.every((s) => s === '**') && (last === '**' || (leading.length > 0 && last === '*'));
}

/** How many path segments the pattern names literally: `/services/billing/` 2, `*.md` 0. */
export function patternSpecificity(pattern: string): number {
  return pattern.split('/').filter((segment) => segment !== '' && !/[*?[]/.test(segment)).length;
}

interface GitignorePattern {
  readonly gitignore: string;
  readonly anchored: boolean;
  readonly selfOnly: boolean;
}

function githubPattern(pattern: string): GitignorePattern {
  return {
    gitignore: pattern,
    // .gitignore anchors a pattern with a slash at its start or in its middle.
    anchored: pattern.replace(/\/$/, '').includes('/'),
    selfOnly: /(^|\/)\*$/.test(pattern) && pattern !== '*' && !pattern.endsWith('**/*'),
  };
}

function gitlabPattern(pattern: string): GitignorePattern {
  if (pattern === '*') return { gitignore: '*', anchored: false, selfOnly: false };
  const anchored = pattern.startsWith('/');
  return {
    // .gitignore reads the escapes (`\#`, `\ `) as GitLab does.
    gitignore: anchored || pattern.startsWith('**/') ? pattern : `**/${pattern}`,
    anchored,
    selfOnly: !pattern.endsWith('/'),
  };
}

/** The literal directories an anchored pattern starts with: `/services/api/*.ts` → `services/api/`. */
function literalPrefix(anchoredPattern: string): string {
  const directory = anchoredPattern.endsWith('/');
  const segments = anchoredPattern.replace(/^\//, '').replace(/\/$/, '').split('/');
  // The last segment may be the file itself, so only a directory pattern's last segment counts.
  const candidates = directory ? segments : segments.slice(0, -1);
  const literal: string[] = [];
  for (const segment of candidates) {
    if (WILDCARD.test(segment)) break;
    literal.push(segment);
  }
  return literal.length > 0 ? `${literal.join('/')}/` : '';
}
