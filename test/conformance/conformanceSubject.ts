/**
 * What a ticket source brings to the conformance suite: the source, and a stateful fake of its
 * server that the scenarios drive and then inspect. README.md in this folder explains each part.
 */
import type { Severity } from '../../src/core/severity';
import type { Person } from '../../src/core/ticket';
import type { SourceCapabilities, TicketSource } from '../../src/providers/ticketSource';

export interface ConformanceSubject {
  /** Names the source in the suite's titles. */
  readonly name: string;
  /** What the source can do; scenarios about anything else are skipped. Checked against the source's own. */
  readonly capabilities: SourceCapabilities;
  /** Whether the server is reached over a network: only then do status codes, timeouts and lost answers exist. */
  readonly transport: boolean;
  /** Whether the queue is read in pages: only then can a server announce pages without end. */
  readonly paged: boolean;
  start(): Promise<FakeServer>;
}

/** A ticket to put on the server before a scenario; everything else takes the fake's defaults. */
export interface SeedTicket {
  readonly title?: string;
  readonly description?: string;
  readonly holder?: 'me' | 'colleague';
}

/** A ticket as the server holds it at the end, in terms every source shares. */
export interface ServerTicket {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** `Person.id`s, as the source reports them. */
  readonly assignees: readonly string[];
  /** Whether the source's queue must list it. */
  readonly inQueue: boolean;
  readonly team: string | undefined;
  /** Notes and replies people wrote (no system notes), oldest first. */
  readonly notes: readonly { readonly body: string; readonly internal: boolean; readonly author: string }[];
  /** Fix branches and merge requests recorded on the ticket itself, by name (a source that records them as notes has none here). */
  readonly links: readonly string[];
  /** As the source would read it; present where the source can set it (`setSeverity`). */
  readonly severity?: Severity;
  /** As the source would read it; present where the source can set it (`setStatus`). */
  readonly status?: string;
}

/** Where in one of our operations a colleague's action lands. */
export type Moment =
  /** Before our operation reads anything. */
  | 'beforeRead'
  /** After our operation read the ticket, before it writes. */
  | 'betweenReadAndWrite'
  /** Just after our operation's write reached the server, before we hear back. */
  | 'afterWrite'
  /** After the server answered the first page of our queue read (or the whole read, for an unpaged source). */
  | 'afterFirstListPage';

/** What a colleague does on the server: in the web interface, another window, a script. */
export interface Colleague {
  readonly person: Person;
  /** Assigns the ticket to the colleague; true when the colleague is told it worked. */
  claim(id: string): Promise<boolean>;
  retitle(id: string, title: string): Promise<void>;
  close(id: string): Promise<void>;
  /** Changes the ticket's labels; where labels decide the queue, it leaves the queue. */
  relabel(id: string): Promise<void>;
  delete(id: string): Promise<void>;
  create(ticket: SeedTicket): Promise<string>;
}

export interface FakeServer {
  readonly me: Person;
  readonly colleague: Colleague;
  /** Puts tickets on the server, in order; returns their ids. */
  seed(tickets: readonly SeedTicket[]): Promise<string[]>;
  /** A source signed in as `me`, as a newly opened window builds it. */
  source(): TicketSource;
  /** Runs `action` when our next operation reaches `moment` (once). */
  at(moment: Moment, action: () => Promise<unknown>): void;
  /** Waits for every action started at a moment; a server that runs them later (behind a lock) finishes them here. */
  settle(): Promise<void>;
  /** Puts the server's clock (or the clocks of the colleagues writing to it) this far from ours. */
  skewClock(ms: number): void;
  /** The server answers this ticket in a shape the source cannot read, among the good ones. */
  malform(id: string): Promise<void>;
  /** Present exactly when the subject declares `transport`. */
  readonly transport?: Transport;
  /** Every open merge request, by source branch; present exactly when the source can open them. */
  mergeRequests?(): Promise<string[]>;
  state(): Promise<ServerTicket[]>;
  close(): Promise<void>;
}

export type FaultTarget = 'read' | 'write' | 'any';

export type Fault =
  /** The server answers with this status and does nothing else. `retryAfterSeconds` sends `Retry-After`; `resetInSeconds` sends only the server's reset time in its own clock. */
  | { readonly kind: 'status'; readonly status: number; readonly retryAfterSeconds?: number; readonly resetInSeconds?: number }
  /** The connection closes before the server does anything. */
  | { readonly kind: 'drop' }
  /** The server does what was asked and never answers. */
  | { readonly kind: 'timeout' };

export interface Transport {
  /** The next `times` requests of the target kind meet this fault. */
  fail(fault: Fault, target: FaultTarget, times: number): void;
  /** Until `restore`, each distinct write is carried out and then its answer is lost, once. */
  loseAnswers(): void;
  /** From now on the queue's pages (or a ticket's comments) always announce another one. */
  endlessPages(what: 'queue' | 'comments'): void;
  /** Ends `loseAnswers` and `endlessPages`, and forgets faults not yet met. */
  restore(): void;
  /** Requests the server received so far. */
  readonly requests: number;
  /** How long the source chose to wait before each retry, in ms, in order. */
  readonly waits: readonly number[];
}
