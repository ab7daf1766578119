/**
 * Where a redirect sends a request next. The HTTP client follows redirects itself rather than through
 * axios's follow-redirects, which on a change of server drops only `Authorization` and `Cookie`: a
 * GitLab token travels as `PRIVATE-TOKEN`, and would reach whatever server a redirect names. Here no
 * sign-in header leaves the server the request was made to.
 */

/** More than a server sends in one answer's chain; a loop stops here. */
export const MAX_REDIRECTS = 10;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface RedirectHop {
  /** Absolute: the `Location` read against the URL that answered. */
  readonly url: string;
  readonly method: string;
  /** False when the redirect turns the request into a GET, which has no body. */
  readonly keepsBody: boolean;
  readonly sameOrigin: boolean;
}

/** The next request after an answer, or undefined when the answer is not a redirect to follow over http or https. */
export function redirectHop(status: number, location: string | undefined, from: { readonly url: string; readonly method: string }): RedirectHop | undefined {
  if (!REDIRECT_STATUSES.has(status) || !location) return undefined;
  let target: URL;
  try {
    target = new URL(location, from.url);
  } catch {
    return undefined;
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return undefined;
  const method = from.method.toUpperCase();
  // As the Fetch standard has it: a 303 becomes a GET, and so does a POST answered with 301 or 302.
  const becomesGet = (status === 303 && method !== 'GET' && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST');
  return {
    url: target.href,
    method: becomesGet ? 'GET' : method,
    keepsBody: !becomesGet,
    sameOrigin: target.origin === new URL(from.url).origin,
  };
}
