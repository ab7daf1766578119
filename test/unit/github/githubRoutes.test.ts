import { strict as assert } from 'node:assert';
import { parseTeams, routeFor } from '../../../src/core/ownership/teamMap';

describe('routing a hand-off on GitHub', () => {
  it('transfers to the team’s repository, or swaps in its label, or the team id’s label', () => {
    const { teams, problems } = parseTeams(
      [
        { id: 'billing', name: 'Billing', routing: { github: { repository: 'acme/billing' } } },
        { id: 'search', name: 'Search', routing: { github: { label: 'area: search' } } },
        { id: 'core', name: 'Core' },
      ],
      'setting',
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(
      teams.map((team) => routeFor(team, 'github')),
      ['repository:acme/billing', 'label:area: search', 'core'],
    );
  });
});
