/**
 * The one HTTP client every remote source uses: axios (which rides on VS Code's proxy-aware
 * Node http), a base URL with any path prefix, the auth header asked for per request, timeouts,
 * a User-Agent. Reads and idempotent writes are retried; a write that is not idempotent (a note)
 * is re-sent only after the caller has checked it did not land. Every answer is validated with
 * zod, and every failure becomes one of the source result kinds.
 */
import axios, { AxiosError, type AxiosInstance, type AxiosResponse, type Method } from 'axios';
import type * as z from 'zod/mini';
import type { SourceFailure } from '../sourceResult';
import { MAX_REDIRECTS, redirectHop } from './redirects';
import { backoffDelay, DEFAULT_RETRY_POLICY, serverRetryDelay, type HeaderLookup, type RetryPolicy } from './retryPolicy';

export interface HttpClientOptions {
  /** `https://gitlab.example.com/api/v4`: self-managed instances and path prefixes alike. */
  readonly baseUrl: string;
  /** Asked before each request, so a token changed or revoked meanwhile is honoured. */
  readonly authHeaders: () => Promise<Record<string, string>>;
  readonly userAgent: string;
  /** Names the system in messages: "GitLab (support)". */
  readonly label: string;
  readonly timeoutMs?: number;
  readonly retry?: RetryPolicy;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random?: () => number;
  /**
   * Why a 403 that is neither a rate limit nor a matter of sign-in was refused, read from its body;
   * undefined when it is about sign-in or scopes. GitHub answers a locked issue with 403 too.
   */
  readonly refusal?: (body: string) => string | undefined;
  /** What an answer that is not JSON means, read from its body: a site behind a sign-in page sends that page. Undefined: an unexpected answer. */
  readonly nonJson?: (body: string) => SourceFailure | undefined;
  /** The primary rate limit's remaining budget, as each answer reports it (`x-ratelimit-remaining`, `x-ratelimit-reset`). */
  readonly onBudget?: (remaining: number, resetAt: Date | undefined) => void;
}

export interface HttpAnswer<T> {
  readonly kind: 'ok';
  readonly data: T;
  readonly header: HeaderLookup;
  readonly status: number;
}

export interface NotModified {
  readonly kind: 'notModified';
}

export type HttpResult<T> = HttpAnswer<T> | SourceFailure;

/** A write whose answer was lost, which the caller's check found had landed all the same. */
export interface Landed {
  readonly kind: 'landed';
}

export interface RequestOptions {
  readonly params?: Record<string, string | number | undefined>;
  readonly signal?: AbortSignal;
  /** Statuses besides 2xx whose body is the answer to read (a 409 that says which conflict it is). */
  readonly answerStatuses?: readonly number[];
}

/**
 * How a write may be repeated after a failure whose outcome is unknown. `landed` answers whether
 * the write is on the server already; `undefined` when that cannot be told (the server is still
 * unreachable), and then the write is not repeated: a failure is better than a duplicate.
 */
export type Repeat = { readonly idempotent: true } | { readonly idempotent: false; readonly landed: () => Promise<boolean | undefined> };

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

export class HttpClient {
  private readonly axios: AxiosInstance;
  private readonly policy: RetryPolicy;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly options: HttpClientOptions) {
    this.axios = axios.create({
      baseURL: options.baseUrl.replace(/\/+$/, ''),
      timeout: options.timeoutMs ?? 20_000,
      headers: { 'User-Agent': options.userAgent, Accept: 'application/json' },
      // Every status is an answer to look at, not an exception; the body is parsed here, not by axios.
      validateStatus: () => true,
      // Proxies are VS Code's: it patches Node's http with the user's `http.proxy`, the environment's
      // and the system's. axios reading the environment too would tunnel a second time.
      proxy: false,
      // Redirects are followed here (redirects.ts), so that sign-in headers stay with their server.
      maxRedirects: 0,
      responseType: 'text',
      transformResponse: (data: unknown) => data,
    });
    this.policy = options.retry ?? DEFAULT_RETRY_POLICY;
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
  }

  /** A read. A 304, the answer to a conditional read only, is an unexpected one here. */
  async get<T>(path: string, schema: z.ZodMiniType<T>, options: RequestOptions = {}): Promise<HttpResult<T>> {
    const answer = await this.getIfChanged(path, schema, options);
    if (answer.kind !== 'notModified') return answer;
    return { kind: 'invalidResponse', message: `${this.options.label} answered "not modified" to an unconditional read.` };
  }

  /** A conditional read: with `etag`, a 304 answer means "unchanged" and costs no body. */
  async getIfChanged<T>(path: string, schema: z.ZodMiniType<T>, options: RequestOptions & { etag?: string } = {}): Promise<HttpResult<T> | NotModified> {
    const headers = options.etag ? { 'If-None-Match': options.etag } : undefined;
    const response = await this.exchange('GET', path, undefined, options, headers, { idempotent: true });
    if ('kind' in response) return response.kind === 'landed' ? { kind: 'notModified' } : response;
    if (response.status === 304) return { kind: 'notModified' };
    return this.answer(response, schema);
  }

  async send<T>(
    method: Exclude<Method, 'GET' | 'get'>,
    path: string,
    body: unknown,
    schema: z.ZodMiniType<T>,
    repeat: Repeat,
    options: RequestOptions = {},
  ): Promise<HttpResult<T> | Landed> {
    const response = await this.exchange(method, path, body, options, undefined, repeat);
    if ('kind' in response) return response;
    return this.answer(response, schema, options.answerStatuses);
  }

  private async exchange(
    method: Method,
    path: string,
    body: unknown,
    options: RequestOptions,
    headers: Record<string, string> | undefined,
    repeat: Repeat,
  ): Promise<AxiosResponse<string> | SourceFailure | Landed> {
    for (let attempt = 1; ; attempt++) {
      if (options.signal?.aborted) return { kind: 'cancelled', message: `Talking to ${this.options.label} was cancelled.` };
      let response: AxiosResponse<string> | undefined;
      let failure: SourceFailure | undefined;
      try {
        const answer = await this.requestFollowingRedirects(method, path, body, options, headers);
        if ('kind' in answer) return answer;
        response = answer;
      } catch (error) {
        failure = this.networkFailure(error, options.signal);
        if (failure.kind === 'cancelled') return failure;
      }
      if (response) this.reportBudget(response);
      const retryable = failure !== undefined || (response !== undefined && (RETRYABLE_STATUS.has(response.status) || isRateLimit(response)));
      if (!retryable || response?.status === 304) return response ?? (failure as SourceFailure);
      const header = response ? headerLookup(response) : () => undefined;
      const serverDelay = serverRetryDelay(header, Date.now());
      if (attempt >= this.policy.maxAttempts || (serverDelay !== undefined && serverDelay > this.policy.maxDelayMs)) {
        return failure ?? this.statusFailure(response as AxiosResponse<string>);
      }
      // A write that may have landed is repeated only when the caller confirms it did not.
      if (!repeat.idempotent) {
        const landed = await repeat.landed();
        if (landed === true) return { kind: 'landed' };
        if (landed === undefined) return failure ?? this.statusFailure(response as AxiosResponse<string>);
      }
      await this.sleep(serverDelay ?? backoffDelay(attempt, this.policy, this.random), options.signal);
    }
  }

  /** One attempt: the request, and the requests its redirects ask for; sign-in headers go to the first server only. */
  private async requestFollowingRedirects(
    method: Method,
    path: string,
    body: unknown,
    options: RequestOptions,
    headers: Record<string, string> | undefined,
  ): Promise<AxiosResponse<string> | SourceFailure> {
    const signIn = await this.options.authHeaders();
    let next = { method: method as string, url: path, body, params: searchParams(options.params), sameOrigin: true };
    for (let redirects = 0; ; redirects++) {
      const response = await this.axios.request<string>({
        method: next.method,
        url: next.url,
        data: next.body,
        params: next.params,
        signal: options.signal,
        headers: next.sameOrigin ? { ...signIn, ...headers } : { ...headers },
      });
      const hop = redirectHop(response.status, headerLookup(response)('location'), {
        url: this.axios.getUri({ url: next.url, params: next.params }),
        method: next.method,
      });
      if (!hop) return response;
      if (redirects === MAX_REDIRECTS)
        return { kind: 'invalidResponse', message: `${this.options.label} redirected ${path} more than ${MAX_REDIRECTS} times.` };
      next = {
        method: hop.method,
        url: hop.url,
        body: hop.keepsBody ? next.body : undefined,
        params: undefined,
        sameOrigin: next.sameOrigin && hop.sameOrigin,
      };
    }
  }

  private reportBudget(response: AxiosResponse<string>): void {
    const header = headerLookup(response);
    const remaining = Number(header('x-ratelimit-remaining') ?? NaN);
    if (!this.options.onBudget || !Number.isFinite(remaining)) return;
    const reset = Number(header('x-ratelimit-reset') ?? NaN);
    this.options.onBudget(remaining, Number.isFinite(reset) ? new Date(reset * 1000) : undefined);
  }

  private answer<T>(response: AxiosResponse<string>, schema: z.ZodMiniType<T>, answerStatuses: readonly number[] = []): HttpResult<T> {
    if ((response.status < 200 || response.status >= 300) && !answerStatuses.includes(response.status)) return this.statusFailure(response);
    let json: unknown;
    try {
      json = response.data === '' ? null : JSON.parse(response.data);
    } catch {
      const meant = this.options.nonJson?.(response.data);
      if (meant) return meant;
      return { kind: 'invalidResponse', message: `${this.options.label} sent an answer that is not JSON (${String(response.config.url)}).` };
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        kind: 'invalidResponse',
        message: `${this.options.label} sent an unexpected answer for ${String(response.config.url)}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
      };
    }
    return { kind: 'ok', data: parsed.data, header: headerLookup(response), status: response.status };
  }

  private statusFailure(response: AxiosResponse<string>): SourceFailure {
    const { status } = response;
    const where = `${this.options.label} (${response.config.method?.toUpperCase()} ${String(response.config.url)})`;
    if (status === 429 || isRateLimit(response)) {
      const wait = serverRetryDelay(headerLookup(response), Date.now()) ?? this.policy.maxDelayMs;
      return { kind: 'rateLimited', retryAt: new Date(Date.now() + wait), message: `${this.options.label} is rate limiting requests.` };
    }
    const refused = status === 403 ? this.options.refusal?.(response.data) : undefined;
    if (refused !== undefined) return { kind: 'refused', message: `${where} refused: ${refused}` };
    if (status === 401 || status === 403)
      return { kind: 'unauthorised', message: `${where} refused the request (${status}): sign in again or check the token's scopes.` };
    if (status === 404) return { kind: 'notFound', message: `${where}: not found.` };
    if (status === 409) return { kind: 'conflict', holder: null, message: `${where} reported a conflict.` };
    return { kind: 'offline', message: `${where} answered ${status}.` };
  }

  private networkFailure(error: unknown, signal?: AbortSignal): SourceFailure {
    if (signal?.aborted || axios.isCancel(error)) return { kind: 'cancelled', message: `Talking to ${this.options.label} was cancelled.` };
    const code = error instanceof AxiosError ? error.code : undefined;
    return { kind: 'offline', message: `${this.options.label} cannot be reached${code ? ` (${code})` : ''}.` };
  }
}

/**
 * A 403 that is a rate limit, not a refusal: a secondary limit says when to come back
 * (`retry-after`), a spent primary limit says it has nothing left (`x-ratelimit-remaining: 0`).
 */
function isRateLimit(response: AxiosResponse<string>): boolean {
  if (response.status !== 403) return false;
  const header = headerLookup(response);
  return header('retry-after') !== undefined || header('x-ratelimit-remaining') === '0';
}

/** The query as a URLSearchParams, which axios appends as it is, without its own serialiser; undefined values are left out. */
function searchParams(params: RequestOptions['params']): URLSearchParams | undefined {
  if (!params) return undefined;
  return new URLSearchParams(Object.entries(params).flatMap(([name, value]): [string, string][] => (value === undefined ? [] : [[name, String(value)]])));
}

function headerLookup(response: AxiosResponse): HeaderLookup {
  return (name) => {
    const value: unknown = response.headers[name.toLowerCase()];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  };
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
