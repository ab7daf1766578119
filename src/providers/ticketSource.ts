/**
 * The one interface every ticket system implements (local queue file now; GitLab, GitHub, Zendesk
 * and Jira later). Implementations never import `vscode`: cancellation is an AbortSignal and
 * identity ("me") is given to them, so each is testable in plain Node.
 */
import type { TicketHistoryRecord } from '../core/history/ticketHistory';
import type { Severity } from '../core/severity';
import type { Ticket, TicketLink } from '../core/ticket';
import type { SourceResult } from './sourceResult';

/** What a system can do; the UI offers only what applies. */
export interface SourceCapabilities {
  readonly claim: boolean;
  /** Notes the customer never sees. GitHub, for one, has none: every comment there is public. */
  readonly internalNotes: boolean;
  /** Comments the customer sees. */
  readonly publicReplies: boolean;
  readonly handoff: boolean;
  readonly linkChanges: boolean;
  /** Merge requests can be opened for a fix branch (GitLab). */
  readonly mergeRequests?: boolean;
  /** Severity can be set from here (triage). */
  readonly setSeverity?: boolean;
  /** Status can be set from here, to one of the source's `statuses`. */
  readonly setStatus?: boolean;
}

/** A severity a ticket can be triaged to: "not yet triaged" is where tickets start, never where triage leaves them. */
export type TriagedSeverity = Exclude<Severity, 'unknown'>;

export interface MergeRequestDraft {
  /** The ticket the merge request is for: it decides the project in a group-wide source. */
  readonly ticketId: string;
  readonly sourceBranch: string;
  readonly targetBranch: string;
  readonly title: string;
  readonly description: string;
  readonly draft: boolean;
}

export interface CreatedMergeRequest {
  readonly url: string;
  readonly reference: string;
}

/** A ticket that could not be read; the rest of the queue still shows. */
export interface QueueProblem {
  readonly sourceId: string;
  /** Where: a file and index, or a URL and item. */
  readonly location: string;
  /** The offending field, dotted (`comments.2.createdAt`), when known. */
  readonly field?: string;
  /** One sentence that names the field itself: `severity must be 1, 2, 3, 4 or null; found "high"`. */
  readonly message: string;
}

export interface QueuePage {
  readonly tickets: readonly Ticket[];
  readonly problems: readonly QueueProblem[];
  /** Present when there are more pages. */
  readonly nextCursor?: string;
}

export interface ListRequest {
  readonly cursor?: string;
  readonly signal?: AbortSignal;
}

export interface HistoryRequest {
  /** Tickets created or resolved at or after this time. */
  readonly since: Date;
  readonly cursor?: string;
  readonly signal?: AbortSignal;
}

export interface HistoryPage {
  readonly records: readonly TicketHistoryRecord[];
  readonly problems: readonly QueueProblem[];
  /** Present when there are more pages. */
  readonly nextCursor?: string;
}

/** What the caller last saw of a ticket: the source refuses to act on a stale view. */
export interface TicketSeen {
  readonly id: string;
  readonly revision: string;
}

export interface Handoff {
  readonly team: string;
  /** Markdown: what was investigated, how to reproduce, what is suspected, next steps. */
  readonly note: string;
}

/** Who can read a ticket's public comments, where the system says: its repository's visibility on GitHub. */
export type CommentAudience = 'public' | 'private' | 'internal';

export interface TicketSource {
  readonly id: string;
  readonly kind: string;
  /** For people: "Local queue", "GitLab (support project)". */
  readonly label: string;
  readonly capabilities: SourceCapabilities;
  /** Who "me" is here, when known. */
  readonly me: string | undefined;

  listQueue(request: ListRequest): Promise<SourceResult<QueuePage>>;
  getTicket(id: string, signal?: AbortSignal): Promise<SourceResult<Ticket>>;
  /** Assign to me, unless someone else holds it or it changed since `seen`. */
  claim(seen: TicketSeen): Promise<SourceResult<Ticket>>;
  /** Unassign, only when I hold it. */
  release(seen: TicketSeen): Promise<SourceResult<Ticket>>;
  addInternalNote(id: string, body: string): Promise<SourceResult<Ticket>>;
  /** A comment the customer sees: callers ask the user to confirm first. */
  addPublicReply(id: string, body: string): Promise<SourceResult<Ticket>>;
  /** Move to the team, add the note as an internal note, release. */
  handOff(seen: TicketSeen, handoff: Handoff): Promise<SourceResult<Ticket>>;
  /** Record a fix branch or a merge request on the ticket; recording it twice changes nothing. */
  linkChange(id: string, link: TicketLink): Promise<SourceResult<Ticket>>;
  /** Only where `capabilities.mergeRequests`. */
  createMergeRequest?(draft: MergeRequestDraft): Promise<SourceResult<CreatedMergeRequest>>;
  /** The statuses `setStatus` takes, in the order a person goes through them; only where `capabilities.setStatus`. */
  readonly statuses?: readonly string[];
  /**
   * Only where `capabilities.setSeverity`. Like a claim, refused (a conflict carrying the ticket as
   * it is now) when the ticket changed since `seen`, so nobody's triage is overwritten unseen.
   */
  setSeverity?(seen: TicketSeen, severity: TriagedSeverity): Promise<SourceResult<Ticket>>;
  /** Only where `capabilities.setStatus`; refused like `setSeverity` when the ticket changed since `seen`. */
  setStatus?(seen: TicketSeen, status: string): Promise<SourceResult<Ticket>>;
  /** Every ticket, open or resolved, created or resolved since `request.since`; absent where the system keeps no history we can read. */
  history?(request: HistoryRequest): Promise<SourceResult<HistoryPage>>;
  /** Where comments are read by whoever can see the repository (GitHub): who that is; undefined when it cannot be read. */
  commentAudience?(id: string): Promise<CommentAudience | undefined>;
}
