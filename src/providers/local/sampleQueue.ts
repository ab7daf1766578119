/**
 * The sample escalation queue: what "Create Sample Queue" writes and what the demo workspace
 * (`scripts/make-sample-workspace.ts`) ships. It is a week of rotation at "Acme Cloud", the
 * fictional product in `sample/`: stack traces and file references point at real files and
 * functions there, the colleagues are the authors of its git history, and the demo user is Sam.
 *
 * The tickets are a data file shipped with the extension, read only when a sample is made, so
 * their text never weighs on activation. Every time in it is an offset from the moment the queue
 * is made, so the SLA picture (some tickets due soon, some breached) is the same whenever that is.
 * No randomness: one `now`, one queue.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod/mini';
import '../../core/zodMessages';
import { localTicketSchema, type LocalTicket, type QueueFile } from './queueFileSchema';

/** The demo user: the sample workspace's git `user.email`, holding three of the tickets. */
export const SAMPLE_DEMO_USER = 'sam.taylor@example.com';

/** The data file, relative to the extension's root (the repository's root in a checkout). */
export const SAMPLE_QUEUE_DATA_FILE = join('resources', 'sampleQueue.json');

/** "6d 3h", "1h 50m", "12m": days, hours and minutes, each optional, in that order. */
const DURATION = /^(?=\d)(?:(\d+)d)?(?: ?(\d+)h)?(?: ?(\d+)m)?$/;
const duration = z.string().check(z.regex(DURATION, 'expected a duration such as "6d 3h", "1h 50m" or "12m"'));

const sampleCommentSchema = z.strictObject({
  author: z.string().check(z.minLength(1)),
  /** How long before the queue is made. */
  ago: duration,
  body: z.string(),
  internal: z.boolean(),
});

const sampleTicketSchema = z.strictObject({
  ...z.omit(localTicketSchema, { createdAt: true, updatedAt: true, slaDueAt: true, comments: true, claimedAt: true, resolvedAt: true }).shape,
  /** How long before the queue is made; the ticket was last updated at its latest comment, or then. */
  createdAgo: duration,
  /** How long before the queue is made it was first claimed, and resolved: the history the rotation dashboard counts. */
  claimedAgo: z.optional(duration),
  resolvedAgo: z.optional(duration),
  /** A contractual due time, this long after creation, replacing the per-severity target. */
  slaDueAfter: z.optional(duration),
  comments: z.array(sampleCommentSchema),
});

const sampleQueueDataSchema = z.strictObject({
  $comment: z.optional(z.string()),
  version: z.literal(1),
  tickets: z.array(sampleTicketSchema),
});

type SampleTicket = z.infer<typeof sampleTicketSchema>;

/** The sample queue as of `now`, from the data file's contents; throws when they are not valid. */
export function sampleQueueAt(data: unknown, now: Date): QueueFile {
  const parsed = sampleQueueDataSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`The sample queue's data is not valid: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return { version: 1, tickets: parsed.data.tickets.map((ticket) => datedTicket(ticket, now)) };
}

/** Reads the data file under `root` (the extension's or the repository's) and dates it at `now`. */
export async function readSampleQueue(root: string, now: Date): Promise<QueueFile> {
  return sampleQueueAt(JSON.parse(await readFile(join(root, SAMPLE_QUEUE_DATA_FILE), 'utf8')), now);
}

function datedTicket(ticket: SampleTicket, now: Date): LocalTicket {
  const { id, key, title, severity, status, assignee, createdAgo, slaDueAfter, claimedAgo, resolvedAgo, comments, ...rest } = ticket;
  const created = minutesOf(createdAgo);
  const updated = Math.min(created, ...comments.map((c) => minutesOf(c.ago)));
  // What and when first, as people scan a queue file; the conversation, the longest part, last.
  return {
    id,
    key,
    title,
    severity,
    status,
    assignee,
    createdAt: at(now, created),
    updatedAt: at(now, updated),
    ...(slaDueAfter === undefined ? {} : { slaDueAt: at(now, created - minutesOf(slaDueAfter)) }),
    ...(claimedAgo === undefined ? {} : { claimedAt: at(now, minutesOf(claimedAgo)) }),
    ...(resolvedAgo === undefined ? {} : { resolvedAt: at(now, minutesOf(resolvedAgo)) }),
    ...rest,
    comments: comments.map((c) => ({ author: c.author, createdAt: at(now, minutesOf(c.ago)), body: c.body, internal: c.internal })),
  };
}

function minutesOf(text: string): number {
  const [, days = '0', hours = '0', minutes = '0'] = DURATION.exec(text) ?? [];
  return (Number(days) * 24 + Number(hours)) * 60 + Number(minutes);
}

function at(now: Date, minutesAgo: number): string {
  return new Date(now.getTime() - minutesAgo * 60_000).toISOString();
}
