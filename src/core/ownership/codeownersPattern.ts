/**
 * How one CODEOWNERS pattern matches a repository path. The matching itself is `ignore`'s
 * (node-ignore): a well-kept, widely used implementation of the gitignore pattern format that
 * CODEOWNERS patterns are defined by, tested against git's own behaviour and relied on by ESLint
 * and Prettier, which is surer than glob code of our own. Only the hosts' documented departures
 * from .gitignore are handled here:
 * - GitHub: `dir/*` is the files directly in `dir`, not (as in .gitignore) everything below it.
 * - GitLab (`File.fnmatch`, with `/**` put before a relative pattern): a pattern without a leading
 *   `/` matches at any depth, even with a slash inside; without a trailing `/` it matches the path
 *   itself only, not what lies below it (`/docs` is a file, `/docs/` the directory).
 * Both hosts compare paths with case.
 */
import ignore from 'ignore';

export type CodeownersFlavour = 'github' | 'gitlab';

export interface CompiledPattern {
  /** Every path the pattern can match starts with this; lets hundreds of rules skip a path cheaply. */
  readonly prefix: string;
  matches(path: string): boolean;
}

const WILDCARD = /[*?[\\]/;

export function compilePattern(pattern: string, flavour: CodeownersFlavour): CompiledPattern {
  const { gitignore, anchored, selfOnly } = flavour === 'github' ? githubPattern(pattern) : gitlabPattern(pattern);
  const matcher = ignore({ ignorecase: false }).add(gitignore);
  const prefix = anchored ? literalPrefix(gitignore) : '';
  return {
    prefix,
    matches: (path) => {
      if (!path.startsWith(prefix) || !matcher.ignores(path)) return false;
      if (!selfOnly) return true;
      // .gitignore also matches everything below a matching directory; here only the path itself
      // counts, so a match that comes from the parent directory is not one. (A path matched both
      // itself and through its parent, like `**/docs` on `docs/docs`, is missed: rare enough.)
      const parent = path.slice(0, path.lastIndexOf('/') + 1);
      return parent === '' || !matcher.ignores(parent);
    },
  };
}

/**
 * A repository-relative path as `ignore` takes it (`services/x.rb`), or undefined for one that
 * cannot be in the repository (`../x`, empty).
 */
export function repositoryPath(path: string): string | undefined {
  const clean = path.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
  return clean !== '' && ignore.isPathValid(clean) ? clean : undefined;
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
    // `ignore` reads the escapes (`\#`, `\ `) as GitLab does.
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
