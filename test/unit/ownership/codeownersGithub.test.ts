import { strict as assert } from 'node:assert';
import { codeownersLocation, codeownersMatcher, parseCodeowners } from '../../../src/core/ownership/codeowners';

/** The shape of GitHub's documented example file. */
const GITHUB_EXAMPLE = `
# These owners will be the default owners for everything in the repo.
*       @global-owner1 @global-owner2

# Order is important; the last matching pattern takes the most precedence.
*.js    @js-owner #This is an inline comment.
*.go docs@example.com
*.txt @octo-org/octocats
/build/logs/ @doctocat
docs/*  docs@example.com
apps/ @octocat
/docs/ @doctocat
/scripts/ @doctocat @octocat
**/logs @octocat
/apps/ @octocat
/apps/github
/apps/ @octocat
/apps/github @doctocat
\\#notes/ @hash-owner
`;

describe('CODEOWNERS, GitHub syntax', () => {
  const codeowners = parseCodeowners(GITHUB_EXAMPLE, 'github');
  const owners = codeownersMatcher(codeowners);
  const of = (path: string): readonly string[] | undefined => owners(path)[0]?.owners;

  it('lets the last matching rule win', () => {
    assert.deepEqual(of('README.md'), ['@global-owner1', '@global-owner2']);
    assert.deepEqual(of('src/app.js'), ['@js-owner']);
    assert.deepEqual(of('cmd/main.go'), ['docs@example.com']);
    assert.deepEqual(of('apps/github/deploy.sh'), ['@doctocat']);
  });

  it('anchors a leading slash at the root and matches a bare directory at any depth', () => {
    assert.deepEqual(of('build/logs/today.log'), ['@octocat'], '**/logs comes later than /build/logs/');
    assert.deepEqual(of('services/apps/x.rb'), ['@octocat']);
    assert.deepEqual(of('scripts/deploy.sh'), ['@doctocat', '@octocat']);
    assert.deepEqual(of('tools/scripts/run.sh'), ['@global-owner1', '@global-owner2']);
  });

  it('reads docs/* as the files directly in docs, not deeper (unlike .gitignore)', () => {
    const matcher = codeownersMatcher(parseCodeowners('* @all\ndocs/* @docs-owner', 'github'));
    assert.deepEqual(matcher('docs/getting-started.md')[0]?.owners, ['@docs-owner']);
    assert.deepEqual(matcher('docs/build-app/troubleshooting.md')[0]?.owners, ['@all']);
  });

  it('gives no owner for a rule without owners', () => {
    const matcher = codeownersMatcher(parseCodeowners('* @all\n/apps/ @octocat\n/apps/github', 'github'));
    assert.deepEqual(matcher('apps/github/x.ts')[0]?.owners, []);
  });

  it('keeps escaped # in patterns and drops inline comments', () => {
    assert.deepEqual(of('#notes/todo.md'), ['@hash-owner']);
    assert.equal(codeowners.rules.find((r) => r.pattern === '*.js')?.owners.length, 1);
  });

  it('reports negation, character ranges and owners that are not owners, keeping the rest', () => {
    const parsed = parseCodeowners('* @all\n!secret/ @x\n[ab]c.md @y\n/docs/ team-without-at @docs', 'github');
    assert.deepEqual(parsed.problems.map((p) => p.line), [2, 3, 4]);
    assert.deepEqual(codeownersMatcher(parsed)('docs/a.md')[0]?.owners, ['@docs']);
  });

  it('is looked for in .github/, the root and docs/, in that order', () => {
    const existing = new Set(['CODEOWNERS', 'docs/CODEOWNERS']);
    assert.equal(codeownersLocation('github', (p) => existing.has(p)), 'CODEOWNERS');
    existing.add('.github/CODEOWNERS');
    assert.equal(codeownersLocation('github', (p) => existing.has(p)), '.github/CODEOWNERS');
    assert.equal(codeownersLocation('gitlab', (p) => existing.has(p)), 'CODEOWNERS');
    assert.equal(codeownersLocation('gitlab', () => false), undefined);
  });
});
