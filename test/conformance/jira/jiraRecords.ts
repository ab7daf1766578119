/**
 * What the Jira fake stores, and how it shows it on each API: users as Cloud (`accountId`) or Data
 * Center (`name`, `key`) show them, issues with their fields and changelog, comments, remote links.
 * Bodies are kept as they were written; the v3 API shows them as Atlassian Document Format and v2
 * as text, as Jira converts between the two (here only as far as paragraphs of text).
 */
export type Flavour = 'cloud' | 'dataCenter';

export interface UserRecord {
  readonly accountId: string;
  readonly name: string;
  readonly displayName: string;
  readonly email: string;
}

export interface HistoryRecord {
  readonly id: string;
  readonly author: UserRecord;
  readonly created: string;
  readonly items: readonly {
    readonly field: string;
    readonly from: string | null;
    readonly fromString: string | null;
    readonly to: string | null;
    readonly toString: string | null;
  }[];
}

export interface CommentRecord {
  readonly id: string;
  readonly author: UserRecord;
  /** ADF (from v3) or text (from v2 and the service desk API). */
  readonly body: unknown;
  readonly created: string;
  readonly visibility?: { readonly type: string; readonly value: string };
  /** Set for service desk comments. */
  readonly jsdPublic?: boolean;
}

export interface RemoteLinkRecord {
  readonly id: number;
  globalId?: string;
  object: { url: string; title: string };
}

export interface IssueRecord {
  readonly id: string;
  readonly key: string;
  summary: string;
  description: unknown;
  status: { name: string; category: 'new' | 'indeterminate' | 'done' };
  priority: string;
  assignee: UserRecord | null;
  readonly reporter: UserRecord;
  labels: string[];
  components: string[];
  /** The team field, a select list. */
  team: string | null;
  region: string | null;
  readonly created: string;
  updated: string;
  resolutiondate: string | null;
  readonly histories: HistoryRecord[];
  readonly comments: CommentRecord[];
  readonly remoteLinks: RemoteLinkRecord[];
  /** Service desk SLAs: each with an ongoing cycle that may be paused. */
  slas: { name: string; breachAt: number; paused: boolean }[];
}

export const TEAM_FIELD = 'customfield_10001';
export const REGION_FIELD = 'customfield_10002';
export const TEAM_OPTIONS = ['search', 'billing', 'platform'];

/** Jira's time format: `2026-12-01T10:00:00.000+0000`. */
export function jiraTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

export function userJson(user: UserRecord, flavour: Flavour): Record<string, unknown> {
  return flavour === 'cloud'
    ? { accountId: user.accountId, displayName: user.displayName, emailAddress: user.email, active: true, accountType: 'atlassian' }
    : { name: user.name, key: user.name, displayName: user.displayName, emailAddress: user.email, active: true };
}

export function userId(user: UserRecord, flavour: Flavour): string {
  return flavour === 'cloud' ? user.accountId : user.name;
}

/** A body in the form the API version shows: ADF on v3, text on v2. */
function bodyFor(body: unknown, version: 2 | 3): unknown {
  const text = typeof body === 'string' ? body : adfText(body);
  if (version === 2) return text;
  if (typeof body !== 'string') return body;
  return { version: 1, type: 'doc', content: text === '' ? [] : [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

/** The text of an ADF document, paragraphs apart: what the fake's state reports as a note's body. */
export function adfText(doc: unknown): string {
  const walk = (node: unknown): string => {
    if (typeof node !== 'object' || node === null) return '';
    const { type, text, content } = node as { type?: unknown; text?: unknown; content?: unknown };
    if (typeof text === 'string') return text;
    const inner = Array.isArray(content) ? content.map(walk) : [];
    return type === 'doc' ? inner.join('\n\n') : inner.join('');
  };
  return walk(doc);
}

export function isAdf(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'doc' && (value as { version?: unknown }).version === 1;
}

export function issueFields(issue: IssueRecord, flavour: Flavour, version: 2 | 3): Record<string, unknown> {
  return {
    summary: issue.summary,
    description: issue.description === null ? null : bodyFor(issue.description, version),
    status: { name: issue.status.name, statusCategory: { key: issue.status.category, name: issue.status.category } },
    priority: { name: issue.priority, id: issue.priority },
    assignee: issue.assignee ? userJson(issue.assignee, flavour) : null,
    reporter: userJson(issue.reporter, flavour),
    labels: issue.labels,
    components: issue.components.map((name, i) => ({ id: String(i + 1), name })),
    created: issue.created,
    updated: issue.updated,
    resolutiondate: issue.resolutiondate,
    [TEAM_FIELD]: issue.team === null ? null : { id: String(TEAM_OPTIONS.indexOf(issue.team) + 100), value: issue.team },
    [REGION_FIELD]: issue.region,
  };
}

export function historyJson(history: HistoryRecord, flavour: Flavour): Record<string, unknown> {
  return {
    id: history.id,
    author: userJson(history.author, flavour),
    created: history.created,
    items: history.items.map((item) => ({
      ...item,
      fieldtype: 'jira',
      fieldId: item.field,
      ...(flavour === 'cloud' && item.field === 'assignee' ? { tmpFromAccountId: item.from, tmpToAccountId: item.to } : {}),
    })),
  };
}

export function commentJson(comment: CommentRecord, flavour: Flavour, version: 2 | 3): Record<string, unknown> {
  return {
    id: comment.id,
    author: userJson(comment.author, flavour),
    body: bodyFor(comment.body, version),
    created: comment.created,
    updated: comment.created,
    ...(comment.visibility ? { visibility: comment.visibility } : {}),
    ...(comment.jsdPublic === undefined ? {} : { jsdPublic: comment.jsdPublic }),
  };
}
