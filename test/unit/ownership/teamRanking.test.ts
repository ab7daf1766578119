import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeownersMatcher, parseCodeowners } from '../../../src/core/ownership/codeowners';
import { parseTeams, parseTeamsFile, type Team } from '../../../src/core/ownership/teamMap';
import { rankTeams, type EvidenceFile } from '../../../src/core/ownership/teamRanking';

const SAMPLE = join(__dirname, '..', '..', '..', 'sample');
const sampleTeams = parseTeamsFile(readFileSync(join(SAMPLE, '.support', 'teams.json'), 'utf8'), '.support/teams.json').teams;
const sampleCodeowners = parseCodeowners(readFileSync(join(SAMPLE, '.github', 'CODEOWNERS'), 'utf8'), 'github');

const teams = (...entries: { id: string; name?: string; codeowners?: string[]; paths?: string[] }[]): readonly Team[] =>
  parseTeams(
    entries.map((e) => ({ name: e.id, ...e })),
    'test',
  ).teams;
const named = (path: string, confidence?: number): EvidenceFile => ({ path, origin: 'ticket', confidence });
const changed = (path: string): EvidenceFile => ({ path, origin: 'branch' });

describe('ranking teams for a hand-off', () => {
  it('puts Billing first for a ticket naming billing code in the sample repository, with the rule, path and count', () => {
    const ranking = rankTeams(
      [named('services/billing/lib/tax/vat_calculator.rb'), named('services/billing/app/models/subscription.rb'), named('services/api/src/server.ts', 0.5)],
      sampleTeams,
      sampleCodeowners,
    );
    assert.deepEqual(
      ranking.teams.map((t) => t.team.id),
      ['billing', 'api-platform'],
    );
    assert.deepEqual(ranking.teams[0]?.reasons, [
      'owns services/billing/ — 2 files named in the ticket',
      'CODEOWNERS /services/billing/lib/tax/ (line 7) → @acme/billing — 1 file named in the ticket',
      'CODEOWNERS /services/billing/ (line 6) → @acme/billing — 1 file named in the ticket',
    ]);
    assert.deepEqual(ranking.teams[0]?.files, ['services/billing/app/models/subscription.rb', 'services/billing/lib/tax/vat_calculator.rb']);
    // The tax file counts by its strongest reason (the 4-segment rule, 1.5), the other by 1.
    assert.equal(ranking.teams[0]?.score, 2.5);
    assert.equal(ranking.teams[1]?.score, 0.5);
  });

  it('lists CODEOWNERS owners that are in no team, with their evidence', () => {
    const ranking = rankTeams([named('services/billing/lib/tax/vat_calculator.rb'), changed('docs/runbook.md')], sampleTeams, sampleCodeowners);
    assert.deepEqual(
      ranking.otherOwners.map((o) => [o.handle, o.reasons]),
      [
        ['@sam-taylor', ['CODEOWNERS /docs/runbook.md (line 14) → @sam-taylor — 1 file changed on the fix branch']],
        ['@priya-natarajan', ['CODEOWNERS /services/billing/lib/tax/ (line 7) → @priya-natarajan — 1 file named in the ticket']],
      ],
    );
  });

  it('weighs a file changed on the fix branch over a file the ticket names', () => {
    const ranking = rankTeams([named('services/search/search/query_parser.py'), changed('services/api/src/routes/orders.ts')], sampleTeams, sampleCodeowners);
    assert.deepEqual(
      ranking.teams.map((t) => [t.team.id, t.score]),
      [
        ['api-platform', 2],
        ['search', 1],
      ],
    );
    assert.deepEqual(ranking.teams[0]?.reasons, [
      'CODEOWNERS /services/api/ (line 9) → @acme/api-platform — 1 file changed on the fix branch',
      'owns services/api/ — 1 file changed on the fix branch',
    ]);
  });

  it('ranks a team the catch-all alone points at below any specific one, even with more files', () => {
    const ranking = rankTeams(
      [
        changed('Makefile'),
        changed('README.md'),
        changed('package.json'),
        changed('.github/workflows/ci.yml'),
        changed('scripts/release.sh'),
        named('services/search/search/ranking.py', 0.3),
      ],
      sampleTeams,
      sampleCodeowners,
    );
    assert.deepEqual(
      ranking.teams.map((t) => [t.team.id, t.onlyCatchAll]),
      [
        ['search', false],
        ['api-platform', true],
      ],
    );
    // Five changed files under `*` weigh 5 × 2 × 0.1; the named search file 0.3.
    assert.deepEqual(
      ranking.teams.map((t) => t.score),
      [0.3, 1],
    );
    assert.deepEqual(ranking.teams[1]?.reasons, ['CODEOWNERS * (line 4) → @acme/api-platform — 5 files changed on the fix branch']);
  });

  it('counts a more specific rule more than a general one, each section of a GitLab file applying', () => {
    const codeowners = parseCodeowners('[Platform]\n/services/ @acme/platform\n\n[Tax]\n/services/billing/lib/tax/ @acme/tax', 'gitlab');
    const ranking = rankTeams(
      [named('services/billing/lib/tax/vat.rb')],
      teams({ id: 'platform', codeowners: ['@acme/platform'] }, { id: 'tax', codeowners: ['@acme/tax'] }),
      codeowners,
    );
    assert.deepEqual(
      ranking.teams.map((t) => [t.team.id, t.score]),
      [
        ['tax', 1.5],
        ['platform', 0.75],
      ],
    );
    assert.deepEqual(ranking.teams[0]?.reasons, ['CODEOWNERS /services/billing/lib/tax/ (line 5, [Tax]) → @acme/tax — 1 file named in the ticket']);
  });

  it("counts a team's own paths as evidence, without CODEOWNERS", () => {
    const ranking = rankTeams([changed('services/billing/app/jobs/dunning_job.rb')], sampleTeams);
    assert.deepEqual(
      ranking.teams.map((t) => [t.team.id, t.reasons]),
      [['billing', ['owns services/billing/ — 1 file changed on the fix branch']]],
    );
  });

  it('scales a named file by how sure the reference is', () => {
    const sure = rankTeams([named('services/search/search/api.py')], sampleTeams, sampleCodeowners).teams[0]?.score;
    const unsure = rankTeams([named('services/search/search/api.py', 0.4)], sampleTeams, sampleCodeowners).teams[0]?.score;
    assert.deepEqual([sure, unsure], [1, 0.4]);
  });

  it('counts a file once per team and origin, however often it is named or however many reasons back it', () => {
    const file = named('services/billing/app/models/subscription.rb');
    const once = rankTeams([file], sampleTeams, sampleCodeowners).teams[0];
    const thrice = rankTeams([file, file, named(file.path, 0.2)], sampleTeams, sampleCodeowners).teams[0];
    assert.equal(thrice?.score, once?.score);
    assert.deepEqual(thrice?.reasons, once?.reasons);
    const both = rankTeams([file, changed(file.path)], sampleTeams, sampleCodeowners).teams[0];
    assert.equal(both?.score, 3);
    assert.ok(both?.reasons.includes('owns services/billing/ — 1 file named in the ticket, 1 file changed on the fix branch'), both?.reasons.join(' | '));
  });

  it('maps CODEOWNERS owners to teams without regard to case', () => {
    const file = [named('services/search/search/api.py')];
    const upperInTeamMap = rankTeams(file, teams({ id: 'search', codeowners: ['@ACME/Search'] }), sampleCodeowners);
    const upperInCodeowners = rankTeams(
      file,
      teams({ id: 'search', codeowners: ['@acme/search'] }),
      parseCodeowners('/services/search/ @Acme/Search', 'github'),
    );
    for (const ranking of [upperInTeamMap, upperInCodeowners]) {
      assert.deepEqual(
        ranking.teams.map((t) => t.team.id),
        ['search'],
      );
      assert.deepEqual(ranking.otherOwners, []);
    }
  });

  it('gives no credit for a file a GitLab exclusion or an owner-less GitHub rule leaves without owner', () => {
    const gitlab = parseCodeowners('* @acme/platform\n!package-lock.json', 'gitlab');
    const github = parseCodeowners('* @acme/platform\n/vendor/', 'github');
    const platform = teams({ id: 'platform', codeowners: ['@acme/platform'] });
    assert.deepEqual(rankTeams([changed('package-lock.json')], platform, gitlab).teams, []);
    assert.deepEqual(rankTeams([changed('vendor/lib.js')], platform, github).teams, []);
    assert.equal(rankTeams([changed('src/app.ts')], platform, github).teams.length, 1);
  });

  it('breaks ties by name, then id, whatever the order of the input', () => {
    const tied = teams(
      { id: 'b-team', name: 'Same', paths: ['lib/'] },
      { id: 'zeta', name: 'Zeta', paths: ['lib/'] },
      { id: 'a-team', name: 'Same', paths: ['lib/'] },
      { id: 'alpha', name: 'Alpha', paths: ['lib/'] },
    );
    const evidence = [named('lib/x.rb'), named('lib/y.rb')];
    const order = (ranked: readonly Team[], files: readonly EvidenceFile[]): string[] => rankTeams(files, ranked).teams.map((t) => t.team.id);
    assert.deepEqual(order(tied, evidence), ['alpha', 'a-team', 'b-team', 'zeta']);
    assert.deepEqual(order([...tied].reverse(), [...evidence].reverse()), ['alpha', 'a-team', 'b-team', 'zeta']);
  });

  it('ranks the same whether given the parsed file or a matcher built from it', () => {
    const evidence = [named('services/billing/lib/tax/vat_calculator.rb'), changed('docs/runbook.md'), named('Makefile')];
    assert.deepEqual(rankTeams(evidence, sampleTeams, sampleCodeowners), rankTeams(evidence, sampleTeams, codeownersMatcher(sampleCodeowners)));
  });

  it('suggests nothing without evidence, and ignores paths outside the repository', () => {
    assert.deepEqual(rankTeams([], sampleTeams, sampleCodeowners), { teams: [], otherOwners: [] });
    assert.deepEqual(rankTeams([named('../outside/services/billing/x.rb'), named('')], sampleTeams, sampleCodeowners), { teams: [], otherOwners: [] });
  });
});
