/**
 * What the GitLab fake stores, and how GitLab shows it: every field that GitLab's published schemas
 * (gitlabhq `spec/fixtures/api/schemas/public_api/v4/{issue,notes,merge_request}.json`) require,
 * shaped as in the REST documentation's examples.
 */
export interface UserRecord {
  readonly id: number;
  readonly username: string;
  readonly name: string;
}

/** Field names as GitLab's answers have them; the notes are kept on their issue. */
export interface IssueRecord {
  readonly id: number;
  readonly iid: number;
  readonly project_id: number;
  title: string;
  description: string | null;
  state: 'opened' | 'closed';
  labels: string[];
  assignees: UserRecord[];
  readonly author: UserRecord;
  readonly created_at: string;
  updated_at: string;
  closed_at: string | null;
  moved_to_id: number | null;
  readonly notes: NoteRecord[];
}

export interface NoteRecord {
  readonly id: number;
  readonly body: string;
  readonly author: UserRecord;
  readonly created_at: string;
  readonly system: boolean;
  readonly internal: boolean;
}

export interface MergeRequestRecord {
  readonly id: number;
  readonly iid: number;
  readonly project_id: number;
  readonly title: string;
  readonly description: string;
  readonly source_branch: string;
  readonly target_branch: string;
  readonly author: UserRecord;
  readonly created_at: string;
  state: 'opened' | 'closed' | 'merged';
}

const HOST = 'https://gitlab.example.com';

export function userJson(user: UserRecord): Record<string, unknown> {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    state: 'active',
    locked: false,
    avatar_url: `${HOST}/uploads/-/system/user/avatar/${user.id}/avatar.png`,
    web_url: `${HOST}/${user.username}`,
  };
}

export function issueJson(issue: IssueRecord, projectPath: string): Record<string, unknown> {
  const assignees = issue.assignees.map(userJson);
  const self = `${HOST}/api/v4/projects/${issue.project_id}/issues/${issue.iid}`;
  return {
    id: issue.id,
    iid: issue.iid,
    project_id: issue.project_id,
    title: issue.title,
    description: issue.description,
    state: issue.state,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_at: issue.closed_at,
    closed_by: null,
    labels: issue.labels,
    milestone: null,
    assignees,
    assignee: assignees[0] ?? null,
    author: userJson(issue.author),
    type: 'ISSUE',
    issue_type: 'issue',
    user_notes_count: issue.notes.filter((n) => !n.system).length,
    merge_requests_count: 0,
    upvotes: 0,
    downvotes: 0,
    due_date: null,
    confidential: false,
    discussion_locked: null,
    web_url: `${HOST}/${projectPath}/-/issues/${issue.iid}`,
    time_stats: { time_estimate: 0, total_time_spent: 0, human_time_estimate: null, human_total_time_spent: null },
    task_completion_status: { count: 0, completed_count: 0 },
    has_tasks: false,
    _links: { self, notes: `${self}/notes`, award_emoji: `${self}/award_emoji`, project: `${HOST}/api/v4/projects/${issue.project_id}` },
    references: { short: `#${issue.iid}`, relative: `#${issue.iid}`, full: `${projectPath}#${issue.iid}` },
    severity: 'UNKNOWN',
    moved_to_id: issue.moved_to_id,
    service_desk_reply_to: null,
  };
}

export function noteJson(note: NoteRecord, issue: IssueRecord): Record<string, unknown> {
  return {
    id: note.id,
    type: null,
    body: note.body,
    attachment: null,
    author: userJson(note.author),
    created_at: note.created_at,
    updated_at: note.created_at,
    system: note.system,
    noteable_id: issue.id,
    noteable_type: 'Issue',
    project_id: issue.project_id,
    resolvable: false,
    confidential: note.internal,
    internal: note.internal,
    noteable_iid: issue.iid,
    commands_changes: {},
  };
}

export function mergeRequestJson(mr: MergeRequestRecord, projectPath: string): Record<string, unknown> {
  return {
    id: mr.id,
    iid: mr.iid,
    project_id: mr.project_id,
    title: mr.title,
    description: mr.description,
    state: mr.state,
    created_at: mr.created_at,
    updated_at: mr.created_at,
    target_branch: mr.target_branch,
    source_branch: mr.source_branch,
    author: userJson(mr.author),
    assignees: [],
    reviewers: [],
    labels: [],
    draft: /^draft:/i.test(mr.title),
    work_in_progress: /^draft:/i.test(mr.title),
    merge_status: 'can_be_merged',
    web_url: `${HOST}/${projectPath}/-/merge_requests/${mr.iid}`,
    references: { short: `!${mr.iid}`, relative: `!${mr.iid}`, full: `${projectPath}!${mr.iid}` },
  };
}

/** How Rails' `to_sentence` joins names in system notes: "a", "a and b", "a, b, and c". */
export function toSentence(words: readonly string[]): string {
  if (words.length <= 2) return words.join(' and ');
  return `${words.slice(0, -1).join(', ')}, and ${words.at(-1) ?? ''}`;
}
