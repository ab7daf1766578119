/**
 * Errors that carry their HTTP status. Anything else that reaches the error handler is a
 * bug and becomes a 500 with a generic message, so internals never leak to API clients.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string) => new HttpError(400, 'invalid_request', message);

export const unauthorized = (message = 'Missing or invalid credentials') => new HttpError(401, 'unauthorized', message);

export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} not found`);

export const conflict = (message: string) => new HttpError(409, 'conflict', message);

export const tooManyRequests = (retryAfterSeconds: number) =>
  new HttpError(429, 'rate_limited', `Rate limit exceeded, retry in ${retryAfterSeconds}s`);
