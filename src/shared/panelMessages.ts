/**
 * The ticket panel's protocol: one zod schema per message, in both directions, used by the
 * extension and by the webview. The extension validates everything the webview sends (a page
 * that shows customer text is not trusted) and ignores what does not fit.
 */
import * as z from 'zod/mini';

const MAX_TEXT = 100_000;
const text = z.string().check(z.maxLength(MAX_TEXT));
const isoTime = z.iso.datetime({ offset: true });

export const PANEL_ACTIONS = ['claim', 'release', 'createFixBranch', 'createMergeRequest', 'handOff', 'setSeverity', 'setStatus', 'openInBrowser'] as const;
export type PanelAction = (typeof PANEL_ACTIONS)[number];

export const ticketViewSchema = z.object({
  sourceId: z.string(),
  id: z.string(),
  key: z.string(),
  title: text,
  description: text,
  severity: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.null()]),
  status: z.string(),
  assignee: z.nullable(z.string()),
  assignedToMe: z.boolean(),
  requester: z.optional(z.string()),
  organization: z.optional(z.string()),
  region: z.optional(z.string()),
  team: z.optional(z.string()),
  labels: z.array(z.string()),
  url: z.optional(z.string()),
  createdAt: isoTime,
  updatedAt: isoTime,
  slaDueAt: z.optional(isoTime),
  slaPaused: z.optional(z.boolean()),
  comments: z.array(z.object({ author: z.string(), createdAt: isoTime, body: text, internal: z.boolean() })),
  links: z.array(z.object({ kind: z.enum(['branch', 'mergeRequest']), name: z.string(), url: z.optional(z.string()) })),
});
export type TicketView = z.infer<typeof ticketViewSchema>;

const EXPERT_ACTIONS = ['ask', 'copy', 'commits', 'liveShare'] as const;

export const expertViewSchema = z.object({
  name: z.string(),
  email: z.string(),
  /** Plain lines: "path: 12 commits, 340 lines, last 3 weeks ago", "CODEOWNERS … (line 7)". */
  evidence: z.array(z.string()),
  inPreferredRegion: z.boolean(),
});
export type ExpertView = z.infer<typeof expertViewSchema>;

/**
 * A code reference the extension resolved to one workspace file, named by `referenceKey` (its path as
 * written and its line) and given an id that means something only to the panel that issued it. The
 * page asks to open the id, never a path.
 */
const referenceId = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/));
export const codeReferenceSchema = z.object({ key: z.string().check(z.maxLength(4_000)), id: referenceId });
export type CodeReferenceLink = z.infer<typeof codeReferenceSchema>;

/** A resolved ticket like this one, with why it matches and the commits that fixed it ("Seen before?"). */
const commitHash = z.string().check(z.regex(/^[0-9a-f]{40,64}$/));
const SIMILAR_REASONS = ['error', 'file', 'function', 'title', 'words'] as const;
export const similarViewSchema = z.object({
  key: z.string(),
  title: text,
  resolvedAt: isoTime,
  reasons: z.array(z.object({ kind: z.enum(SIMILAR_REASONS), texts: z.array(z.string().check(z.maxLength(4_000))) })),
  commits: z.array(z.object({ hash: commitHash, subject: text, author: z.string(), date: isoTime })),
});
export type SimilarView = z.infer<typeof similarViewSchema>;
const MAX_SIMILAR = 10;

/** The extension's bundle for the display language (absent in English) and that language, for dates and numbers. */
const localeSchema = z.object({
  type: z.literal('locale'),
  language: z.string().check(z.minLength(2), z.maxLength(35)),
  bundle: z.optional(z.record(z.string(), z.string())),
});

export const toWebviewSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('ticket'),
    ticket: ticketViewSchema,
    /** The actions that exist and apply to this ticket now. */
    actions: z.array(z.enum(PANEL_ACTIONS)),
    sourceLabel: z.string(),
    internalNotes: z.boolean(),
    publicReplies: z.boolean(),
  }),
  z.object({ type: z.literal('sent'), requestId: z.string() }),
  z.object({ type: z.literal('sendFailed'), requestId: z.string(), message: z.string() }),
  z.object({ type: z.literal('gone'), message: z.string() }),
  z.object({ type: z.literal('experts'), experts: z.array(expertViewSchema), liveShare: z.boolean(), message: z.optional(z.string()) }),
  localeSchema,
  z.object({ type: z.literal('references'), references: z.array(codeReferenceSchema) }),
  z.object({
    type: z.literal('seenBefore'),
    state: z.enum(['indexing', 'ready', 'unavailable']),
    tickets: z.array(similarViewSchema).check(z.maxLength(MAX_SIMILAR)),
    message: z.optional(z.string()),
  }),
]);
export type ToWebview = z.infer<typeof toWebviewSchema>;

const requestId = z.string().check(z.minLength(1), z.maxLength(64));

export const fromWebviewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('sendNote'), requestId, body: text.check(z.minLength(1)) }),
  z.object({ type: z.literal('sendReply'), requestId, body: text.check(z.minLength(1)) }),
  z.object({ type: z.literal('runAction'), action: z.enum(PANEL_ACTIONS) }),
  z.object({ type: z.literal('openLink'), href: z.string().check(z.maxLength(4_000)) }),
  z.object({ type: z.literal('copy'), text }),
  z.object({ type: z.literal('findExperts') }),
  z.object({ type: z.literal('expertAction'), expert: z.string().check(z.maxLength(320)), action: z.enum(EXPERT_ACTIONS) }),
  z.object({ type: z.literal('openReference'), id: referenceId }),
  /** The page names a similar ticket by its place in the list it was sent, and a commit by its hash: the extension checks both against what it sent. */
  z.object({ type: z.literal('openSimilar'), index: z.int().check(z.gte(0), z.lt(MAX_SIMILAR)) }),
  z.object({ type: z.literal('openCommit'), hash: commitHash }),
]);
export type FromWebview = z.infer<typeof fromWebviewSchema>;

/** What the webview keeps across reloads (`getState`/`setState`), also read by the serializer. */
export const panelStateSchema = z.object({
  sourceId: z.string(),
  id: z.string(),
  draft: z._default(z.string().check(z.maxLength(MAX_TEXT)), ''),
  scrollTop: z._default(z.number(), 0),
});
export type PanelState = z.infer<typeof panelStateSchema>;
