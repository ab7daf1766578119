import { strict as assert } from 'node:assert';
import { compilePattern, isCatchAll, patternSpecificity, repositoryPath } from '../../../src/core/ownership/codeownersPattern';

describe('one CODEOWNERS pattern', () => {
  it('tells a catch-all from a pattern that names something', () => {
    for (const pattern of ['*', '**', '/**', '**/*', '/**/*', '**/']) assert.equal(isCatchAll(pattern), true, pattern);
    for (const pattern of ['/*', '*.js', 'docs/*', '/docs/', '**/logs', '/']) assert.equal(isCatchAll(pattern), false, pattern);
  });

  it('counts the path segments a pattern names literally', () => {
    const cases: [string, number][] = [
      ['*', 0],
      ['*.md', 0],
      ['docs/*', 1],
      ['**/logs', 1],
      ['/services/billing/', 2],
      ['/services/billing/lib/tax/', 4],
      ['/services/*/lib/', 2],
    ];
    for (const [pattern, expected] of cases) assert.equal(patternSpecificity(pattern), expected, pattern);
  });

  it('takes paths relative to the repository root, and refuses ones outside it', () => {
    assert.equal(repositoryPath('services/x.rb'), 'services/x.rb');
    assert.equal(repositoryPath('./services/x.rb'), 'services/x.rb');
    assert.equal(repositoryPath('/services/x.rb'), 'services/x.rb');
    assert.equal(repositoryPath('services\\x.rb'), 'services/x.rb');
    assert.equal(repositoryPath('../x.rb'), undefined);
    assert.equal(repositoryPath(''), undefined);
  });

  it('lets paths outside an anchored pattern skip it by their prefix', () => {
    assert.equal(compilePattern('/services/billing/', 'github').prefix, 'services/billing/');
    assert.equal(compilePattern('/services/*/lib/', 'github').prefix, 'services/');
    assert.equal(compilePattern('docs/*', 'github').prefix, 'docs/');
    assert.equal(compilePattern('docs/*', 'gitlab').prefix, '', 'GitLab matches a relative pattern at any depth');
    assert.equal(compilePattern('apps/', 'github').prefix, '', '.gitignore matches a bare directory at any depth');
    assert.equal(compilePattern('/apps/github', 'github').prefix, 'apps/', 'the last segment may be a file');
  });

  it('reads the same pattern the way each host does', () => {
    const github = compilePattern('/apps/github', 'github');
    const gitlab = compilePattern('/apps/github', 'gitlab');
    assert.deepEqual([github.matches('apps/github'), github.matches('apps/github/x.ts')], [true, true]);
    assert.deepEqual([gitlab.matches('apps/github'), gitlab.matches('apps/github/x.ts')], [true, false]);
    assert.deepEqual(
      [compilePattern('src/*.ts', 'github').matches('lib/src/a.ts'), compilePattern('src/*.ts', 'gitlab').matches('lib/src/a.ts')],
      [false, true],
    );
  });
});
