import { strict as assert } from 'node:assert';
import { parseTeams, routeFor } from '../../../src/core/ownership/teamMap';

describe('routing a hand-off to a team, per kind of source', () => {
  const { teams } = parseTeams(
    [
      { id: 'billing', name: 'Billing', routing: { local: { team: 'payments' }, gitlab: { project: 'acme/billing-support' } } },
      { id: 'search', name: 'Search', routing: { gitlab: { label: 'group::search' } } },
      { id: 'api', name: 'API' },
    ],
    'supportRotation.teams',
  );
  const team = (id: string) => teams.find((t) => t.id === id)!;

  it('gives the local queue its team name, or the id', () => {
    assert.deepEqual(
      ['billing', 'search', 'api'].map((id) => routeFor(team(id), 'local')),
      ['payments', 'search', 'api'],
    );
  });

  it('gives GitLab a project to move to, a label to add, or the id as a team label', () => {
    assert.deepEqual(
      ['billing', 'search', 'api'].map((id) => routeFor(team(id), 'gitlab')),
      ['project:acme/billing-support', 'label:group::search', 'api'],
    );
  });
});
