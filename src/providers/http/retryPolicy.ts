/**
 * When to try again. A server that says when (`Retry-After` in seconds or as a date, or a
 * rate-limit reset time) is believed; otherwise exponential backoff with full jitter, so that many
 * clients that failed together do not come back together.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 };

export type HeaderLookup = (name: string) => string | undefined;

/**
 * The server's own word on when to come back, in ms; undefined when it gave none. A date or reset
 * time it names is in its own clock, which may be minutes from ours, so it is measured from the
 * answer's `Date` header; only without one from `localNow`.
 */
export function serverRetryDelay(header: HeaderLookup, localNow: number): number | undefined {
  const serverDate = Date.parse(header('date') ?? '');
  const now = Number.isFinite(serverDate) ? serverDate : localNow;
  const retryAfter = header('retry-after');
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  // GitLab sends the reset as epoch seconds (`RateLimit-Reset`) and as a date (`RateLimit-ResetTime`);
  // Zendesk sends `RateLimit-Reset` on every answer as the seconds left in the current minute, and
  // GitHub `x-ratelimit-reset` as the end of its current window: each says when to come back only
  // once nothing is left.
  const spent = header('x-ratelimit-remaining') === '0';
  const reset = Number(header('ratelimit-reset') ?? (spent ? header('x-ratelimit-reset') : undefined));
  if (Number.isFinite(reset) && reset > 1_000_000_000) return Math.max(0, reset * 1000 - now);
  if (Number.isFinite(reset) && reset >= 0 && header('ratelimit-remaining') === '0') return reset * 1000;
  // Jira Cloud names the reset of a spent limit as a date in `X-RateLimit-Reset`.
  const resetDate = spent && !/^\d+$/.test(header('x-ratelimit-reset') ?? '') ? header('x-ratelimit-reset') : undefined;
  const resetTime = Date.parse(header('ratelimit-resettime') ?? resetDate ?? '');
  if (Number.isFinite(resetTime)) return Math.max(0, resetTime - now);
  return undefined;
}

/** Full jitter: a random wait up to the exponential bound for this attempt (1-based). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const bound = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * bound);
}
