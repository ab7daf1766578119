import { strict as assert } from 'node:assert';
import { serverRetryDelay } from '../../../src/providers/http/retryPolicy';
import { PollBudget } from '../../../src/providers/zendesk/pollBudget';

const headers =
  (limit: number, remaining: number, reset: number) =>
  (name: string): string | undefined =>
    ({ 'x-rate-limit': String(limit), 'x-rate-limit-remaining': String(remaining), 'ratelimit-reset': String(reset) })[name];

describe('the Zendesk poll budget', () => {
  it('refreshes less often while the account uses more than its share, and more often again when it uses less', () => {
    const budget = new PollBudget({ share: 0.25, minIntervalMs: 30_000, maxIntervalMs: 600_000, now: () => 0, random: () => 0.5 });
    const start = budget.nextDelayMs();
    // 300 of 400 used half-way through the minute: 600 a minute, six times the share.
    for (let i = 0; i < 20; i++) {
      budget.observe(headers(400, 100, 30));
      budget.refreshed();
    }
    const busy = budget.nextDelayMs();
    assert.ok(busy > start * 5, `${busy} ms after ${start} ms`);
    // 10 of 400 used in the whole minute: far under.
    for (let i = 0; i < 40; i++) {
      budget.observe(headers(400, 390, 0));
      budget.refreshed();
    }
    assert.equal(budget.nextDelayMs(), 30_000);
  });

  it('does not read the first seconds of a minute, whose few requests say little about the rate', () => {
    const budget = new PollBudget({ share: 0.25, now: () => 0, random: () => 0.5 });
    const start = budget.nextDelayMs();
    // 100 used ten seconds in: 600 a minute if it were read.
    budget.observe(headers(400, 300, 50));
    budget.refreshed();
    assert.equal(budget.nextDelayMs(), start);
    budget.observe(headers(400, 200, 30));
    budget.refreshed();
    assert.ok(budget.nextDelayMs() > start);
  });

  it('spreads each delay by a tenth either way, so that clients do not stay in step', () => {
    const at = (random: number) => new PollBudget({ minIntervalMs: 60_000, now: () => 0, random: () => random }).nextDelayMs();
    assert.equal(at(0), 54_000);
    assert.equal(at(0.5), 60_000);
    assert.ok(Math.abs(at(0.999_999) - 66_000) < 1);
  });

  it('waits out a 429 until its Retry-After, or a minute when it named no time', () => {
    let now = 1_000_000;
    const budget = new PollBudget({ minIntervalMs: 30_000, now: () => now, random: () => 0.5 });
    budget.throttled(new Date(now + 200_000));
    assert.equal(budget.nextDelayMs(), 200_000);
    now += 200_000;
    const fresh = new PollBudget({ minIntervalMs: 10_000, maxIntervalMs: 20_000, now: () => now, random: () => 0.5 });
    fresh.throttled(undefined);
    assert.equal(fresh.nextDelayMs(), 60_000);
  });

  it('reads Zendesk’s ratelimit-reset, seconds left in the minute, as when to retry only once nothing remains', () => {
    const at = (remaining: string) => (name: string) => ({ 'ratelimit-reset': '41', 'ratelimit-remaining': remaining })[name];
    assert.equal(serverRetryDelay(at('0'), 0), 41_000);
    assert.equal(serverRetryDelay(at('12'), 0), undefined);
  });
});
