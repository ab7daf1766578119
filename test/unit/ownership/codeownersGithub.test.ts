import { strict as assert } from 'node:assert';
import { codeownersMatcher, describeRule, ownersOf, parseCodeowners } from '../../../src/core/ownership/codeowners';

/** The rules of GitHub's documented example file, in its order (line numbers matter below). */
const GITHUB_EXAMPLE = [
  '# Default owners of everything, unless a later rule matches.',
  '*       @global-owner1 @global-owner2',
  '',
  '*.js    @js-owner #This is an inline comment.',
  '*.go docs@example.com',
  '*.txt @octo-org/octocats',
  '/build/logs/ @doctocat',
  'docs/*  docs@example.com',
  'apps/ @octocat',
  '/docs/ @doctocat',
  '/scripts/ @doctocat @octocat',
  '**/logs @octocat',
  '/apps/ @octocat',
  '/apps/github',
].join('\n');

describe('CODEOWNERS, GitHub syntax', () => {
  const codeowners = parseCodeowners(GITHUB_EXAMPLE, 'github');
  const match = (path: string): { owners: readonly string[]; line: number } | undefined => {
    const found = ownersOf(codeowners, path);
    assert.ok(found.length <= 1, 'GitHub has one section, so at most one rule decides');
    return found[0] && { owners: found[0].owners, line: found[0].rule.line };
  };

  it('reads every rule of the documented example, skipping comments and blank lines, without problems', () => {
    assert.deepEqual(codeowners.problems, []);
    assert.deepEqual(
      codeowners.rules.map((r) => r.line),
      [2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
    );
  });

  it('gives everything to the * owners unless a later rule matches, dotfiles included', () => {
    assert.deepEqual(match('README.md'), { owners: ['@global-owner1', '@global-owner2'], line: 2 });
    assert.deepEqual(match('.github/workflows/ci.yml'), { owners: ['@global-owner1', '@global-owner2'], line: 2 });
  });

  it('lets the last matching rule win, and drops an inline comment', () => {
    assert.deepEqual(match('src/app.js'), { owners: ['@js-owner'], line: 4 });
    assert.deepEqual(match('cmd/server/main.go'), { owners: ['docs@example.com'], line: 5 });
    assert.deepEqual(match('notes/todo.txt'), { owners: ['@octo-org/octocats'], line: 6 });
  });

  it('anchors /build/logs/ at the root, where the later **/logs takes over', () => {
    assert.deepEqual(match('build/logs/today.log'), { owners: ['@octocat'], line: 12 });
    const alone = codeownersMatcher(parseCodeowners('* @all\n/build/logs/ @doctocat', 'github'));
    assert.deepEqual(alone('build/logs/deep/today.log')[0]?.owners, ['@doctocat']);
    assert.deepEqual(alone('src/build/logs/today.log')[0]?.owners, ['@all']);
  });

  it('reads docs/* as the files directly in docs/, not deeper ones (unlike .gitignore)', () => {
    const alone = codeownersMatcher(parseCodeowners('* @all\ndocs/* docs@example.com', 'github'));
    assert.deepEqual(alone('docs/getting-started.md')[0]?.owners, ['docs@example.com']);
    assert.deepEqual(alone('docs/build-app/troubleshooting.md')[0]?.owners, ['@all']);
  });

  it('lets the later /docs/ win over docs/* for every file below docs/', () => {
    assert.deepEqual(match('docs/getting-started.md'), { owners: ['@doctocat'], line: 10 });
    assert.deepEqual(match('docs/build-app/troubleshooting.md'), { owners: ['@doctocat'], line: 10 });
  });

  it('matches apps/ at any depth, but /docs/ and /scripts/ only at the root', () => {
    assert.deepEqual(match('services/apps/web/index.html'), { owners: ['@octocat'], line: 9 });
    assert.deepEqual(match('guides/docs/index.html'), { owners: ['@global-owner1', '@global-owner2'], line: 2 });
    assert.deepEqual(match('scripts/deploy.sh'), { owners: ['@doctocat', '@octocat'], line: 11 });
    assert.deepEqual(match('tools/scripts/run.sh'), { owners: ['@global-owner1', '@global-owner2'], line: 2 });
  });

  it('matches **/logs as a file or directory at any depth', () => {
    assert.deepEqual(match('deeply/nested/logs/app.log'), { owners: ['@octocat'], line: 12 });
    assert.deepEqual(match('scripts/logs/run.log'), { owners: ['@octocat'], line: 12 });
    assert.deepEqual(match('var/logs'), { owners: ['@octocat'], line: 12 });
  });

  it('leaves /apps/github without owners: a rule with none un-assigns what it matches', () => {
    assert.deepEqual(match('apps/github/deploy.sh'), { owners: [], line: 14 });
    assert.deepEqual(match('apps/gitlab/deploy.sh'), { owners: ['@octocat'], line: 13 });
  });

  it('compares paths with case, as GitHub does', () => {
    assert.deepEqual(match('src/APP.JS'), { owners: ['@global-owner1', '@global-owner2'], line: 2 });
    assert.deepEqual(match('Scripts/deploy.sh'), { owners: ['@global-owner1', '@global-owner2'], line: 2 });
  });

  it('explains a match by its pattern and line', () => {
    const [found] = ownersOf(codeowners, 'scripts/deploy.sh');
    assert.ok(found);
    assert.equal(describeRule(found), '/scripts/ (line 11)');
  });

  it('reports what GitHub does not support, with the line, and keeps the other rules', () => {
    const parsed = parseCodeowners(
      ['* @all', '!secret/ @x', '[ab]c.md @y', '\\#notes/ @z', '[Docs] @docs-team', '/docs/ team-without-at @docs'].join('\n'),
      'github',
    );
    assert.deepEqual(
      parsed.problems.map((p) => p.line),
      [2, 3, 4, 5, 6],
    );
    assert.match(parsed.problems[0]?.message ?? '', /negation/);
    assert.match(parsed.problems[1]?.message ?? '', /character ranges/);
    assert.match(parsed.problems[2]?.message ?? '', /\\#/);
    assert.match(parsed.problems[3]?.message ?? '', /GitLab section/);
    assert.match(parsed.problems[4]?.message ?? '', /"team-without-at" is not an owner/);
    assert.deepEqual(
      parsed.rules.map((r) => r.pattern),
      ['*', '/docs/'],
    );
    assert.deepEqual(ownersOf(parsed, 'docs/a.md')[0]?.owners, ['@docs']);
    assert.deepEqual(ownersOf(parsed, 'secret/key.pem')[0]?.owners, ['@all']);
  });

  it('keeps an escaped space in a pattern', () => {
    const parsed = parseCodeowners('/my\\ docs/ @writers', 'github');
    assert.deepEqual(parsed.rules[0]?.pattern, '/my\\ docs/');
    assert.deepEqual(ownersOf(parsed, 'my docs/intro.md')[0]?.owners, ['@writers']);
  });

  it('has no owner for a path no rule matches, and none for a path outside the repository', () => {
    const parsed = parseCodeowners('/src/ @dev', 'github');
    assert.deepEqual(ownersOf(parsed, 'README.md'), []);
    assert.deepEqual(ownersOf(parsed, '../src/x.ts'), []);
    assert.deepEqual(ownersOf(parsed, '/src/x.ts')[0]?.owners, ['@dev']);
  });
});
