/**
 * HTTP to Altinn and Maskinporten over one keep-alive undici Agent: bounded concurrency, a timeout
 * on every attempt, and retries with exponential backoff and full jitter for network errors, 429
 * (honouring Retry-After), 502, 503 and 504 — only where the caller says the request may be
 * repeated, and for a POST only through `sendRebuilt`, which builds each attempt anew. Attempts and
 * total time are both bounded. Nothing here knows about tokens.
 */
import { Agent } from 'undici';
import { ConcurrencyLimiter } from './concurrency-limiter.ts';
import { AltinnNetworkError } from './errors.ts';

/** Picked by scripts/bench-read.ts: 16 reaches the ideal within a few per cent; more gains little. */
export const DEFAULT_CONCURRENCY = 16;

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** First backoff ceiling; doubles each attempt. */
  baseDelayMs: number;
  /** Largest single wait, Retry-After included; a longer Retry-After ends the retries. */
  maxDelayMs: number;
  /** Budget for one logical request, all attempts and waits included. */
  totalTimeMs: number;
}

export interface TransportOptions {
  concurrency?: number;
  /** Timeout of one attempt, from sending to the last byte of the body. */
  requestTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Observes each attempt; carries no headers or bodies, so it cannot leak a secret. */
  onAttempt?: (event: AttemptEvent) => void;
  /** For tests: the random source of the jitter. */
  random?: () => number;
}

export interface AttemptEvent {
  method: string;
  url: string;
  attempt: number;
  status?: number;
  error?: string;
  durationMs: number;
  retryInMs?: number;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Absolute URL. */
  url: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** May this request be repeated after a failure? Ignored for POST, which is never repeated. */
  retry: boolean;
}

/** One attempt's request for `sendRebuilt`: retries and the abort signal are the send's, not its. */
export type RebuiltRequest = Omit<HttpRequest, 'retry' | 'signal'>;

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Attempts it took. */
  attempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
  totalTimeMs: 60_000,
};

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

export class Transport {
  readonly concurrency: number;
  readonly requestTimeoutMs: number;
  readonly retryPolicy: RetryPolicy;
  readonly #agent: Agent;
  readonly #limiter: ConcurrencyLimiter;
  readonly #onAttempt: ((event: AttemptEvent) => void) | undefined;
  readonly #random: () => number;

  constructor(options: TransportOptions = {}) {
    this.concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    this.retryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.#limiter = new ConcurrencyLimiter(this.concurrency);
    this.#agent = new Agent({ connections: this.concurrency, keepAliveTimeout: 10_000, pipelining: 1 });
    this.#onAttempt = options.onAttempt;
    this.#random = options.random ?? Math.random;
  }

  /** Sends with retries (when `request.retry`); answers every status, throws only when no answer came. */
  async send(request: HttpRequest): Promise<HttpResponse> {
    // A POST is never repeated here, whatever the caller says: it may have landed (see createSystem).
    const repeatable = request.retry && request.method !== 'POST';
    return this.#sendAttempts(() => request, repeatable, request.signal, this.retryPolicy);
  }

  /**
   * Sends a request that `build` makes anew for every attempt, with the same retries as `send`, so a
   * POST is retried too. Only for requests where each build is a distinct request that is safe to
   * send after the last one may have landed: a Maskinporten grant signed with a fresh `jti`. `build`
   * runs once a connection slot is free, so what it signs is fresh; an error it throws ends the send.
   */
  async sendRebuilt(
    build: (attempt: number) => Promise<RebuiltRequest>,
    options: { signal?: AbortSignal; retry?: Partial<RetryPolicy> } = {},
  ): Promise<HttpResponse> {
    const policy = { ...this.retryPolicy, ...options.retry };
    return this.#sendAttempts(build, true, options.signal, policy);
  }

  async #sendAttempts(
    build: (attempt: number) => RebuiltRequest | Promise<RebuiltRequest>,
    repeatable: boolean,
    signal: AbortSignal | undefined,
    policy: RetryPolicy,
  ): Promise<HttpResponse> {
    // The budget starts when the first attempt gets a slot, so a long queue (a big read at bounded
    // concurrency) does not eat the time of the requests at its end.
    let deadline: number | undefined;
    let request: RebuiltRequest | undefined;
    for (let attempt = 1; ; attempt += 1) {
      let attemptStarted = Date.now();
      let outcome: { response: HttpResponse } | { error: unknown; timedOut: boolean };
      try {
        outcome = {
          response: await this.#limiter.run(async () => {
            attemptStarted = Date.now();
            deadline ??= attemptStarted + policy.totalTimeMs;
            try {
              request = await build(attempt);
            } catch (error) {
              throw new BuildFailure(error);
            }
            const timeoutMs = Math.max(1, Math.min(this.requestTimeoutMs, deadline - attemptStarted));
            return this.#attempt(request, signal, timeoutMs, attempt);
          }),
        };
      } catch (error) {
        if (error instanceof BuildFailure) throw error.cause;
        if (signal?.aborted) throw signal.reason;
        outcome = { error, timedOut: isTimeout(error) };
      }
      // Set by the slot above before any attempt could fail.
      const sent = request as RebuiltRequest;
      const canRetry = repeatable && attempt < policy.maxAttempts;
      let retryInMs: number | undefined;
      if ('response' in outcome) {
        if (canRetry && RETRYABLE_STATUS.has(outcome.response.status)) {
          retryInMs = this.#backoff(policy, attempt, outcome.response.headers['retry-after']);
        }
      } else if (canRetry) {
        retryInMs = this.#backoff(policy, attempt, undefined);
      }
      // Give up when the wait would not fit the budget with room for one more attempt.
      if (retryInMs !== undefined && Date.now() + retryInMs >= (deadline ?? 0)) retryInMs = undefined;
      this.#onAttempt?.({
        method: sent.method,
        url: sent.url,
        attempt,
        durationMs: Date.now() - attemptStarted,
        ...('response' in outcome
          ? { status: outcome.response.status }
          : { error: errorName(outcome.error) }),
        ...(retryInMs !== undefined ? { retryInMs } : {}),
      });
      if (retryInMs === undefined) {
        if ('response' in outcome) return outcome.response;
        const url = new URL(sent.url);
        throw new AltinnNetworkError({
          method: sent.method,
          path: url.pathname,
          host: url.host,
          attempts: attempt,
          timedOut: outcome.timedOut,
          cause: outcome.error,
        });
      }
      await sleep(retryInMs, signal);
    }
  }

  async #attempt(
    request: RebuiltRequest,
    callerSignal: AbortSignal | undefined,
    timeoutMs: number,
    attempt: number,
  ): Promise<HttpResponse> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
    const url = new URL(request.url);
    const response = await this.#agent.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: request.method,
      headers: request.headers ?? {},
      body: request.body ?? null,
      signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const body = await response.body.text();
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    return { status: response.statusCode, headers, body, attempts: attempt };
  }

  /** Full jitter: a uniform wait in [0, min(max, base·2^(n−1))]; Retry-After, when given, is the floor. */
  #backoff(policy: RetryPolicy, attempt: number, retryAfter: string | undefined): number {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    const jittered = Math.floor(this.#random() * ceiling);
    const asked = parseRetryAfter(retryAfter);
    if (asked === undefined) return jittered;
    if (asked > policy.maxDelayMs) return Number.POSITIVE_INFINITY;
    return asked + Math.floor(this.#random() * Math.min(ceiling, 250));
  }

  async close(): Promise<void> {
    await this.#agent.close();
  }
}

/** `Retry-After` as delay-seconds or an HTTP date, in ms. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Carries an error thrown by a request builder past the network-error handling. */
class BuildFailure extends Error {
  constructor(cause: unknown) {
    super('building the request failed', { cause });
  }
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: string })?.name ?? '';
  const code = (error as { code?: string })?.code ?? '';
  return name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT';
}

function errorName(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string') return code;
  return (error as { name?: string })?.name ?? 'Error';
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
