/**
 * Reading the queue file: the envelope must be right (or nothing can be trusted), each ticket is
 * checked on its own, and a broken ticket becomes a problem that names file, index, field and why.
 */
import type * as z from 'zod/mini';
import type { Ticket } from '../../core/ticket';
import type { QueueProblem } from '../ticketSource';
import { fieldMessages } from '../../core/zodMessages';
import { queueFileEnvelopeSchema, localTicketSchema, type LocalTicket } from './queueFileSchema';
import { toTicket } from './localTicketMapping';

/** The file as JSON, exactly as read: writes change this object so unknown fields survive. */
export interface RawQueue {
  version: 1;
  tickets: unknown[];
  [extra: string]: unknown;
}

export interface ParsedQueue {
  readonly raw: RawQueue;
  readonly tickets: Ticket[];
  /** The same tickets as the file has them, index for index: fields only history reads (`claimedAt`, `resolvedAt`). */
  readonly locals: LocalTicket[];
  readonly problems: QueueProblem[];
  /** Detected from the file so that a write keeps its layout. */
  readonly indent: string | number;
}

export type ParseOutcome = { readonly ok: true; readonly queue: ParsedQueue } | { readonly ok: false; readonly message: string };

export interface ParseContext {
  readonly sourceId: string;
  /** For messages: the path as the user knows it. */
  readonly file: string;
  /** Where text that is not JSON breaks, as " at line 3, column 7 (…)" (`firstSyntaxError`); without it the message names no place. */
  readonly locateSyntaxError?: (text: string) => string;
}

/** Messages for a ticket: `severity must be 1, 2, 3, 4 or null; found "high"`. */
export const TICKET_MESSAGES = fieldMessages('the ticket');

export function parseQueueText(text: string, context: ParseContext): ParseOutcome {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: `${context.file} is not valid JSON${context.locateSyntaxError?.(text) ?? ''}. The file was left as it is.` };
  }
  const envelope = queueFileEnvelopeSchema.safeParse(json, fieldMessages('the file'));
  if (!envelope.success) {
    return { ok: false, message: `${context.file} is not a version 1 queue file: ${describeIssues(envelope.error)}.` };
  }
  const raw = envelope.data;
  const tickets: Ticket[] = [];
  const locals: LocalTicket[] = [];
  const problems: QueueProblem[] = [];
  const seen = new Set<string>();
  raw.tickets.forEach((item, index) => {
    const checked = localTicketSchema.safeParse(item, TICKET_MESSAGES);
    const location = `${context.file}, ticket ${index}`;
    if (!checked.success) {
      const issue = checked.error.issues[0];
      problems.push({ sourceId: context.sourceId, location, field: issue?.path.join('.') || undefined, message: describeIssues(checked.error) });
      return;
    }
    const ticket = toTicket(checked.data, context.sourceId);
    if (seen.has(ticket.id)) {
      problems.push({ sourceId: context.sourceId, location, field: 'id', message: `duplicate id "${ticket.id}"; only the first is shown` });
      return;
    }
    seen.add(ticket.id);
    tickets.push(ticket);
    locals.push(checked.data);
  });
  return { ok: true, queue: { raw, tickets, locals, problems, indent: detectIndent(text) } };
}

/** Each message names its field (see `fieldMessages`); the first three are enough to start fixing. */
function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => i.message)
    .join('. ');
}

function detectIndent(text: string): string | number {
  const match = /^[{[]\r?\n([ \t]+)\S/.exec(text);
  if (!match?.[1]) return 2;
  return match[1].startsWith('\t') ? '\t' : match[1].length;
}
