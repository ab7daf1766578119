import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localRoute, mergeTeamMaps, parseTeams, parseTeamsFile } from '../../../src/core/ownership/teamMap';

const SAMPLE_FILE = join(__dirname, '..', '..', '..', 'sample', '.support', 'teams.json');

const COMPLETE_TEAM = {
  id: 'billing',
  name: 'Billing',
  codeowners: ['@acme/billing', 'billing-leads@acme.example'],
  paths: ['services/billing/', '**/*.invoice.ts'],
  region: 'EMEA',
  routing: {
    local: { team: 'billing-l2' },
    gitlab: { label: 'team::billing', project: 'acme/billing' },
    zendesk: { groupId: 360001234 },
    github: { label: 'team:billing' },
    jira: { component: 'Billing' },
  },
};

describe('team map', () => {
  it("reads the sample repository's file", () => {
    const map = parseTeamsFile(readFileSync(SAMPLE_FILE, 'utf8'), '.support/teams.json');
    assert.deepEqual(map.problems, []);
    assert.deepEqual(
      map.teams.map((t) => [t.id, t.name, t.codeowners, t.paths, t.region]),
      [
        ['billing', 'Billing', ['@acme/billing'], ['services/billing/'], 'EMEA'],
        ['api-platform', 'API Platform', ['@acme/api-platform'], ['services/api/'], 'AMER'],
        ['search', 'Search', ['@acme/search'], ['services/search/'], 'APAC'],
      ],
    );
  });

  it('reads a team with every routing kind, and keeps fields it does not know', () => {
    const map = parseTeamsFile(
      JSON.stringify({
        version: 1,
        owner: 'ops',
        teams: [{ ...COMPLETE_TEAM, slack: '#billing', routing: { ...COMPLETE_TEAM.routing, pagerduty: { service: 'P1' } } }],
      }),
      'teams.json',
    );
    assert.deepEqual(map.problems, []);
    const [team] = map.teams;
    assert.equal(team?.routing?.zendesk?.groupId, 360001234);
    assert.equal(team?.routing?.jira?.component, 'Billing');
    assert.equal((team as Record<string, unknown> | undefined)?.slack, '#billing');
    assert.deepEqual((team?.routing as Record<string, unknown> | undefined)?.pagerduty, { service: 'P1' });
  });

  it('gives a team without codeowners or paths empty lists', () => {
    const [team] = parseTeams([{ id: 'x', name: 'X' }], 'supportRotation.teams').teams;
    assert.deepEqual([team?.codeowners, team?.paths], [[], []]);
  });

  it('skips each bad entry, says which entry, which field and why, and keeps the others', () => {
    const map = parseTeams(
      [
        { id: 'a', name: 'A' },
        { id: 'b' },
        { id: 'c', name: 'C', paths: 'services/c/' },
        { id: 'd', name: 'D', routing: { zendesk: { groupId: '42' } } },
        { id: 'e', name: 'E', codeowners: ['acme-e'] },
        'not a team',
        { id: 'a', name: 'A again' },
        { id: 'f', name: 'F' },
      ],
      'supportRotation.teams',
    );
    assert.deepEqual(
      map.teams.map((t) => t.name),
      ['A', 'F'],
    );
    assert.deepEqual(
      map.issues?.map((i) => [i.index, i.field]),
      [
        [1, 'name'],
        [2, 'paths'],
        [3, 'routing.zendesk.groupId'],
        [4, 'codeowners.0'],
        [5, ''],
        [6, 'id'],
      ],
    );
    assert.deepEqual(map.problems, [
      'supportRotation.teams[1]: name must be a string; it is missing. This team is skipped.',
      'supportRotation.teams[2]: paths must be a list; found "services/c/". This team is skipped.',
      'supportRotation.teams[3]: routing.zendesk.groupId must be a whole number; found "42". This team is skipped.',
      'supportRotation.teams[4]: codeowners[0] must be a CODEOWNERS handle (@user, @org/team) or an e-mail address; found "acme-e". This team is skipped.',
      'supportRotation.teams[5]: the team must be an object; found "not a team". This team is skipped.',
      'supportRotation.teams[6]: id must be unique; found "a", already the id of entry 0. This team is skipped.',
    ]);
  });

  it('says what is allowed and what was found for a value out of range, a blank name and a nested field', () => {
    const map = parseTeams(
      [
        { id: 'g', name: 'G', routing: { zendesk: { groupId: 0 } } },
        { id: 'h', name: '   ' },
        { id: 'i', name: 'I', routing: { jira: { component: 7 } } },
      ],
      'supportRotation.teams',
    );
    assert.deepEqual(
      map.issues?.map((i) => [i.field, i.message]),
      [
        ['routing.zendesk.groupId', 'routing.zendesk.groupId must be more than 0; found 0'],
        ['name', 'name must be a non-empty string; found ""'],
        ['routing.jira.component', 'routing.jira.component must be a string; found 7'],
      ],
    );
  });

  it('refuses a file that is not JSON, not version 1 or without a list of teams, without throwing', () => {
    assert.match(parseTeamsFile('{', 'teams.json').problems[0] ?? '', /^teams\.json: not valid JSON/);
    assert.deepEqual(parseTeamsFile('{"version":2,"teams":[]}', 'teams.json').problems, ['teams.json: version must be 1; found 2']);
    assert.deepEqual(parseTeamsFile('{"version":1,"teams":{}}', 'teams.json').problems, ['teams.json: teams must be a list of teams; found an object']);
    assert.deepEqual(parseTeamsFile('{"version":1}', 'teams.json').problems, ['teams.json: teams must be a list of teams; it is missing']);
    assert.equal(parseTeamsFile('[]', 'teams.json').teams.length, 0);
    assert.deepEqual(parseTeamsFile('[]', 'teams.json').problems, ['teams.json: the file must be an object; found an empty list']);
  });

  it('reads an unset setting as no teams, and says so when the setting is not a list', () => {
    assert.deepEqual(parseTeams(undefined, 'supportRotation.teams'), { teams: [], problems: [], issues: [] });
    assert.deepEqual(parseTeams({ id: 'a' }, 'supportRotation.teams').problems, [
      'supportRotation.teams: the setting must be a list of teams; found an object',
    ]);
  });

  it("lets the setting's team replace the file's team with the same id, and adds its new teams", () => {
    const file = parseTeamsFile(readFileSync(SAMPLE_FILE, 'utf8'), '.support/teams.json');
    const setting = parseTeams(
      [{ id: 'billing', name: 'Billing & Payments', routing: { local: { team: 'payments' } } }, { id: 'data', name: 'Data' }, { id: 'broken' }],
      'supportRotation.teams',
    );
    const merged = mergeTeamMaps(file, setting);
    assert.deepEqual(
      merged.teams.map((t) => t.id),
      ['billing', 'api-platform', 'search', 'data'],
    );
    const billing = merged.teams[0];
    assert.equal(billing?.name, 'Billing & Payments');
    assert.deepEqual(billing?.paths, [], 'the whole entry is replaced, not merged field by field');
    assert.deepEqual(
      merged.issues?.map((i) => [i.source, i.index, i.field]),
      [['supportRotation.teams', 2, 'name']],
    );
    assert.equal(merged.problems.length, 1);
  });

  it('routes a ticket to a team by its local queue name, or else its id', () => {
    const [routed, plain] = parseTeams([COMPLETE_TEAM, { id: 'search', name: 'Search' }], 'supportRotation.teams').teams;
    assert.ok(routed && plain);
    assert.equal(localRoute(routed), 'billing-l2');
    assert.equal(localRoute(plain), 'search');
  });
});
