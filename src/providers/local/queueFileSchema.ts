/**
 * The local queue file, version 1: a public contract. `schemas/queue.schema.json` is generated from
 * these schemas (`npm run schema`) and contributed to VS Code for completion while editing; a unit
 * test keeps the two identical.
 *
 * Tickets are validated one by one so that a broken ticket is reported and skipped while the rest
 * of the queue still shows. Unknown fields are allowed everywhere and kept on write.
 */
// A namespace import lets the bundler keep only the parts of zod in use (not its 40 locales).
import * as z from 'zod';

const isoTime = z.iso.datetime({ offset: true }).describe('ISO 8601 date and time with a zone, e.g. 2026-11-24T09:30:00Z');
const text = z.string().min(1);

const localCommentSchema = z.looseObject({
  author: text.describe('Who wrote it: an e-mail address or a name'),
  createdAt: isoTime,
  body: z.string().describe('Markdown'),
  internal: z.boolean().optional().describe('true for an internal note the customer never sees; default false'),
});

const localLinkSchema = z.looseObject({
  kind: z.enum(['branch', 'mergeRequest']),
  name: text.describe('Branch name, or the merge request title'),
  url: z.url({ protocol: /^https?$/ }).optional(),
});

export const localTicketSchema = z.looseObject({
  id: z.union([text, z.int().nonnegative()]).describe('Unique within the file'),
  key: text.optional().describe('How people refer to it, e.g. SUP-42; default: the id'),
  title: text,
  severity: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.null()]).describe('1 (most urgent) to 4; null when not yet triaged'),
  status: text.describe('e.g. new, open, pending, solved, closed'),
  assignee: z.union([text, z.null()]).describe('Who holds the ticket (e-mail or name), null when unclaimed'),
  createdAt: isoTime,
  updatedAt: isoTime.optional(),
  description: z.string().optional().describe('Markdown'),
  comments: z.array(localCommentSchema).optional(),
  region: text.optional().describe("The customer's preferred support region, e.g. EMEA"),
  team: text.optional().describe('The owning team'),
  requester: text.optional(),
  organization: text.optional(),
  slaDueAt: isoTime.optional().describe('When set, replaces the per-severity first-response target'),
  labels: z.array(text).optional(),
  links: z.array(localLinkSchema).optional(),
  url: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe('Where the ticket lives on the web'),
  revision: z.int().nonnegative().optional().describe('Raised by one on every change; used to detect concurrent edits'),
});

/** The envelope only: each ticket is checked on its own with `localTicketSchema`. */
export const queueFileEnvelopeSchema = z.looseObject({
  version: z.literal(1),
  tickets: z.array(z.unknown()),
});

/** The whole file, for the published JSON Schema. */
export const queueFileSchema = z.looseObject({
  $schema: z.string().optional(),
  version: z.literal(1),
  tickets: z.array(localTicketSchema),
});

export type LocalTicket = z.infer<typeof localTicketSchema>;
export type QueueFile = z.infer<typeof queueFileSchema>;
