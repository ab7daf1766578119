/**
 * The CODEOWNERS matcher against `ignore` (node-ignore), whose gitignore matching it replaced: the
 * same answers for both hosts on the CODEOWNERS fixtures, on patterns picked for git's corner cases
 * and on random ones, and no time that grows with the number of wildcards.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import ignore from 'ignore';
import { parseCodeowners } from '../../../src/core/ownership/codeowners';
import { compilePattern, repositoryPath, type CodeownersFlavour } from '../../../src/core/ownership/codeownersPattern';
import { compileGitignorePattern } from '../../../src/core/ownership/gitignorePattern';
import { REPO_ROOT } from '../../support/testPaths';

const FLAVOURS: readonly CodeownersFlavour[] = ['github', 'gitlab'];

/** The matching the CODEOWNERS rules had before, as the reference. */
function byIgnore(gitignorePattern: string): (path: string) => boolean {
  const matcher = ignore({ ignorecase: false }).add(gitignorePattern);
  return (path) => matcher.ignores(path);
}

/** `repositoryPath` as it was, with `ignore` deciding which paths are relative. */
function repositoryPathByIgnore(path: string): string | undefined {
  const clean = path.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
  return clean !== '' && ignore.isPathValid(clean) ? clean : undefined;
}

/**
 * Where we answer otherwise, on purpose. `ignore` tests a directory as its name with a slash
 * after it (`a/`), and lets a run of stars after an escaped slash (`\/**`, not `\/*`) match the
 * empty name behind that slash; git never tests such a name, and we read `\/**` as `\/*`. GitLab's
 * pattern must not match a path through its directory: `ignore` matched `x/#/`, so it refused `x/#/y`.
 */
const DIFFERENCES: { pattern: string; path: string; ours: boolean; flavour?: CodeownersFlavour }[] = [
  { pattern: 'a\\/**', path: 'a/', ours: false },
  { pattern: 'a\\/**', path: 'a/', ours: false, flavour: 'github' },
  { pattern: '#\\/**', path: 'x/#/y', ours: true, flavour: 'gitlab' },
];
const ESCAPED_SLASH_THEN_STARS = /(^|[^\\])(\\\\)*\\\/\*{2,} *$/;

function assertSameAnswers(pattern: string, paths: readonly string[]): void {
  if (ESCAPED_SLASH_THEN_STARS.test(pattern)) return;
  const ours = compileGitignorePattern(pattern);
  const reference = byIgnore(pattern);
  for (const path of paths) assert.equal(ours(path), reference(path), `${JSON.stringify(pattern)} on ${JSON.stringify(path)}`);
  for (const flavour of FLAVOURS) {
    const compiled = compilePattern(pattern, flavour);
    const expected = compilePattern(pattern, flavour, byIgnore);
    for (const path of paths) {
      assert.equal(compiled.matches(path), expected.matches(path), `${flavour}: ${JSON.stringify(pattern)} on ${JSON.stringify(path)}`);
    }
  }
}

/** A path and every directory above it, as a directory (`a/`, `a/b/`). */
function withDirectories(paths: readonly string[]): string[] {
  return [
    ...new Set(
      paths.flatMap((path) => [
        path,
        ...path
          .split('/')
          .slice(0, -1)
          .map((_, i, parts) => `${parts.slice(0, i + 1).join('/')}/`),
      ]),
    ),
  ];
}

const TEST_PATTERNS = [
  // The documented examples and generated monorepo files of the CODEOWNERS tests.
  ...['*', '*.js', '*.go', '*.txt', '/build/logs/', 'docs/*', 'apps/', '/docs/', '/scripts/', '**/logs', '/apps/', '/apps/github'],
  ...['README.md', '\\#notes.md', 'docs/', '*.md', '/config/', '/guides/', '/handbook/', 'internal/api/', '/path\\ with\\ spaces/'],
  ...['/internal/api/generated/', '/lib', '/config/**/*.rb', '/config/routes.rb', '*.rb', 'vendor/', 'src/*.ts', '/my\\ docs/', 'lib/'],
  ...['/.github/', '/services/billing/', '/services/billing/api/', '/services/billing/api/module0/**/*.ts', '/services/billing/**/migrations/'],
  ...['**/generated/', '/services/billing/lib/tax/', 'services/billing/', '**/*.invoice.ts', '[ab]c.md', '!secret/', '\\#notes/'],
];
const TEST_PATHS = withDirectories([
  ...['README.md', '.github/workflows/ci.yml', 'src/app.js', 'cmd/server/main.go', 'notes/todo.txt', 'build/logs/today.log'],
  ...['build/logs/deep/today.log', 'src/build/logs/today.log', 'docs/getting-started.md', 'docs/build-app/troubleshooting.md'],
  ...['services/apps/web/index.html', 'guides/docs/index.html', 'scripts/deploy.sh', 'tools/scripts/run.sh', 'deeply/nested/logs/app.log'],
  ...['scripts/logs/run.log', 'var/logs', 'apps/github/deploy.sh', 'apps/gitlab/deploy.sh', 'src/APP.JS', 'Scripts/deploy.sh', 'docs/intro.md'],
  ...['docs/diagram.png', 'guides/start.txt', 'handbook/intro.txt', 'config/app.yml', 'services/internal/api/routes.rb', 'vendor/lib/README.md'],
  ...['lib', 'lib/tasks/seed.rb', 'internal/api/generated/client.rb', 'services/internal/api/generated/client.rb', 'config/routes.rb'],
  ...['config/deep/x.rb', 'app/models/user.rb', 'vendor/lib.js', '#notes.md', 'path with spaces/file.txt', 'my docs/a.md', 'apps/github'],
  ...['apps/github/x.ts', 'lib/src/a.ts', 'src/a.ts', 'services/billing/api/module0/x/y.ts', 'services/billing/api/module0/y.ts'],
  ...['services/billing/worker/migrations/001.rb', 'services/billing/lib/tax/rate.rb', 'services/x/generated/a.ts', 'a/b.invoice.ts', 'bc.md'],
  ...['secret/key.pem', '#notes/a.md', 'docs/CODEOWNERS'],
]);

/** Patterns for git's corner cases: anchoring, `**` in each place, escapes, trailing spaces, bracket expressions. */
const TRICKY_PATTERNS = [
  ...['**', '/**', '**/', '/**/', '***', '/*', '*/', '/', '//', 'a', '/a', 'a/', '/a/', 'a/b', 'a/b/', 'a//b', 'a/*', 'a/*/', 'a/*/b'],
  ...['a/**', 'a/**/', 'a/**/b', 'a/**/**/b', 'a/***/b', '**/a', '**/**/a', '**/a/**', '**/a/**/b/**', 'a**', '**a', 'a**b', 'a/**b', 'x/**/*'],
  ...['*a*a*b', 'f*o/*/*', '*.*', '.*', '?', 'a?', '?/b', 'a/?/b', '*?*'],
  ...['[abc]', '[a-c]x', '[!a]', '[^a]', '[]]', '[!]]', '[]a]', '[a-]', '[-a]', '[c-a]', '[a-c-e]', '[\\]]', '[a\\-c]', '[\\', '[abc'],
  ...['[[:alpha:]]', '[[:digit:]x]', '[![:alpha:]]', '[[:punct:]]', '[[:space:]]', '[[:nope:]]', '[[:alpha:]', '[[:a]', '[/]', '[!/]x', 'a[/]b'],
  ...['\\*', '\\?', '\\[a]', '\\#a', '\\!a', '#a', '!a', '!', 'a\\ ', 'a ', 'a\\  ', 'a \\ ', 'a\\', 'a\\\\', 'a\\\\\\', 'a\\/', 'a\\/b', '\\/a'],
  ...['\\a', '\\d', '*\\*', '\\**', 'a\\/*', '$', '^a', 'a+b', '(a)', '{a,b}', 'a|b', 'a.b', 'a]b', '\t'],
];
const TRICKY_PATHS = withDirectories([
  ...['a', 'b', 'x', 'ab', 'aab', 'abb', 'foo', 'foo/b/c', 'a/b', 'a/b/c', 'a/x/b', 'a/x/y/b', 'x/a', 'x/a/b', 'x/a/y/b/z', 'x/y', 'a/b/', 'x/'],
  ...['.x', 'a.b', 'x/.x', 'a/.x/b', '*', '?', '[a]', ']', '-', '#a', '!a', 'a ', 'a  ', 'a\\', '$', '^a', 'a+b', '(a)', '{a,b}', 'a|b', 'a]b'],
  ...['\t', 'z', 'Z', '9', ':', 'x/9/y', 'aXb', 'a.b/c', 'ba/ab/aab', 'a/a/a/b', 'c/c', 'x/y/z/'],
]);

describe('the CODEOWNERS matcher against ignore', function () {
  this.timeout(60_000);

  it('answers as ignore did for the patterns and paths of the CODEOWNERS tests', () => {
    for (const pattern of TEST_PATTERNS) assertSameAnswers(pattern, TEST_PATHS);
  });

  it("answers as ignore did for the sample workspace's CODEOWNERS and files", () => {
    const sample = join(REPO_ROOT, 'sample');
    const { rules } = parseCodeowners(readFileSync(join(sample, '.github', 'CODEOWNERS'), 'utf8'), 'github');
    const files = readdirSync(sample, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) =>
        join(entry.parentPath, entry.name)
          .slice(sample.length + 1)
          .replace(/\\/g, '/'),
      );
    assert.ok(rules.length >= 5 && files.length >= 10, 'the sample has rules and files');
    for (const { pattern } of rules) assertSameAnswers(pattern, withDirectories(files));
  });

  it("answers as ignore did for git's corner cases", () => {
    for (const pattern of TRICKY_PATTERNS) assertSameAnswers(pattern, TRICKY_PATHS);
  });

  it('differs from ignore only where listed, with the answer git would give', () => {
    for (const { pattern, path, ours, flavour } of DIFFERENCES) {
      const reference = flavour ? compilePattern(pattern, flavour, byIgnore).matches(path) : byIgnore(pattern)(path);
      const answer = flavour ? compilePattern(pattern, flavour).matches(path) : compileGitignorePattern(pattern)(path);
      assert.deepEqual([answer, reference], [ours, !ours], `${flavour ?? 'gitignore'}: ${pattern} on ${path}`);
      assert.match(pattern, ESCAPED_SLASH_THEN_STARS);
    }
  });

  it('answers as ignore did for random patterns and paths', () => {
    const part = fc.constantFrom(...['a', 'b', 'ab', '.x', '*', '**', '***', '?', '[a-c]', '[!a]', '[]a]', '[c-a]', '[[:alpha:]]', '[a', '[/]']);
    const escaped = fc.constantFrom(...['\\*', '\\?', '\\[', '\\ ', '\\#', '\\/', '\\\\', '\\', ' ', '!', '#', ']', '$', '(', '^', '+', '.']);
    const segment = fc.array(fc.oneof({ arbitrary: part, weight: 4 }, { arbitrary: escaped, weight: 1 }), { minLength: 1, maxLength: 3 });
    const pattern = fc
      .tuple(fc.boolean(), fc.array(segment, { minLength: 1, maxLength: 4 }), fc.boolean())
      .map(([leading, segments, trailing]) => `${leading ? '/' : ''}${segments.map((s) => s.join('')).join('/')}${trailing ? '/' : ''}`);
    const name = fc.constantFrom(...['a', 'b', 'c', 'ab', 'ba', 'aab', '.x', 'a.x', '*', 'a b', '#', '!a', ']', '[', '\\', '-', '$']);
    const path = fc
      .tuple(fc.array(name, { minLength: 1, maxLength: 5 }), fc.boolean())
      .map(([names, directory]) => `${names.join('/')}${directory ? '/' : ''}`);
    fc.assert(
      fc.property(pattern, fc.array(path, { minLength: 1, maxLength: 10 }), (p, paths) => assertSameAnswers(p, paths)),
      { numRuns: 3000 },
    );
  });

  it('takes the same paths as inside the repository as ignore did', () => {
    const piece = fc.constantFrom(...['a', '.', '..', '...', '.a', '..a', '', '/', '\\', './', '../', 'a b']);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 5 }), (pieces) => {
        const path = pieces.join('');
        assert.equal(repositoryPath(path), repositoryPathByIgnore(path), JSON.stringify(path));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes a time that grows with the path, not with the wildcards', () => {
    const cases: [string, string][] = [
      ['*a*a*a*a*a*a*a*a*b', 'a'.repeat(2000)],
      ['*a*a*a*a*a*a*a*a*b', `${'a/'.repeat(1000)}a`],
      // `ignore` takes minutes over this one with 300 directories: each `**` retried every split.
      ['**/a/**/a/**/a/**/a/**/b', `${'a/'.repeat(1000)}c`],
      ['/**/a*a*a/**/a*a*/**/a*a*a*a*b/**/c', 'aaaaaaaaa/'.repeat(200)],
    ];
    for (const [pattern, path] of cases) {
      for (const flavour of FLAVOURS) {
        const started = performance.now();
        const matched = compilePattern(pattern, flavour).matches(path);
        const elapsed = performance.now() - started;
        assert.equal(matched, false, `${flavour}: ${pattern}`);
        assert.ok(elapsed < 250, `${flavour}: ${pattern} took ${elapsed.toFixed(0)} ms on a ${path.length}-character path`);
      }
    }
  });
});
