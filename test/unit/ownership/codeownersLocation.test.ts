import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeownersLocation, ownersOf, parseCodeowners } from '../../../src/core/ownership/codeowners';

const SAMPLE = join(__dirname, '..', '..', '..', 'sample');

describe('where the CODEOWNERS file is', () => {
  it('is looked for by GitHub in .github/, the root and docs/, in that order', () => {
    assert.equal(codeownersLocation('github', ['docs/CODEOWNERS', 'CODEOWNERS', '.github/CODEOWNERS']), '.github/CODEOWNERS');
    assert.equal(codeownersLocation('github', ['docs/CODEOWNERS', 'CODEOWNERS']), 'CODEOWNERS');
    assert.equal(codeownersLocation('github', ['docs/CODEOWNERS']), 'docs/CODEOWNERS');
  });

  it('is looked for by GitLab in the root, docs/ and .gitlab/, in that order', () => {
    assert.equal(codeownersLocation('gitlab', ['.gitlab/CODEOWNERS', 'docs/CODEOWNERS', 'CODEOWNERS']), 'CODEOWNERS');
    assert.equal(codeownersLocation('gitlab', ['.gitlab/CODEOWNERS', 'docs/CODEOWNERS', '.github/CODEOWNERS']), 'docs/CODEOWNERS');
    assert.equal(codeownersLocation('gitlab', ['.gitlab/CODEOWNERS', '.github/CODEOWNERS']), '.gitlab/CODEOWNERS');
  });

  it('is not found where the host does not look', () => {
    assert.equal(codeownersLocation('github', ['.gitlab/CODEOWNERS', 'src/CODEOWNERS', 'codeowners']), undefined);
    assert.equal(codeownersLocation('gitlab', ['.github/CODEOWNERS']), undefined);
    assert.equal(codeownersLocation('gitlab', []), undefined);
  });

  it('takes the repository files as a list, written any usual way, or as a test for one path', () => {
    assert.equal(codeownersLocation('github', ['./CODEOWNERS', '/docs/CODEOWNERS']), 'CODEOWNERS');
    assert.equal(codeownersLocation('gitlab', ['docs\\CODEOWNERS']), 'docs/CODEOWNERS');
    const asked: string[] = [];
    const found = codeownersLocation('github', (path) => {
      asked.push(path);
      return path === 'docs/CODEOWNERS';
    });
    assert.equal(found, 'docs/CODEOWNERS');
    assert.deepEqual(asked, ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS']);
  });

  it("finds and reads the sample repository's file", () => {
    const location = codeownersLocation('github', (path) => existsSync(join(SAMPLE, path)));
    assert.equal(location, '.github/CODEOWNERS');
    const parsed = parseCodeowners(readFileSync(join(SAMPLE, location ?? ''), 'utf8'), 'github');
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.rules.length, 8);
    const [match] = ownersOf(parsed, 'services/billing/lib/tax/vat_calculator.rb');
    assert.deepEqual([match?.rule.pattern, match?.rule.line, match?.owners], ['/services/billing/lib/tax/', 7, ['@acme/billing', '@priya-natarajan']]);
  });
});
