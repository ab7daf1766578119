import { strict as assert } from 'node:assert';
import { describeRule, ownersOf, parseCodeowners } from '../../../src/core/ownership/codeowners';

/** Line numbers matter below. */
const GITLAB_EXAMPLE = [
  '* @default-owner', //                                    1
  'README.md @docs', //                                     2
  '\\#notes.md @hash-owner', //                             3
  '', //                                                    4
  '[Documentation] @docs-team', //                          5
  'docs/', //                                               6
  '*.md @tech-writers', //                                  7
  '', //                                                    8
  '^[Optional review][2] @reviewers', //                    9
  '/config/ @ops', //                                       10
  '', //                                                    11
  '[DOCUMENTATION]', //                                     12
  '/guides/ @guide-writers', //                             13
  '/handbook/', //                                          14
  '', //                                                    15
  '[Backend][2] @backend-lead', //                          16
  'internal/api/ @api-team', //                             17
  '/path\\ with\\ spaces/ @space-owner', //                18
  '!/internal/api/generated/', //                           19
  '/lib', //                                                20
].join('\n');

describe('CODEOWNERS, GitLab syntax', () => {
  const codeowners = parseCodeowners(GITLAB_EXAMPLE, 'gitlab');
  /** Section name → [owners, line]; '(default)' for the rules before any section. */
  const bySection = (path: string): Record<string, [readonly string[], number]> =>
    Object.fromEntries(ownersOf(codeowners, path).map((m) => [m.section.name || '(default)', [m.owners, m.rule.line]]));

  it('applies every section: the owners are the union over sections, each reported apart', () => {
    assert.deepEqual(bySection('docs/intro.md'), {
      '(default)': [['@default-owner'], 1],
      Documentation: [['@tech-writers'], 7],
    });
  });

  it("gives a rule without owners its section header's default owners", () => {
    assert.deepEqual(bySection('docs/diagram.png').Documentation, [['@docs-team'], 6]);
    const rule = codeowners.rules.find((r) => r.line === 6);
    assert.equal(rule?.ownersFromSection, true);
  });

  it('reads section names without regard to case and merges repeated sections under the first name', () => {
    assert.deepEqual(
      [...codeowners.sections.values()].map((s) => s.name),
      ['', 'Documentation', 'Optional review', 'Backend'],
    );
    assert.deepEqual(bySection('guides/start.txt').Documentation, [['@guide-writers'], 13]);
  });

  it("takes default owners from the header a rule follows, not from the section's other headers", () => {
    // [DOCUMENTATION] names no default owners, so /handbook/ has none there, and it says so.
    assert.deepEqual(bySection('handbook/intro.txt').Documentation, [[], 14]);
    assert.deepEqual(
      codeowners.problems.map((p) => p.line),
      [14],
    );
  });

  it('reads optional sections and required approvals', () => {
    const optional = codeowners.sections.get('optional review');
    assert.deepEqual([optional?.optional, optional?.approvals, optional?.defaultOwners], [true, 2, ['@reviewers']]);
    const backend = codeowners.sections.get('backend');
    assert.deepEqual([backend?.optional, backend?.approvals], [false, 2]);
    assert.deepEqual([codeowners.sections.get('documentation')?.optional, codeowners.sections.get('documentation')?.approvals], [false, 1]);
    const [found] = ownersOf(codeowners, 'config/app.yml').filter((m) => m.section.optional);
    assert.deepEqual(found?.owners, ['@ops']);
  });

  it('matches a pattern without a leading slash at any depth, even with a slash inside', () => {
    assert.deepEqual(bySection('services/internal/api/routes.rb').Backend, [['@api-team'], 17]);
    assert.deepEqual(bySection('vendor/lib/README.md')['(default)'], [['@docs'], 2]);
  });

  it('matches a pattern without a trailing slash as the path itself, not as a directory', () => {
    assert.deepEqual(bySection('lib').Backend, [['@backend-lead'], 20]);
    assert.equal(bySection('lib/tasks/seed.rb').Backend, undefined);
  });

  it('lets an exclusion win over every rule of its section, and only there', () => {
    assert.deepEqual(bySection('internal/api/generated/client.rb'), {
      '(default)': [['@default-owner'], 1],
      Backend: [[], 19],
    });
    assert.deepEqual(bySection('services/internal/api/generated/client.rb').Backend, [['@api-team'], 17]);
    const excluded = parseCodeowners('[Ruby]\n*.rb @ruby-team\n!/config/**/*.rb\n/config/routes.rb @ops', 'gitlab');
    assert.deepEqual(
      ownersOf(excluded, 'config/routes.rb').map((m) => m.owners),
      [[]],
      'a later rule cannot take back an exclusion',
    );
    assert.deepEqual(
      ownersOf(excluded, 'app/models/user.rb').map((m) => m.owners),
      [['@ruby-team']],
    );
  });

  it('gives an exclusion no owners even when the line names some, and says so', () => {
    const parsed = parseCodeowners('* @all\n!vendor/ @vendor-team', 'gitlab');
    assert.deepEqual(
      ownersOf(parsed, 'vendor/lib.js').map((m) => [m.rule.line, m.owners]),
      [[2, []]],
    );
    assert.deepEqual(
      parsed.problems.map((p) => p.line),
      [2],
    );
  });

  it('reads an escaped # and escaped spaces in patterns', () => {
    assert.deepEqual(bySection('#notes.md')['(default)'], [['@hash-owner'], 3]);
    assert.deepEqual(bySection('path with spaces/file.txt').Backend, [['@space-owner'], 18]);
  });

  it('explains a match with its section', () => {
    const [, found] = ownersOf(codeowners, 'docs/intro.md');
    assert.ok(found);
    assert.equal(describeRule(found), '*.md (line 7, [Documentation])');
  });

  it('makes a repeated section required when any of its headers is, asking for the most approvals any asks for', () => {
    const parsed = parseCodeowners('^[Docs]\n*.md @a\n[docs][3]\n*.txt @b\n^[Go]\n*.go @c\n[Zero][0]\n*.zero @d', 'gitlab');
    assert.deepEqual(
      [...parsed.sections.values()].map((s) => [s.name, s.optional, s.approvals]),
      [
        ['', false, 1],
        ['Docs', false, 3],
        ['Go', true, 1],
        ['Zero', false, 1],
      ],
    );
  });

  it('accepts roles, nested groups and e-mail addresses as owners', () => {
    const parsed = parseCodeowners('/config/ @@maintainer @group/with-nested/subgroup jane@example.com', 'gitlab');
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.rules[0]?.owners, ['@@maintainer', '@group/with-nested/subgroup', 'jane@example.com']);
  });

  it('has no inline comments: owners after # still count, and the line is reported', () => {
    const parsed = parseCodeowners('*.rb @ruby # reviewed by @alice', 'gitlab');
    assert.deepEqual(parsed.rules[0]?.owners, ['@ruby', '@alice']);
    assert.deepEqual(
      parsed.problems.map((p) => p.line),
      [1],
    );
  });

  it('reports a section header it cannot read and keeps the rules below in the previous section', () => {
    const parsed = parseCodeowners('[Docs]\n*.md @docs\n[Section name\n*.txt @text\n[ ]\n*.csv @data', 'gitlab');
    assert.deepEqual(
      parsed.problems.map((p) => p.line),
      [3, 5],
    );
    assert.deepEqual(
      parsed.rules.map((r) => r.section),
      ['docs', 'docs', 'docs'],
    );
  });

  it('reads a line that starts with [ as a section header, as GitLab does', () => {
    const parsed = parseCodeowners('[ab]c.md @x', 'gitlab');
    assert.deepEqual(parsed.rules, []);
    assert.equal(parsed.sections.get('ab')?.name, 'ab');
  });
});
