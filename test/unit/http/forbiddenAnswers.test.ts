import { strict as assert } from 'node:assert';
import * as z from 'zod/mini';
import { HttpClient } from '../../../src/providers/http/httpClient';
import { serverRetryDelay } from '../../../src/providers/http/retryPolicy';
import { json, loopbackServer, script, type LoopbackServer, type Responder } from '../../support/loopbackServer';

const item = z.looseObject({ id: z.number() });
const LOCKED = {
  message: 'Unable to create comment because issue is locked.',
  documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
};

describe('the shared HTTP client tells the three 403s apart', () => {
  let server: LoopbackServer | undefined;
  const waits: number[] = [];
  const budgets: number[] = [];
  const client = async (respond: Responder): Promise<HttpClient> => {
    server = await loopbackServer(respond);
    return new HttpClient({
      baseUrl: server.url,
      authHeaders: async () => ({ Authorization: 'Bearer gho_test' }),
      userAgent: 'support-rotation-test',
      label: 'GitHub',
      sleep: async (ms) => void waits.push(ms),
      random: () => 0.5,
      refusal: (body) => (/locked/i.test(body) ? 'the conversation is locked' : undefined),
      onBudget: (remaining) => void budgets.push(remaining),
    });
  };

  afterEach(async () => {
    await server?.close();
    server = undefined;
    waits.length = 0;
    budgets.length = 0;
  });

  it('waits out a secondary rate limit (403 with retry-after), then reads', async () => {
    const secondary = json(403, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '5' });
    const http = await client(script(secondary, json(200, { id: 1 })));
    assert.equal((await http.get('/x', item)).kind, 'ok');
    assert.deepEqual(waits, [5_000]);
  });

  it('reports a spent primary limit (403, x-ratelimit-remaining 0) as rate limiting until its reset', async () => {
    const reset = Math.floor(Date.now() / 1000) + 3_600;
    const http = await client(json(403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }));
    const answer = await http.get('/x', item);
    assert.equal(answer.kind, 'rateLimited');
    assert.equal(server?.requests.length, 1, 'an hour away is not waited for');
  });

  it('reads a locked issue’s 403 as a refusal, not as a sign-in problem, and does not retry it', async () => {
    const http = await client(json(403, LOCKED));
    const answer = await http.send('POST', '/comments', { body: 'hi' }, item, { idempotent: true });
    assert.equal(answer.kind, 'refused');
    assert.match(answer.kind === 'refused' ? answer.message : '', /locked/);
    assert.equal(server?.requests.length, 1);
  });

  it('keeps reading any other 403 as unauthorised', async () => {
    const http = await client(json(403, { message: 'Resource not accessible by integration' }));
    assert.equal((await http.get('/x', item)).kind, 'unauthorised');
  });

  it('reports the remaining budget of every answer', async () => {
    const http = await client(json(200, { id: 1 }, { 'x-ratelimit-remaining': '4987', 'x-ratelimit-reset': '1767225600' }));
    await http.get('/x', item);
    assert.deepEqual(budgets, [4987]);
  });
});

describe('GitHub’s rate-limit window on every answer', () => {
  it('is not a time to come back while requests are left', () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3_600);
    const headers: Record<string, string> = { 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': reset };
    assert.equal(
      serverRetryDelay((name) => headers[name], Date.now()),
      undefined,
    );
    headers['x-ratelimit-remaining'] = '0';
    const delay = serverRetryDelay((name) => headers[name], Date.now()) ?? 0;
    assert.ok(delay > 3_590_000 && delay <= 3_600_000, String(delay));
  });
});
