/**
 * The local queue file, version 1: a public contract. `schemas/queue.schema.json` is generated from
 * these schemas (`npm run schema`) and contributed to VS Code for completion while editing; a unit
 * test keeps the two identical.
 *
 * Tickets are validated one by one so that a broken ticket is reported and skipped while the rest
 * of the queue still shows. Unknown fields are allowed everywhere and kept on write.
 */
// zod/mini: only the parts in use are bundled (the full API is three times the size).
import * as z from 'zod/mini';
import { mustBe } from '../../core/zodMessages';

const isoTime = z.iso.datetime({ offset: true }).check(z.describe('ISO 8601 date and time with a zone, e.g. 2026-11-24T09:30:00Z'));
const text = z.string().check(z.minLength(1));
const webAddress = z.url({ protocol: /^https?$/, error: mustBe('an http or https URL') });

const localCommentSchema = z.looseObject({
  author: text.check(z.describe('Who wrote it: an e-mail address or a name')),
  createdAt: isoTime,
  body: z.string().check(z.describe('Markdown')),
  internal: z.optional(z.boolean()).check(z.describe('true for an internal note the customer never sees; default false')),
});

const localLinkSchema = z.looseObject({
  kind: z.enum(['branch', 'mergeRequest']),
  name: text.check(z.describe('Branch name, or the merge request title')),
  url: z.optional(webAddress),
});

export const localTicketSchema = z.looseObject({
  id: z.union([text, z.int().check(z.nonnegative())], { error: mustBe('a non-empty string or a whole number') }).check(z.describe('Unique within the file')),
  key: z.optional(text).check(z.describe('How people refer to it, e.g. SUP-42; default: the id')),
  title: text,
  severity: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.null()]).check(z.describe('1 (most urgent) to 4; null when not yet triaged')),
  status: text.check(z.describe('e.g. new, open, pending, solved, closed')),
  assignee: z.union([text, z.null()]).check(z.describe('Who holds the ticket (e-mail or name), null when unclaimed')),
  createdAt: isoTime,
  updatedAt: z.optional(isoTime),
  description: z.optional(z.string()).check(z.describe('Markdown')),
  comments: z.optional(z.array(localCommentSchema)),
  region: z.optional(text).check(z.describe("The customer's preferred support region, e.g. EMEA")),
  team: z.optional(text).check(z.describe('The owning team')),
  requester: z.optional(text),
  organization: z.optional(text),
  slaDueAt: z.optional(isoTime).check(z.describe('When set, replaces the per-severity first-response target')),
  claimedAt: z.optional(isoTime).check(z.describe('When it was first claimed; written by the first claim')),
  resolvedAt: z
    .optional(isoTime)
    .check(
      z.describe(
        'When it was resolved; written when the status becomes solved or closed, removed when it is reopened. Without it, a resolved ticket counts as resolved at updatedAt',
      ),
    ),
  labels: z.optional(z.array(text)),
  links: z.optional(z.array(localLinkSchema)),
  url: z.optional(webAddress).check(z.describe('Where the ticket lives on the web')),
  revision: z.optional(z.int().check(z.nonnegative())).check(z.describe('Raised by one on every change; used to detect concurrent edits')),
});

/** The envelope only: each ticket is checked on its own with `localTicketSchema`. */
export const queueFileEnvelopeSchema = z.looseObject({
  version: z.literal(1),
  tickets: z.array(z.unknown()),
});

/** The whole file, for the published JSON Schema. */
export const queueFileSchema = z.looseObject({
  $schema: z.optional(z.string()),
  version: z.literal(1),
  tickets: z.array(localTicketSchema),
});

export type LocalTicket = z.infer<typeof localTicketSchema>;
export type QueueFile = z.infer<typeof queueFileSchema>;
