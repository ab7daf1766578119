/**
 * The shared HTTP client as GitHub wants it: its media type and API version on every request, and
 * its 403s told apart. A secondary rate limit (403 or 429 with `retry-after`) and a spent primary
 * limit (`x-ratelimit-remaining: 0`) are rate limits, which the client knows from the headers; a
 * locked conversation is a refusal, known only from the message; any other 403 is about the
 * account or its scopes.
 */
import * as z from 'zod/mini';
import { HttpClient, type HttpClientOptions } from '../http/httpClient';

const GITHUB_HEADERS: Readonly<Record<string, string>> = { Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28' };

const errorSchema = z.looseObject({ message: z.string() });

/** Why GitHub refused, when the refusal is about the issue rather than the account. */
function githubRefusal(body: string): string | undefined {
  let message: string | undefined;
  try {
    message = errorSchema.safeParse(JSON.parse(body)).data?.message;
  } catch {
    return undefined;
  }
  return message !== undefined && /\block(ed)?\b/i.test(message) ? `the conversation is locked by the repository's maintainers (${message})` : undefined;
}

export function githubHttpClient(options: HttpClientOptions): HttpClient {
  return new HttpClient({
    ...options,
    authHeaders: async () => ({ ...GITHUB_HEADERS, ...(await options.authHeaders()) }),
    refusal: options.refusal ?? githubRefusal,
  });
}
