/**
 * A Jira issue's comments, read whole (offset paged, oldest first, under a bound) and written never
 * twice. An internal note is a service desk comment with `public: false` on a service project, or
 * a platform comment restricted (`visibility`) to a configured role or group elsewhere. A comment
 * is not idempotent: after a lost answer it is looked for among the comments by its author and
 * body, and sent again only when it is not there.
 */
import { fail, ok, type SourceResult } from '../sourceResult';
import type { JiraApi } from './jiraApi';
import type { JiraBodies } from './jiraBodies';
import { jiraUserId } from './jiraMapping';
import { jiraCommentPageSchema, jiraCreatedCommentSchema, type JiraComment } from './jiraSchemas';

/** 5,000 comments: far beyond any real issue; a server that keeps announcing pages stops here. */
const MAX_COMMENT_PAGES = 50;
const PAGE_SIZE = 100;

export interface CommentVisibility {
  readonly type: 'role' | 'group';
  readonly value: string;
}

/** Where a comment goes and how: the service desk's own endpoint, or the platform's with a visibility. */
export type CommentRoute =
  | { readonly kind: 'serviceDesk'; readonly public: boolean; readonly bodies: JiraBodies }
  | { readonly kind: 'platform'; readonly visibility?: CommentVisibility; readonly bodies: JiraBodies };

/** An issue's platform path (`/rest/api/3/issue/10042`), its id, and the format its comments are read in. */
export interface IssueAt {
  readonly id: string;
  readonly path: string;
  readonly bodies: JiraBodies;
}

export class JiraComments {
  constructor(
    private readonly api: JiraApi,
    private readonly label: string,
  ) {}

  async all(issuePath: string, signal?: AbortSignal): Promise<SourceResult<JiraComment[]>> {
    const comments: JiraComment[] = [];
    for (let page = 0; page < MAX_COMMENT_PAGES; page++) {
      const answer = await this.api.get(`${issuePath}/comment`, jiraCommentPageSchema, { startAt: comments.length, maxResults: PAGE_SIZE }, signal);
      if (answer.kind !== 'ok') return answer;
      comments.push(...answer.value.comments.filter((c) => !comments.some((known) => known.id === c.id)));
      if (answer.value.comments.length === 0 || comments.length >= answer.value.total) return ok(comments);
    }
    return fail('invalidResponse', `${this.label} kept announcing more comments after ${MAX_COMMENT_PAGES} pages of ${issuePath}; stopped reading.`);
  }

  /** Posts the comment once, whatever happens to the answer. */
  async post(issue: IssueAt, markdown: string, route: CommentRoute, me: string): Promise<SourceResult<void>> {
    const words = lettersOf(markdown);
    const mine = (c: JiraComment): boolean => jiraUserId(c.author) === me && lettersOf(issue.bodies.toMarkdown(c.body)) === words;
    const before = await this.all(issue.path);
    if (before.kind !== 'ok') return before;
    const already = before.value.filter(mine).length;
    const landed = async (): Promise<boolean | undefined> => {
      const now = await this.all(issue.path);
      return now.kind === 'ok' ? now.value.filter(mine).length > already : undefined;
    };
    const [path, body] =
      route.kind === 'serviceDesk'
        ? [`/rest/servicedeskapi/request/${issue.id}/comment`, { body: route.bodies.fromMarkdown(markdown), public: route.public }]
        : [`${issue.path}/comment`, { body: route.bodies.fromMarkdown(markdown), ...(route.visibility ? { visibility: route.visibility } : {}) }];
    const sent = await this.api.send('POST', path, body, jiraCreatedCommentSchema, { idempotent: false, landed });
    if (sent.kind === 'offline' || sent.kind === 'cancelled')
      return { ...sent, message: `${sent.message} Whether the comment on ${issue.id} was posted could not be checked: look at the issue.` };
    return sent.kind === 'ok' ? ok(undefined) : sent;
  }
}

/**
 * A comment's letters and digits: what survives any format's round trip (a service desk comment is
 * written as wiki markup and may read back as ADF), so that our comment is recognised however it
 * was stored.
 */
function lettersOf(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '');
}
