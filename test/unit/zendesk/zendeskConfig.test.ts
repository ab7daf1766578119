import { strict as assert } from 'node:assert';
import { routeFor, teamSchema } from '../../../src/core/ownership/teamMap';
import { parseSourcesSetting } from '../../../src/shared/sourceConfig';

describe('Zendesk in the settings and the team map', () => {
  it('reads a Zendesk source by subdomain and view, or by address and search, and refuses one with both or neither', () => {
    const outcome = parseSourcesSetting([
      { id: 'zd', kind: 'zendesk', subdomain: 'acme', view: 360 },
      { id: 'zd-search', kind: 'zendesk', baseUrl: 'https://support.example.com', query: 'status<solved tags:escalation', severityValues: { sev_1: 1 } },
      { id: 'zd-both', kind: 'zendesk', subdomain: 'acme', view: 1, query: 'x' },
      { id: 'zd-none', kind: 'zendesk', view: 1 },
    ]);
    assert.deepEqual(
      outcome.sources.map((s) => s.id),
      ['zd', 'zd-search'],
    );
    assert.match(outcome.problems[0] ?? '', /sources\[2\]: view: give either "view" or "query"/);
    assert.match(outcome.problems[1] ?? '', /sources\[3\]: subdomain: give either "subdomain" or "baseUrl"/);
  });

  it('routes a hand-off to the team’s group by id or by name, and by default to a group named as the team', () => {
    const team = (routing: unknown) => teamSchema.parse({ id: 'billing', name: 'Billing', routing });
    assert.equal(routeFor(team({ zendesk: { group: 360001 } }), 'zendesk'), 'group:360001');
    assert.equal(routeFor(team({ zendesk: { group: 'Billing L2' } }), 'zendesk'), 'Billing L2');
    assert.equal(routeFor(team({ zendesk: { groupId: 42 } }), 'zendesk'), 'group:42');
    assert.equal(routeFor(team(undefined), 'zendesk'), 'billing');
  });
});
