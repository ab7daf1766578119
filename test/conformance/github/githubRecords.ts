/**
 * What the GitHub fake stores, and how GitHub shows it: the fields GitHub's OpenAPI description
 * (github/rest-api-description, `api.github.com.json`) marks required for `simple-user`, `issue`,
 * `issue-comment`, `label`, `pull-request-simple` and `repository`, shaped as in the recorded
 * answers of `@octokit/fixtures`. Timestamps have whole seconds, as GitHub's do.
 */
export interface UserRecord {
  readonly id: number;
  readonly login: string;
  readonly name: string;
}

export interface RepositoryRecord {
  readonly id: number;
  readonly fullName: string;
  readonly visibility: 'public' | 'private' | 'internal';
  /** Issue and pull request numbers share one sequence per repository. */
  nextNumber: number;
}

export interface CommentRecord {
  readonly id: number;
  readonly body: string;
  readonly user: UserRecord;
  readonly created_at: string;
}

export interface IssueRecord {
  readonly id: number;
  repository: string;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: 'completed' | 'not_planned' | 'reopened' | null;
  labels: string[];
  assignees: UserRecord[];
  locked: boolean;
  readonly user: UserRecord;
  readonly created_at: string;
  updated_at: string;
  closed_at: string | null;
  readonly comments: CommentRecord[];
  /** A pull request, which the issues endpoint lists too. */
  readonly pull?: { readonly head: string; readonly base: string; readonly draft: boolean };
  /** Where a transfer took it: its old address answers 301 to there. */
  movedTo?: { readonly repository: string; readonly number: number };
  deleted?: boolean;
}

const HOST = 'https://github.example.com';

function userJson(user: UserRecord): Record<string, unknown> {
  return {
    login: user.login,
    id: user.id,
    node_id: `U_${user.id}`,
    avatar_url: `${HOST}/avatars/u/${user.id}`,
    gravatar_id: '',
    url: `${HOST}/api/v3/users/${user.login}`,
    html_url: `${HOST}/${user.login}`,
    type: 'User',
    site_admin: false,
  };
}

/** `GET /user`: the full user, with a name. */
export function fullUserJson(user: UserRecord): Record<string, unknown> {
  return { ...userJson(user), name: user.name, email: null };
}

function labelJson(name: string): Record<string, unknown> {
  return {
    id: hash(name),
    node_id: `LA_${hash(name)}`,
    url: `${HOST}/api/v3/labels/${encodeURIComponent(name)}`,
    name,
    description: null,
    color: 'ededed',
    default: false,
  };
}

export function labelsJson(labels: readonly string[]): Record<string, unknown>[] {
  return labels.map(labelJson);
}

export function repositoryJson(repository: RepositoryRecord): Record<string, unknown> {
  const [owner = '', name = ''] = repository.fullName.split('/');
  return {
    id: repository.id,
    node_id: `R_${repository.id}`,
    name,
    full_name: repository.fullName,
    owner: { login: owner, id: hash(owner), type: 'Organization' },
    private: repository.visibility !== 'public',
    visibility: repository.visibility,
    html_url: `${HOST}/${repository.fullName}`,
    url: `${HOST}/api/v3/repos/${repository.fullName}`,
    has_issues: true,
    default_branch: 'main',
  };
}

export function issueJson(issue: IssueRecord): Record<string, unknown> {
  const url = `${HOST}/api/v3/repos/${issue.repository}/issues/${issue.number}`;
  const assignees = issue.assignees.map(userJson);
  return {
    id: issue.id,
    node_id: `I_${issue.id}`,
    url,
    repository_url: `${HOST}/api/v3/repos/${issue.repository}`,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${HOST}/${issue.repository}/${issue.pull ? 'pull' : 'issues'}/${issue.number}`,
    number: issue.number,
    state: issue.state,
    state_reason: issue.state_reason,
    title: issue.title,
    body: issue.body,
    user: userJson(issue.user),
    labels: labelsJson(issue.labels),
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    locked: issue.locked,
    active_lock_reason: issue.locked ? 'too heated' : null,
    comments: issue.comments.length,
    ...(issue.pull
      ? {
          pull_request: {
            url: `${HOST}/api/v3/repos/${issue.repository}/pulls/${issue.number}`,
            html_url: `${HOST}/${issue.repository}/pull/${issue.number}`,
            diff_url: `${HOST}/${issue.repository}/pull/${issue.number}.diff`,
            patch_url: `${HOST}/${issue.repository}/pull/${issue.number}.patch`,
            merged_at: null,
          },
          draft: issue.pull.draft,
        }
      : {}),
    closed_at: issue.closed_at,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_by: null,
    author_association: 'MEMBER',
    reactions: { url: `${url}/reactions`, total_count: 0 },
  };
}

export function commentJson(comment: CommentRecord, issue: IssueRecord): Record<string, unknown> {
  return {
    id: comment.id,
    node_id: `IC_${comment.id}`,
    url: `${HOST}/api/v3/repos/${issue.repository}/issues/comments/${comment.id}`,
    html_url: `${HOST}/${issue.repository}/issues/${issue.number}#issuecomment-${comment.id}`,
    body: comment.body,
    user: userJson(comment.user),
    created_at: comment.created_at,
    updated_at: comment.created_at,
    issue_url: `${HOST}/api/v3/repos/${issue.repository}/issues/${issue.number}`,
    author_association: 'MEMBER',
  };
}

export function pullJson(pull: IssueRecord): Record<string, unknown> {
  const [owner = ''] = pull.repository.split('/');
  return {
    id: pull.id,
    node_id: `PR_${pull.id}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    body: pull.body,
    user: userJson(pull.user),
    draft: pull.pull?.draft ?? false,
    html_url: `${HOST}/${pull.repository}/pull/${pull.number}`,
    url: `${HOST}/api/v3/repos/${pull.repository}/pulls/${pull.number}`,
    head: { label: `${owner}:${pull.pull?.head ?? ''}`, ref: pull.pull?.head, sha: '0'.repeat(40) },
    base: { label: `${owner}:${pull.pull?.base ?? ''}`, ref: pull.pull?.base, sha: '0'.repeat(40) },
    created_at: pull.created_at,
    updated_at: pull.updated_at,
    merged_at: null,
  };
}

/** A `cross-referenced` timeline event: the pull request whose body mentions the issue. */
export function crossReferenceJson(pull: IssueRecord): Record<string, unknown> {
  return {
    event: 'cross-referenced',
    actor: userJson(pull.user),
    created_at: pull.created_at,
    updated_at: pull.created_at,
    source: { type: 'issue', issue: issueJson(pull) },
  };
}

function hash(text: string): number {
  let h = 7;
  for (const char of text) h = (h * 31 + char.charCodeAt(0)) % 1_000_000;
  return h;
}

/** GitHub writes times with whole seconds. */
export function githubTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
