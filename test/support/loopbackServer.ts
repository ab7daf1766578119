/**
 * A scripted HTTP server on 127.0.0.1 for provider tests: each request is answered by the next
 * step of a script (or a route table, or a stateful fake), and every request is recorded for the
 * assertions. A responder may take its time (a promise); one that throws answers 500, so that a
 * broken fake fails its test instead of hanging it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export type Responder = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

export interface LoopbackServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function loopbackServer(respond: Responder): Promise<LoopbackServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(recorded);
      Promise.resolve()
        .then(() => respond(recorded, res))
        .catch((error: unknown) => {
          if (res.headersSent) return void res.destroy();
          res.writeHead(500, { 'Content-Type': 'text/plain' });
          res.end(String(error));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers the nth request with the nth step; the last step repeats. */
export function script(...steps: Responder[]): Responder {
  let next = 0;
  return (request, response) => {
    const step = steps[Math.min(next++, steps.length - 1)];
    return step?.(request, response);
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Responder {
  return (_request, response) => {
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    response.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
}

/** The connection dies before any answer: what a flaky proxy or a restarted server does. */
export const drop: Responder = (_request, response) => void response.socket?.destroy();
