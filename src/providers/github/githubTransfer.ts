/**
 * Moving an issue to another repository. GitHub's REST API has no transfer; its GraphQL API has
 * `transferIssue`, which wants node ids. A transfer whose answer was lost is told by reading the
 * old address: GitHub redirects a transferred issue to where it went.
 */
import type { HttpClient } from '../http/httpClient';
import { fail, ok, type SourceResult } from '../sourceResult';
import { repositoryOf, sameRepository, type IssueAddress } from './githubMapping';
import { githubIssueSchema, githubRepositorySchema, githubTransferSchema } from './githubSchemas';

const TRANSFER = `mutation($issueId: ID!, $repositoryId: ID!) {
  transferIssue(input: { issueId: $issueId, repositoryId: $repositoryId }) { issue { number repository { nameWithOwner } } }
}`;

/** The GraphQL endpoint beside a REST root: `https://api.github.com/graphql`, or `https://host/api/graphql` for `https://host/api/v3`. */
export function graphqlUrl(restBaseUrl: string): string {
  const base = restBaseUrl.replace(/\/+$/, '');
  return /\/api\/v3$/.test(base) ? base.replace(/\/v3$/, '/graphql') : `${base}/graphql`;
}

export async function transferIssue(http: HttpClient, graphql: string, from: IssueAddress, to: string, label: string): Promise<SourceResult<IssueAddress>> {
  const issue = await http.get(`/repos/${from.repository}/issues/${from.number}`, githubIssueSchema);
  if (issue.kind !== 'ok') return issue;
  if (sameRepository(repositoryOf(issue.data), to)) return ok({ repository: to, number: issue.data.number });
  const target = await http.get(`/repos/${to}`, githubRepositorySchema);
  if (target.kind !== 'ok') return target;
  if (!issue.data.node_id) return fail('invalidResponse', `${label} did not give #${from.number} a node id to transfer it by.`);
  const where = async (): Promise<IssueAddress | undefined> => {
    const now = await http.get(`/repos/${from.repository}/issues/${from.number}`, githubIssueSchema);
    return now.kind === 'ok' && sameRepository(repositoryOf(now.data), to) ? { repository: to, number: now.data.number } : undefined;
  };
  const sent = await http.send(
    'POST',
    graphql,
    { query: TRANSFER, variables: { issueId: issue.data.node_id, repositoryId: target.data.node_id } },
    githubTransferSchema,
    {
      idempotent: false,
      landed: async () => (await where()) !== undefined,
    },
  );
  if (sent.kind === 'landed') {
    const moved = await where();
    return moved ? ok(moved) : fail('notFound', `#${from.number} was transferred to ${to}, but cannot be found there.`);
  }
  if (sent.kind !== 'ok') return sent;
  const moved = sent.data.data?.transferIssue?.issue;
  if (!moved)
    return fail('refused', `${label} did not transfer #${from.number} to ${to}: ${sent.data.errors?.map((e) => e.message).join('; ') ?? 'no reason given'}`);
  return ok({ repository: moved.repository.nameWithOwner, number: moved.number });
}
