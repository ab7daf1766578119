/**
 * The embedded default source: a JSON queue file in the workspace. Every change happens under a
 * file lock as read → check → atomic write, and checks what the caller last saw, so two windows
 * claiming one ticket at once get exactly one winner and the other is told who holds it.
 */
import { readFile } from 'node:fs/promises';
import { isAssignedTo, type Ticket, type TicketLink } from '../../core/ticket';
import { fail, ok, type SourceFailure, type SourceResult } from '../sourceResult';
import type {
  Handoff,
  HistoryPage,
  HistoryRequest,
  ListRequest,
  QueuePage,
  SourceCapabilities,
  TicketSeen,
  TicketSource,
  TriagedSeverity,
} from '../ticketSource';
import { changedSinceSeen } from '../triageConflict';
import { writeFileAtomic } from './atomicWrite';
import { DEFAULT_LOCK_OPTIONS, LockTimeoutError, withFileLock, type LockOptions } from './fileLock';
import { localTicketSchema } from './queueFileSchema';
import { parseQueueText, TICKET_MESSAGES, type ParsedQueue } from './queueFileParse';
import { toTicket } from './localTicketMapping';
import { inWindow, isResolvedStatus, toHistoryRecord } from './localHistory';

export interface LocalSourceOptions {
  readonly id: string;
  readonly label?: string;
  /** Absolute path of the queue file. */
  readonly queueFile: string;
  /** The path as the user wrote it, for messages. */
  readonly displayPath: string;
  readonly me: string | undefined;
  readonly now?: () => Date;
  readonly lock?: LockOptions;
  /** Where a file that is not JSON breaks (see `ParseContext`). */
  readonly locateSyntaxError?: (text: string) => string;
}

/** The status a hand-off leaves: the ticket is the receiving team's now, no longer the rotation's to claim. */
const HANDED_OFF_STATUS = 'handed-off';

/** The statuses offered when setting one; the file takes any other text too. */
const LOCAL_STATUSES = ['new', 'open', 'pending', 'solved', 'closed'] as const;

/** The raw ticket object from the file; changes are made to it so that unknown fields survive. */
type RawTicket = Record<string, unknown>;

/** What an operation decides after seeing the ticket as it is now, under the lock. */
type Decision = { readonly write: (raw: RawTicket) => void } | { readonly unchanged: true } | SourceFailure;

export class LocalSource implements TicketSource {
  readonly kind = 'local';
  readonly capabilities: SourceCapabilities = {
    claim: true,
    internalNotes: true,
    publicReplies: true,
    handoff: true,
    linkChanges: true,
    setSeverity: true,
    setStatus: true,
  };
  readonly statuses: readonly string[] = LOCAL_STATUSES;
  readonly id: string;
  readonly label: string;
  readonly me: string | undefined;
  private readonly now: () => Date;

  constructor(private readonly options: LocalSourceOptions) {
    this.id = options.id;
    this.label = options.label ?? 'Local queue';
    this.me = options.me;
    this.now = options.now ?? (() => new Date());
  }

  /** Absolute path of the queue file. */
  get queueFile(): string {
    return this.options.queueFile;
  }

  async listQueue(request: ListRequest): Promise<SourceResult<QueuePage>> {
    const read = await this.read(request.signal);
    if (read.kind !== 'ok') return read;
    return ok({ tickets: read.value.tickets, problems: read.value.problems });
  }

  async history(request: HistoryRequest): Promise<SourceResult<HistoryPage>> {
    const read = await this.read(request.signal);
    if (read.kind !== 'ok') return read;
    const { tickets, locals, problems } = read.value;
    const records = tickets.map((ticket, index) => toHistoryRecord(locals[index], ticket)).filter((record) => inWindow(record, request.since));
    return ok({ records, problems });
  }

  async getTicket(id: string, signal?: AbortSignal): Promise<SourceResult<Ticket>> {
    const read = await this.read(signal);
    if (read.kind !== 'ok') return read;
    const ticket = read.value.tickets.find((t) => t.id === id);
    return ticket ? ok(ticket) : this.notFound(id);
  }

  claim(seen: TicketSeen): Promise<SourceResult<Ticket>> {
    return this.change(seen.id, (current, me) => {
      if (isAssignedTo(current, me)) return { unchanged: true };
      if (current.assignee) {
        return { kind: 'conflict', holder: current.assignee, current, message: `${current.key} is already claimed by ${current.assignee.name}.` };
      }
      if (current.revision !== seen.revision) {
        return { kind: 'conflict', holder: null, current, message: `${current.key} changed since the queue was loaded.` };
      }
      return {
        write: (raw) => {
          raw.assignee = me;
          raw.claimedAt ??= this.now().toISOString();
          // Someone is on it now: a ticket nobody had looked at is open.
          if (raw.status === 'new') raw.status = 'open';
        },
      };
    });
  }

  release(seen: TicketSeen): Promise<SourceResult<Ticket>> {
    return this.change(seen.id, (current, me) => {
      if (!current.assignee) return { unchanged: true };
      if (!isAssignedTo(current, me)) {
        return { kind: 'conflict', holder: current.assignee, current, message: `${current.key} is held by ${current.assignee.name}, not by you.` };
      }
      return { write: (raw) => (raw.assignee = null) };
    });
  }

  setSeverity(seen: TicketSeen, severity: TriagedSeverity): Promise<SourceResult<Ticket>> {
    return this.triage(
      seen,
      (current) => current.severity === severity,
      (raw) => (raw.severity = severity),
    );
  }

  setStatus(seen: TicketSeen, status: string): Promise<SourceResult<Ticket>> {
    return this.triage(
      seen,
      (current) => current.status === status,
      (raw) => this.writeStatus(raw, status),
    );
  }

  addInternalNote(id: string, body: string): Promise<SourceResult<Ticket>> {
    return this.change(id, (_current, me) => ({ write: (raw) => appendComment(raw, me, body, this.now(), true) }));
  }

  addPublicReply(id: string, body: string): Promise<SourceResult<Ticket>> {
    return this.change(id, (_current, me) => ({ write: (raw) => appendComment(raw, me, body, this.now(), false) }));
  }

  handOff(seen: TicketSeen, handoff: Handoff): Promise<SourceResult<Ticket>> {
    return this.change(seen.id, (current, me) => {
      if (current.assignee && !isAssignedTo(current, me)) {
        return {
          kind: 'conflict',
          holder: current.assignee,
          current,
          message: `${current.key} is held by ${current.assignee.name}; only they can hand it off.`,
        };
      }
      return {
        write: (raw) => {
          raw.team = handoff.team;
          raw.status = HANDED_OFF_STATUS;
          raw.assignee = null;
          appendComment(raw, me, handoff.note, this.now(), true);
        },
      };
    });
  }

  linkChange(id: string, link: TicketLink): Promise<SourceResult<Ticket>> {
    return this.change(id, (current) => {
      if (current.links.some((l) => l.kind === link.kind && l.name === link.name)) return { unchanged: true };
      return {
        write: (raw) => {
          const links: unknown[] = Array.isArray(raw.links) ? raw.links : [];
          raw.links = [...links, link.url ? { kind: link.kind, name: link.name, url: link.url } : { kind: link.kind, name: link.name }];
        },
      };
    });
  }

  /** Resolving stamps the time, reopening removes it: `resolvedAt` is always the last resolution of a ticket still resolved. */
  private writeStatus(raw: RawTicket, status: string): void {
    const wasResolved = typeof raw.status === 'string' && isResolvedStatus(raw.status);
    raw.status = status;
    if (!isResolvedStatus(status)) delete raw.resolvedAt;
    else if (!wasResolved) raw.resolvedAt = this.now().toISOString();
  }

  /** Already as asked: nothing to write (a repeated request changes nothing). Changed since seen: refused. */
  private triage(seen: TicketSeen, alreadySo: (current: Ticket) => boolean, write: (raw: RawTicket) => void): Promise<SourceResult<Ticket>> {
    return this.change(seen.id, (current) => {
      if (alreadySo(current)) return { unchanged: true };
      if (current.revision !== seen.revision) return changedSinceSeen(current);
      return { write };
    });
  }

  private async read(signal?: AbortSignal): Promise<SourceResult<ParsedQueue>> {
    if (signal?.aborted) return fail('cancelled', 'Loading the local queue was cancelled.');
    let text: string;
    try {
      text = await readFile(this.options.queueFile, 'utf8');
    } catch (error) {
      return this.fileError(error);
    }
    const parsed = parseQueueText(text, { sourceId: this.id, file: this.options.displayPath, locateSyntaxError: this.options.locateSyntaxError });
    return parsed.ok ? ok(parsed.queue) : fail('invalidResponse', parsed.message);
  }

  /** Read, decide on the ticket as it is now, write: all under the lock. */
  private async change(id: string, decide: (current: Ticket, me: string) => Decision): Promise<SourceResult<Ticket>> {
    const me = this.me;
    if (!me) {
      return fail('unauthorised', 'Who you are in the local queue is not known: set "supportRotation.local.me" or git\'s user.email.');
    }
    try {
      return await withFileLock(`${this.options.queueFile}.lock`, () => this.changeLocked(id, me, decide), this.options.lock ?? DEFAULT_LOCK_OPTIONS);
    } catch (error) {
      if (error instanceof LockTimeoutError) return fail('offline', `The local queue is busy: ${error.message}. Try again.`);
      return this.fileError(error);
    }
  }

  private async changeLocked(id: string, me: string, decide: (current: Ticket, me: string) => Decision): Promise<SourceResult<Ticket>> {
    const read = await this.read();
    if (read.kind !== 'ok') return read;
    const { raw, tickets, indent } = read.value;
    const rawTicket = raw.tickets.find((t): t is RawTicket => isRecord(t) && String(t.id) === id);
    if (!rawTicket) return this.notFound(id);
    const current = tickets.find((t) => t.id === id);
    if (!current) return fail('invalidResponse', `Ticket "${id}" in ${this.options.displayPath} is not valid; fix it before changing it.`);

    const decision = decide(current, me);
    if ('kind' in decision) return decision;
    if ('unchanged' in decision) return ok(current);

    decision.write(rawTicket);
    rawTicket.revision = (typeof rawTicket.revision === 'number' ? rawTicket.revision : 0) + 1;
    rawTicket.updatedAt = this.now().toISOString();
    const checked = localTicketSchema.safeParse(rawTicket, TICKET_MESSAGES);
    if (!checked.success)
      return fail('invalidResponse', `The change to ${current.key} would not be valid: ${checked.error.issues[0]?.message ?? 'unknown reason'}.`);
    await writeFileAtomic(this.options.queueFile, `${JSON.stringify(raw, null, indent)}\n`);
    return ok(toTicket(checked.data, this.id));
  }

  private notFound(id: string): SourceFailure {
    return fail('notFound', `Ticket "${id}" is not in ${this.options.displayPath}.`);
  }

  private fileError(error: unknown): SourceFailure {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('notFound', `There is no queue file at ${this.options.displayPath}.`);
    return fail('offline', `${this.options.displayPath} could not be read or written (${code ?? String(error)}).`);
  }
}

function appendComment(raw: RawTicket, author: string, body: string, at: Date, internal: boolean): void {
  const comments: unknown[] = Array.isArray(raw.comments) ? raw.comments : [];
  raw.comments = [...comments, { author, createdAt: at.toISOString(), body, internal }];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
