/**
 * How often a Zendesk source may refresh, from what the server says of the account's rate limit.
 * The limit is per account and shared by every agent, app and integration, so each client keeps
 * the whole account's use under a share of it: every answer carries the limit (`X-Rate-Limit`), what
 * is left of the current minute (`X-Rate-Limit-Remaining`) and, on list endpoints, when the minute
 * ends (`ratelimit-reset`). From these the account's rate is estimated, and the interval between
 * refreshes grows while the account uses more than its share and shrinks back while it uses less.
 * No client needs to know how many others there are. A 429 puts the next refresh after its
 * `Retry-After`, or a minute later when it names no time.
 */
import type { HeaderLookup } from '../http/retryPolicy';

export interface PollBudgetOptions {
  /** The share of the account's limit all clients together should stay under. */
  readonly share?: number;
  readonly minIntervalMs?: number;
  readonly maxIntervalMs?: number;
  /** This machine's clock in ms: only durations are taken from it. */
  readonly now?: () => number;
  /** A number in [0, 1): where in its jitter each delay falls. */
  readonly random?: () => number;
}

const MINUTE = 60_000;
/** A little under a quarter of the account: room for the bursts when a floor opens its editors at once. */
const SHARE = 0.21;
/** Early in a minute, a few requests say little about the rate: an answer from before this much of it is not read. */
const MIN_ELAPSED_MS = 20_000;
/**
 * One refresh moves the interval by the square root of how far the account is from its share, and
 * by at most this factor: every client hears the same figures and steps at once, and each step is
 * taken on one noisy sample, so small steps keep a hundred clients from swinging together and from
 * drifting apart (a client that drifts to a long interval is the one whose changes show late).
 */
const MAX_STEP = 1.1;
/** Near the share, the interval stays as it is. */
const DEAD_BAND = { below: 0.8, above: 1 };
/**
 * Each delay is the interval give or take this share of it: clients that opened together, or were
 * throttled by the same 429, drift apart instead of asking in the same second for ever.
 */
const JITTER = 0.1;

export class PollBudget {
  private readonly share: number;
  private readonly minIntervalMs: number;
  private readonly maxIntervalMs: number;
  private readonly now: () => number;
  private readonly random: () => number;
  private interval: number;
  private notBefore = 0;
  /** The account's rate as the last answer showed it, as a share of what all clients should stay under. */
  private lastRatio: number | undefined;

  constructor(options: PollBudgetOptions = {}) {
    this.share = options.share ?? SHARE;
    this.minIntervalMs = options.minIntervalMs ?? 30_000;
    this.maxIntervalMs = options.maxIntervalMs ?? 10 * MINUTE;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.interval = Math.max(this.minIntervalMs, MINUTE);
  }

  /** Reads the rate-limit headers of an answer. */
  observe(header: HeaderLookup): void {
    const limit = Number(header('x-rate-limit') ?? header('ratelimit-limit'));
    const remaining = Number(header('x-rate-limit-remaining') ?? header('ratelimit-remaining'));
    if (!(limit > 0) || !Number.isFinite(remaining)) return;
    const reset = Number(header('ratelimit-reset'));
    const elapsed = Number.isFinite(reset) && reset >= 0 && reset <= 60 ? MINUTE - reset * 1000 : MINUTE;
    if (elapsed < MIN_ELAPSED_MS) return;
    const perMinute = (Math.max(0, limit - remaining) * MINUTE) / elapsed;
    this.lastRatio = perMinute / (limit * this.share);
  }

  /** After a refresh: one step of the interval towards the share, from the last answer's figures. */
  refreshed(): void {
    const ratio = this.lastRatio;
    this.lastRatio = undefined;
    if (ratio === undefined || (ratio >= DEAD_BAND.below && ratio <= DEAD_BAND.above)) return;
    const step = Math.min(MAX_STEP, Math.max(1 / MAX_STEP, Math.sqrt(ratio)));
    this.interval = Math.min(this.maxIntervalMs, Math.max(this.minIntervalMs, this.interval * step));
  }

  /** A 429: nothing before the server's time, or a minute from now when it gave none; and slower from then on. */
  throttled(retryAt: Date | undefined): void {
    const at = retryAt && Number.isFinite(retryAt.getTime()) ? retryAt.getTime() : this.now() + MINUTE;
    this.notBefore = Math.max(this.notBefore, at);
    this.interval = Math.min(this.maxIntervalMs, this.interval * 2);
  }

  /** How long to wait before the next refresh. */
  nextDelayMs(): number {
    const jittered = this.interval * (1 + JITTER * (2 * this.random() - 1));
    return Math.max(jittered, this.notBefore - this.now());
  }
}
