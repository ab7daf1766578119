import type { NextFunction, Request, Response } from 'express';
import { tooManyRequests } from '../errors';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export interface RateLimitOptions {
  capacity: number;
  refillPerSecond: number;
  now?: () => number;
}

// A token bucket per account, in process memory. Each pod enforces its own share, so the
// effective limit is capacity x pods until the buckets move to Redis.
export function rateLimit({ capacity, refillPerSecond, now = Date.now }: RateLimitOptions) {
  const buckets = new Map<string, Bucket>();

  return (req: Request, res: Response, next: NextFunction): void => {
    const key = req.auth.accountId;
    const at = now();
    const bucket = buckets.get(key) ?? { tokens: capacity, updatedAt: at };
    const elapsedSeconds = (at - bucket.updatedAt) / 1000;
    bucket.tokens = Math.min(capacity, bucket.tokens + elapsedSeconds * refillPerSecond);
    bucket.updatedAt = at;
    buckets.set(key, bucket);

    res.setHeader('RateLimit-Limit', String(capacity));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, Math.floor(bucket.tokens) - 1)));
    if (bucket.tokens < 1) {
      const retryAfter = Math.ceil((1 - bucket.tokens) / refillPerSecond);
      res.setHeader('Retry-After', String(retryAfter));
      throw tooManyRequests(retryAfter);
    }
    bucket.tokens -= 1;
    next();
  };
}
