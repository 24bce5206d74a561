/**
 * The GitHub API client: octokit's `Octokit`, which already carries the retry and throttling plugins,
 * configured so that every call is bounded in time and in attempts. Defaults follow GitHub's own
 * guidance (one write per second, three comments per three seconds); tests and the local demo shorten
 * them through `GitHubTiming`, never by turning the plugins off.
 */
import { Octokit } from 'octokit';

export type { Octokit };

export interface GitHubTiming {
  /** Retries of a failed request (5xx, network) before the error reaches sysreg. */
  retries: number;
  /** Base of the retry back-off: attempt n waits n² × this. */
  retryBaseMs: number;
  /** Minimum gap between writes. `undefined` keeps GitHub's recommended pacing (octokit's default). */
  writeIntervalMs: number | undefined;
  /** Abort one HTTP attempt after this long. */
  requestTimeoutMs: number;
  /** Wait out a rate limit once if GitHub asks for at most this long; otherwise fail. */
  maxRateLimitWaitSeconds: number;
}

export const DEFAULT_GITHUB_TIMING: GitHubTiming = {
  retries: 3,
  retryBaseMs: 1000,
  writeIntervalMs: undefined,
  requestTimeoutMs: 30_000,
  maxRateLimitWaitSeconds: 60,
};

export interface CreateOctokitOptions {
  apiUrl: string;
  token: string;
  timing?: Partial<GitHubTiming>;
  /** Receives octokit's warnings (rate limits); defaults to dropping them. */
  log?: (message: string) => void;
}

type OctokitOptions = NonNullable<ConstructorParameters<typeof Octokit>[0]>;
type ThrottleOptions = NonNullable<OctokitOptions['throttle']>;
type ThrottleGroup = NonNullable<ThrottleOptions['write']>;

export function createOctokit(options: CreateOctokitOptions): Octokit {
  const timing = { ...DEFAULT_GITHUB_TIMING, ...options.timing };
  const log = options.log ?? (() => {});
  const onLimit = (
    retryAfter: number,
    request: { method: string; url: string },
    _octokit: unknown,
    retryCount: number,
  ) => {
    log(`GitHub rate limit on ${request.method} ${request.url}; retry after ${retryAfter}s`);
    return retryCount === 0 && retryAfter <= timing.maxRateLimitWaitSeconds;
  };
  const pacing: Partial<Record<'write' | 'notifications' | 'search', ThrottleGroup>> =
    timing.writeIntervalMs === undefined
      ? {}
      : {
          write: createPacingGroup(timing.writeIntervalMs),
          notifications: createPacingGroup(timing.writeIntervalMs),
          search: createPacingGroup(timing.writeIntervalMs),
        };
  return new Octokit({
    baseUrl: options.apiUrl,
    auth: options.token,
    userAgent: 'sysreg',
    log: { debug: () => {}, info: () => {}, warn: log, error: log },
    retry: { retries: timing.retries, retryAfterBaseValue: timing.retryBaseMs },
    throttle: {
      onRateLimit: onLimit,
      onSecondaryRateLimit: onLimit,
      retryAfterBaseValue: timing.retryBaseMs,
      fallbackSecondaryRateRetryAfter: timing.maxRateLimitWaitSeconds,
      ...pacing,
    },
    request: {
      fetch: (url: string | URL, init?: RequestInit) =>
        fetch(url, { ...init, signal: AbortSignal.timeout(timing.requestTimeoutMs) }),
    },
  });
}

/**
 * Tuning from the environment, for the local demo and scenario tests that run the real CLI against a
 * stand-in GitHub: SYSREG_GITHUB_RETRIES, SYSREG_GITHUB_RETRY_BASE_MS, SYSREG_GITHUB_WRITE_INTERVAL_MS,
 * SYSREG_GITHUB_TIMEOUT_MS. Values that are not whole non-negative numbers are ignored.
 */
export function readGitHubTiming(env: Record<string, string | undefined>): Partial<GitHubTiming> {
  const timing: Partial<GitHubTiming> = {};
  const read = (name: string): number | undefined => {
    const text = env[name];
    return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
  };
  const retries = read('SYSREG_GITHUB_RETRIES');
  const retryBaseMs = read('SYSREG_GITHUB_RETRY_BASE_MS');
  const writeIntervalMs = read('SYSREG_GITHUB_WRITE_INTERVAL_MS');
  const requestTimeoutMs = read('SYSREG_GITHUB_TIMEOUT_MS');
  if (retries !== undefined) timing.retries = retries;
  if (retryBaseMs !== undefined) timing.retryBaseMs = retryBaseMs;
  if (writeIntervalMs !== undefined) timing.writeIntervalMs = writeIntervalMs;
  if (requestTimeoutMs !== undefined) timing.requestTimeoutMs = requestTimeoutMs;
  return timing;
}

/**
 * The part of a Bottleneck group the throttling plugin uses (`key(id).schedule(options, fn)`):
 * starts jobs at least `intervalMs` apart. Lets the pacing be shortened without a second copy of
 * Bottleneck.
 */
function createPacingGroup(intervalMs: number): ThrottleGroup {
  let nextStart = 0;
  const limiter = {
    async schedule<T>(_options: unknown, job: (...args: unknown[]) => Promise<T>, ...args: unknown[]) {
      const now = Date.now();
      const wait = Math.max(0, nextStart - now);
      nextStart = Math.max(now, nextStart) + intervalMs;
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      return job(...args);
    },
  };
  return { key: () => limiter } as unknown as ThrottleGroup;
}
