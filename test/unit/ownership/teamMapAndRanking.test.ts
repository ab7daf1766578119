import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeownersMatcher, parseCodeowners } from '../../../src/core/ownership/codeowners';
import { localRoute, mergeTeamMaps, parseTeams, parseTeamsFile } from '../../../src/core/ownership/teamMap';
import { rankTeams } from '../../../src/core/ownership/teamRanking';

const SAMPLE = join(__dirname, '..', '..', '..', 'sample');
const sampleTeams = parseTeamsFile(readFileSync(join(SAMPLE, '.support', 'teams.json'), 'utf8'), '.support/teams.json');
const sampleOwners = codeownersMatcher(parseCodeowners(readFileSync(join(SAMPLE, '.github', 'CODEOWNERS'), 'utf8'), 'github'));

describe('team map', () => {
  it("reads the sample repository's file", () => {
    assert.deepEqual(sampleTeams.problems, []);
    assert.deepEqual(sampleTeams.teams.map((t) => t.id), ['billing', 'api-platform', 'search']);
    assert.deepEqual(sampleTeams.teams[0]?.codeowners, ['@acme/billing']);
  });

  it('skips a bad entry, says where and why, and keeps the others', () => {
    const map = parseTeams([{ id: 'a', name: 'A' }, { id: 'b' }, { id: 'c', name: 'C', paths: 'x' }], 'supportRotation.teams');
    assert.deepEqual(map.teams.map((t) => t.id), ['a']);
    assert.equal(map.problems.length, 2);
    assert.match(map.problems[0] ?? '', /^supportRotation\.teams\[1\]\.name: /);
    assert.match(map.problems[1] ?? '', /^supportRotation\.teams\[2\]\.paths: /);
  });

  it('refuses a file that is not JSON or not version 1, without throwing', () => {
    assert.match(parseTeamsFile('{', 'teams.json').problems[0] ?? '', /not valid JSON/);
    assert.match(parseTeamsFile('{"version":2,"teams":[]}', 'teams.json').problems[0] ?? '', /"version" must be 1/);
  });

  it('lets the setting override the file per team id, and routes by the local team name', () => {
    const setting = parseTeams([{ id: 'billing', name: 'Billing & Payments', routing: { local: { team: 'payments' } } }], 'setting');
    const merged = mergeTeamMaps(sampleTeams, setting);
    const billing = merged.teams.find((t) => t.id === 'billing');
    assert.equal(billing?.name, 'Billing & Payments');
    assert.equal(billing && localRoute(billing), 'payments');
    assert.equal(localRoute(merged.teams.find((t) => t.id === 'search') ?? sampleTeams.teams[0]!), 'search');
    assert.equal(merged.teams.length, 3);
  });
});

describe('ranking teams for a hand-off', () => {
  it('puts the team whose code the ticket names first, with the evidence in words', () => {
    const ranking = rankTeams(
      [
        { path: 'services/billing/lib/tax/vat_calculator.rb', origin: 'ticket' },
        { path: 'services/billing/app/models/invoice.rb', origin: 'ticket' },
        { path: 'services/api/src/server.ts', origin: 'ticket', confidence: 0.5 },
      ],
      sampleTeams.teams,
      sampleOwners,
    );
    assert.deepEqual(ranking.teams.map((t) => t.team.id), ['billing', 'api-platform']);
    assert.ok(ranking.teams[0]?.reasons.includes('owns services/billing/ — 2 files named in the ticket'), ranking.teams[0]?.reasons.join(' | '));
    assert.ok(ranking.teams[0]?.reasons.some((r) => r.startsWith('CODEOWNERS /services/billing/ (line 6) → @acme/billing — 1 file named')));
    assert.deepEqual(ranking.otherOwners.map((o) => o.handle), ['@priya-natarajan']);
  });

  it('weighs files changed on the fix branch over files the ticket names', () => {
    const ranking = rankTeams(
      [
        { path: 'services/search/search/query.py', origin: 'ticket' },
        { path: 'services/api/src/routes/orders.ts', origin: 'branch' },
      ],
      sampleTeams.teams,
      sampleOwners,
    );
    assert.equal(ranking.teams[0]?.team.id, 'api-platform');
    assert.ok(ranking.teams[0]?.reasons.some((r) => r.endsWith('1 file changed on the fix branch')));
  });

  it('ranks a catch-all owner below a specific one', () => {
    const ranking = rankTeams([{ path: 'docs/runbook.md', origin: 'ticket' }, { path: 'Makefile', origin: 'ticket' }], [...sampleTeams.teams], sampleOwners);
    // Only the catch-all `*` names API Platform for the Makefile: it counts, but weakly.
    assert.equal(ranking.teams[0]?.team.id, 'api-platform');
    assert.ok((ranking.teams[0]?.score ?? 0) < 1.5, String(ranking.teams[0]?.score));
  });

  it('counts a file once per reason however often it is named', () => {
    const file = { path: 'services/billing/app/models/invoice.rb', origin: 'ticket' as const };
    const once = rankTeams([file], sampleTeams.teams, sampleOwners).teams[0]?.score;
    const thrice = rankTeams([file, file, file], sampleTeams.teams, sampleOwners).teams[0]?.score;
    assert.equal(thrice, once);
  });

  it('has no suggestion without evidence', () => {
    assert.deepEqual(rankTeams([], sampleTeams.teams, sampleOwners).teams, []);
  });
});
