import { strict as assert } from 'node:assert';
import { DEFAULT_LABEL_SCHEME, issueToTicket } from '../../../src/providers/gitlab/gitlabMapping';
import { gitlabIssueSchema } from '../../../src/providers/gitlab/gitlabSchemas';
import { issueJson, userJson } from '../../conformance/gitlab/gitlabRecords';
import { BEN, MEI } from '../../conformance/gitlab/gitlabServer';

const issueAsGitlabShowsIt = (labels: string[]): Record<string, unknown> =>
  issueJson(
    {
      id: 1005,
      iid: 5,
      project_id: 42,
      title: 'T',
      description: null,
      state: 'opened',
      labels,
      assignees: [],
      author: BEN,
      created_at: '2026-11-24T08:00:00.000Z',
      updated_at: '2026-11-24T09:00:00.000Z',
      closed_at: null,
      moved_to_id: null,
      notes: [],
    },
    'acme/support',
  );
const issue = (labels: string[]) => gitlabIssueSchema.parse(issueAsGitlabShowsIt(labels));

describe('GitLab issues as tickets', () => {
  it('reads severity, region and team from scoped labels and keeps the other labels', () => {
    const ticket = issueToTicket(issue(['severity::2', 'region::EMEA', 'team::billing', 'customer-impact']), [], 'gl', DEFAULT_LABEL_SCHEME);
    assert.deepEqual(
      [ticket.key, ticket.severity, ticket.region, ticket.team, ticket.labels, ticket.revision],
      ['#5', 2, 'EMEA', 'billing', ['customer-impact'], '2026-11-24T09:00:00.000Z'],
    );
  });

  it("reads an issue whose assignees include null, as GitLab's published schema allows, leaving the null out", () => {
    const parsed = gitlabIssueSchema.safeParse({ ...issueAsGitlabShowsIt([]), assignees: [null, userJson(MEI)] });
    assert.ok(parsed.success, parsed.error?.message);
    assert.equal(issueToTicket(parsed.data, [], 'gl', DEFAULT_LABEL_SCHEME).assignee?.name, 'Mei Chen');
  });

  it('uses a configured map of exact severity labels instead of the prefix', () => {
    const scheme = { ...DEFAULT_LABEL_SCHEME, severityLabels: { P1: 1, P2: 2, 'bug::minor': 4 } };
    assert.equal(issueToTicket(issue(['P2', 'frontend']), [], 'gl', scheme).severity, 2);
    assert.deepEqual(issueToTicket(issue(['P2', 'frontend']), [], 'gl', scheme).labels, ['frontend']);
    assert.equal(issueToTicket(issue(['bug::minor']), [], 'gl', scheme).severity, 4);
    assert.equal(issueToTicket(issue(['frontend']), [], 'gl', scheme).severity, 'unknown');
  });

  it('marks internal notes, including the deprecated confidential flag, and leaves system notes out', () => {
    const author = { id: 1, username: 'a', name: 'A' };
    const notes = [
      { id: 1, body: 'internal', author, created_at: '2026-11-24T09:00:00Z', system: false, internal: true },
      { id: 2, body: 'old internal', author, created_at: '2026-11-24T09:01:00Z', system: false, confidential: true },
      { id: 3, body: 'public', author, created_at: '2026-11-24T09:02:00Z', system: false },
      { id: 4, body: 'assigned to @a', author, created_at: '2026-11-24T09:03:00Z', system: true },
    ];
    assert.deepEqual(
      issueToTicket(issue([]), notes, 'gl', DEFAULT_LABEL_SCHEME).comments.map((c) => [c.body, c.internal]),
      [
        ['internal', true],
        ['old internal', true],
        ['public', false],
      ],
    );
  });
});
