import { strict as assert } from 'node:assert';
import { codeownersLocation, codeownersMatcher, parseCodeowners } from '../../../src/core/ownership/codeowners';

const GITLAB_EXAMPLE = `
* @default-owner
README.md @docs

[Documentation] @docs-team
docs/
*.md @tech-writers

^[Optional review][2] @reviewers
/config/ @ops

[documentation]
/guides/ @guide-writers

[Backend][2] @backend-lead
internal/api/ @api-team
/path\\ with\\ spaces/ @space-owner
`;

describe('CODEOWNERS, GitLab syntax', () => {
  const codeowners = parseCodeowners(GITLAB_EXAMPLE, 'gitlab');
  const matcher = codeownersMatcher(codeowners);
  const bySection = (path: string): Record<string, readonly string[]> =>
    Object.fromEntries(matcher(path).map((m) => [m.section.name || '(default)', m.owners]));

  it('applies every section: the owners are the union over sections, each reported apart', () => {
    assert.deepEqual(bySection('docs/intro.md'), { '(default)': ['@default-owner'], Documentation: ['@tech-writers'] });
  });

  it('gives a section rule without owners the section line\'s default owners', () => {
    assert.deepEqual(bySection('docs/diagram.png'), { '(default)': ['@default-owner'], Documentation: ['@docs-team'] });
  });

  it('treats section names without regard to case and merges repeated sections', () => {
    assert.equal(codeowners.sections.size, 4);
    assert.deepEqual(bySection('guides/start.txt').Documentation, ['@guide-writers']);
  });

  it('reads optional sections and required approvals', () => {
    const optional = codeowners.sections.get('optional review');
    assert.deepEqual([optional?.optional, optional?.approvals], [true, 2]);
    assert.deepEqual([codeowners.sections.get('backend')?.optional, codeowners.sections.get('backend')?.approvals], [false, 2]);
    assert.deepEqual(bySection('config/app.yml')['Optional review'], ['@ops']);
  });

  it('matches a pattern without a leading slash at any depth', () => {
    assert.deepEqual(bySection('services/internal/api/routes.rb').Backend, ['@api-team']);
    assert.deepEqual(bySection('x/README.md')['(default)'], ['@docs']);
  });

  it('keeps escaped spaces in paths', () => {
    assert.deepEqual(bySection('path with spaces/file.txt').Backend, ['@space-owner']);
  });

  it('also looks in .gitlab/', () => {
    assert.equal(codeownersLocation('gitlab', (p) => p === '.gitlab/CODEOWNERS'), '.gitlab/CODEOWNERS');
    assert.equal(codeownersLocation('github', (p) => p === '.gitlab/CODEOWNERS'), undefined);
  });
});
