import { strict as assert } from 'node:assert';
import * as z from 'zod/mini';
import { HttpClient } from '../../../src/providers/http/httpClient';
import { backoffDelay, serverRetryDelay } from '../../../src/providers/http/retryPolicy';
import { drop, json, loopbackServer, script, type LoopbackServer, type Responder } from '../../support/loopbackServer';
import { withProxyInEnvironment } from '../../support/proxyEnvironment';

const item = z.looseObject({ id: z.number(), title: z.string() });

describe('the shared HTTP client', () => {
  let server: LoopbackServer | undefined;
  const waits: number[] = [];
  const client = (respond: Responder, token = 'secret-token'): Promise<HttpClient> =>
    loopbackServer(respond).then((s) => {
      server = s;
      return new HttpClient({
        baseUrl: `${s.url}/gitlab/api/v4/`,
        authHeaders: async () => ({ 'PRIVATE-TOKEN': token }),
        userAgent: 'support-rotation-test',
        label: 'GitLab',
        sleep: async (ms) => void waits.push(ms),
        random: () => 0.5,
      });
    });

  afterEach(async () => {
    await server?.close();
    server = undefined;
    waits.length = 0;
  });

  it('sends the auth header and User-Agent to the base URL with its path prefix, and validates the answer', async () => {
    const http = await client(json(200, { id: 1, title: 'A', extra: true }));
    const answer = await http.get('/issues/1', item);
    assert.equal(answer.kind, 'ok');
    assert.deepEqual(answer.kind === 'ok' && answer.data, { id: 1, title: 'A', extra: true });
    assert.equal(server?.requests[0]?.url, '/gitlab/api/v4/issues/1');
    assert.equal(server?.requests[0]?.headers['private-token'], 'secret-token');
    assert.equal(server?.requests[0]?.headers['user-agent'], 'support-rotation-test');
  });

  it("leaves proxies to VS Code's patched http: a proxy named in the environment is not asked", async () => {
    const proxy = await loopbackServer(json(200, { id: 99, title: 'from the proxy' }));
    try {
      const http = await client(json(200, { id: 1, title: 'A' }));
      const answer = await withProxyInEnvironment(proxy.url, () => http.get('/issues/1', item));
      assert.deepEqual(answer.kind === 'ok' && answer.data, { id: 1, title: 'A' });
      assert.equal(proxy.requests.length, 0);
    } finally {
      await proxy.close();
    }
  });

  describe('following redirects', () => {
    const redirect =
      (status: number, location: string): Responder =>
      (_request, response) =>
        void response.writeHead(status, { Location: location }).end();

    it('follows a relative Location on the same server with the sign-in header', async () => {
      const http = await client(script(redirect(301, '/gitlab/api/v4/issues/7'), json(200, { id: 7, title: 'Moved' })));
      const answer = await http.get('/issues/1', item);
      assert.deepEqual(answer.kind === 'ok' && answer.data, { id: 7, title: 'Moved' });
      assert.deepEqual(
        server?.requests.map((r) => [r.url, r.headers['private-token']]),
        [
          ['/gitlab/api/v4/issues/1', 'secret-token'],
          ['/gitlab/api/v4/issues/7', 'secret-token'],
        ],
      );
    });

    it('sends no sign-in header to another server, whatever its name (GitLab signs in with PRIVATE-TOKEN)', async () => {
      const elsewhere = await loopbackServer(json(200, { id: 8, title: 'Elsewhere' }));
      try {
        // Another port is another origin, as another host would be.
        const http = await client(redirect(302, `${elsewhere.url}/issues/8`));
        const answer = await http.get('/issues/1', item);
        assert.deepEqual(answer.kind === 'ok' && answer.data, { id: 8, title: 'Elsewhere' });
        assert.equal(elsewhere.requests[0]?.headers['private-token'], undefined);
        assert.equal(elsewhere.requests[0]?.headers.authorization, undefined);
        assert.equal(elsewhere.requests[0]?.headers['user-agent'], 'support-rotation-test');
      } finally {
        await elsewhere.close();
      }
    });

    it('keeps a write and its body through 307 and 308, and turns it into a GET through 303', async () => {
      const http = await client(
        script(redirect(307, '/gitlab/api/v4/b'), redirect(308, '/gitlab/api/v4/c'), redirect(303, '/gitlab/api/v4/d'), json(200, { id: 4, title: 'D' })),
      );
      const answer = await http.send('POST', '/a', { note: 'hello' }, item, { idempotent: true });
      assert.equal(answer.kind, 'ok');
      assert.deepEqual(
        server?.requests.map((r) => [r.method, r.url, r.body]),
        [
          ['POST', '/gitlab/api/v4/a', '{"note":"hello"}'],
          ['POST', '/gitlab/api/v4/b', '{"note":"hello"}'],
          ['POST', '/gitlab/api/v4/c', '{"note":"hello"}'],
          ['GET', '/gitlab/api/v4/d', ''],
        ],
      );
    });

    it('stops a redirect loop with a failure that says so', async () => {
      const http = await client(redirect(302, '/gitlab/api/v4/loop'));
      const answer = await http.get('/loop', item);
      assert.equal(answer.kind, 'invalidResponse');
      assert.match(answer.kind === 'invalidResponse' ? answer.message : '', /redirected \/loop more than 10 times/);
      assert.equal(server?.requests.length, 11);
    });

    it('does not follow a redirect to anything but http or https: the answer is a failure', async () => {
      const http = await client(redirect(302, 'file:///etc/passwd'));
      const answer = await http.get('/issues/1', item);
      assert.equal(answer.kind, 'offline');
      assert.equal(server?.requests.length, 1);
    });
  });

  it('retries a read after a 500 and after a dropped connection, with growing jittered waits', async () => {
    const http = await client(script(json(500, {}), drop, json(200, { id: 2, title: 'B' })));
    const answer = await http.get('/issues/2', item);
    assert.equal(answer.kind, 'ok');
    assert.equal(server?.requests.length, 3);
    assert.deepEqual(waits, [250, 500]);
  });

  it('honours Retry-After, and falls back to backoff on a 429 without it', async () => {
    const http = await client(script(json(429, {}, { 'Retry-After': '7' }), json(429, {}), json(200, { id: 3, title: 'C' })));
    assert.equal((await http.get('/issues/3', item)).kind, 'ok');
    assert.deepEqual(waits, [7_000, 500]);
  });

  it('reports rate limiting with when to retry once the attempts are spent', async () => {
    const http = await client(json(429, {}, { 'Retry-After': '20' }));
    const answer = await http.get('/issues/4', item);
    assert.equal(answer.kind, 'rateLimited');
    const retryIn = answer.kind === 'rateLimited' ? answer.retryAt.getTime() - Date.now() : 0;
    assert.ok(retryIn > 15_000 && retryIn <= 20_000, String(retryIn));
  });

  it('maps 401, 404 and malformed JSON and a missing field to their result kinds', async () => {
    const http = await client(
      script(json(401, { message: '401 Unauthorized' }), json(404, { message: '404 Not Found' }), json(200, '{"id": 1, "title": '), json(200, { id: 1 })),
    );
    assert.equal((await http.get('/a', item)).kind, 'unauthorised');
    assert.equal((await http.get('/b', item)).kind, 'notFound');
    const malformed = await http.get('/c', item);
    assert.equal(malformed.kind, 'invalidResponse');
    const missing = await http.get('/d', item);
    assert.equal(missing.kind, 'invalidResponse');
    assert.match(missing.kind === 'invalidResponse' ? missing.message : '', /title/);
  });

  it('asks with If-None-Match and reads 304 as unchanged', async () => {
    const http = await client(json(304, ''));
    const answer = await http.getIfChanged('/issues', z.array(item), { etag: 'W/"abc"' });
    assert.equal(answer.kind, 'notModified');
    assert.equal(server?.requests[0]?.headers['if-none-match'], 'W/"abc"');
  });

  it('reads a 304 to an unconditional read as an unexpected answer', async () => {
    const http = await client(json(304, ''));
    const answer = await http.get('/issues', z.array(item));
    assert.deepEqual(answer, { kind: 'invalidResponse', message: 'GitLab answered "not modified" to an unconditional read.' });
    assert.equal(server?.requests[0]?.headers['if-none-match'], undefined);
  });

  it('never posts a note twice: a lost answer is re-sent only when the note did not land', async () => {
    const http = await client(script(json(502, {}), json(201, { id: 9, title: 'note' })));
    let checks = 0;
    const landed = await http.send('POST', '/notes', { body: 'x' }, item, { idempotent: false, landed: async () => (++checks, true) });
    assert.equal(landed.kind, 'landed');
    assert.equal(server?.requests.filter((r) => r.method === 'POST').length, 1, 'not sent again');
    assert.equal(checks, 1);
  });

  it('does not re-send a note when whether it landed cannot be told, and reports the failure', async () => {
    const http = await client(script(json(502, {}), json(201, { id: 9, title: 'note' })));
    const sent = await http.send('POST', '/notes', { body: 'x' }, item, { idempotent: false, landed: async () => undefined });
    assert.equal(sent.kind, 'offline');
    assert.equal(server?.requests.length, 1);
  });

  it('re-sends a note whose first attempt did not land', async () => {
    const http = await client(script(drop, json(201, { id: 9, title: 'note' })));
    const sent = await http.send('POST', '/notes', { body: 'x' }, item, { idempotent: false, landed: async () => false });
    assert.equal(sent.kind, 'ok');
    assert.equal(server?.requests.length, 2);
  });

  it('reports an unreachable server as offline', async () => {
    const http = new HttpClient({
      baseUrl: 'http://127.0.0.1:9',
      authHeaders: async () => ({}),
      userAgent: 't',
      label: 'GitLab',
      sleep: async () => undefined,
    });
    const answer = await http.get('/x', item);
    assert.equal(answer.kind, 'offline');
  });
});

describe('retry timing', () => {
  it('reads Retry-After as seconds or a date, and GitLab reset headers', () => {
    const now = Date.parse('2026-11-24T10:00:00Z');
    assert.equal(
      serverRetryDelay((n) => (n === 'retry-after' ? '3' : undefined), now),
      3_000,
    );
    assert.equal(
      serverRetryDelay((n) => (n === 'retry-after' ? 'Tue, 24 Nov 2026 10:00:10 GMT' : undefined), now),
      10_000,
    );
    assert.equal(
      serverRetryDelay((n) => (n === 'ratelimit-reset' ? String(now / 1000 + 30) : undefined), now),
      30_000,
    );
    assert.equal(
      serverRetryDelay(() => undefined, now),
      undefined,
    );
  });

  it('measures a reset time or a Retry-After date from the server’s own Date, which may be minutes from ours', () => {
    const ours = Date.parse('2026-11-24T10:00:00Z');
    for (const skew of [5 * 60_000, -5 * 60_000]) {
      const theirs = ours + skew;
      const headers: Record<string, string> = {
        date: new Date(theirs).toUTCString(),
        'ratelimit-reset': String(theirs / 1000 + 30),
      };
      assert.equal(
        serverRetryDelay((n) => headers[n], ours),
        30_000,
      );
      const retryAt: Record<string, string> = { date: new Date(theirs).toUTCString(), 'retry-after': new Date(theirs + 10_000).toUTCString() };
      assert.equal(
        serverRetryDelay((n) => retryAt[n], ours),
        10_000,
      );
    }
  });

  it('backs off exponentially with full jitter under a cap', () => {
    const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1_000 };
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, () => 1)),
      [100, 200, 400, 800, 1_000],
    );
    assert.equal(
      backoffDelay(3, policy, () => 0),
      0,
    );
  });
});
