/**
 * The Maskinporten token request under faults injected on the token endpoint only: it retries like a
 * register read (network errors, 429 with Retry-After, 503; backoff with jitter; attempts and time
 * bounded), signs a fresh grant with a new `jti` for every attempt, and ends with a TokenError when
 * the endpoint keeps failing. The local Altinn refuses a reused `jti`, so a reset grant that landed
 * would fail a retry that reused it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { GrantSigner } from '../../src/altinn/credentials.ts';
import { readMaskinportenCredentials } from '../../src/altinn/credentials.ts';
import { resolveAltinnEnvironment } from '../../src/altinn/environments.ts';
import { TokenError } from '../../src/altinn/errors.ts';
import { MaskinportenTokenProvider } from '../../src/altinn/maskinporten.ts';
import { SystemRegisterClient } from '../../src/altinn/register-client.ts';
import type { AttemptEvent, RetryPolicy } from '../../src/altinn/transport.ts';
import { Transport } from '../../src/altinn/transport.ts';
import type {
  FaultSettings as EmulatorFaultSettings,
  InjectedFault,
} from '../../src/emulator/fault-injector.ts';
import { FaultInjector, NO_FAULTS } from '../../src/emulator/fault-injector.ts';
import type { FaultSettings } from '../support/local-altinn.ts';
import { readRequestLog, registerTestClient, setFaults, startLocalAltinn } from '../support/local-altinn.ts';

const TOKEN_PATH = '/maskinporten/token';
const RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 50, maxDelayMs: 2_000, totalTimeMs: 6_000 };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(options: { retry?: Partial<RetryPolicy>; requestTimeoutMs?: number } = {}) {
  const altinn = await startLocalAltinn();
  cleanups.push(() => altinn.close());
  const client = await registerTestClient(altinn.url);
  const events: AttemptEvent[] = [];
  const transport = new Transport({
    retry: { ...RETRY, ...options.retry },
    requestTimeoutMs: options.requestTimeoutMs ?? 2_000,
    onAttempt: (event) => events.push(event),
  });
  cleanups.push(() => transport.close());
  const credentials = await readMaskinportenCredentials(client.env);
  // Records each grant's jti on its way to the real signer.
  const jtis: string[] = [];
  const inner = credentials.signer;
  const signer: GrantSigner = {
    algorithm: inner.algorithm,
    kid: inner.kid,
    sign: (claims, header) => {
      jtis.push(String(claims.jti));
      return inner.sign(claims, header);
    },
  };
  const environment = resolveAltinnEnvironment('local', { env: client.env, altinnUrl: altinn.url });
  const tokens = new MaskinportenTokenProvider({
    environment,
    credentials: { ...credentials, signer },
    transport,
    mode: 'direct',
  });
  const register = new SystemRegisterClient({ environment, transport, tokens });
  const tokenLog = async () =>
    (await readRequestLog(altinn.url)).filter((entry) => entry.path === TOKEN_PATH);
  return { altinn, tokens, register, events, jtis, tokenLog };
}

/** The first seed whose first draws on the token endpoint are `wanted`, by the emulator's own injector. */
function findSeed(settings: FaultSettings, wanted: (InjectedFault | null)[]): number {
  const injector = new FaultInjector();
  for (let seed = 1; seed < 10_000; seed += 1) {
    injector.configure({ ...NO_FAULTS, ...settings, seed } as EmulatorFaultSettings);
    if (wanted.every((fault) => injector.draw() === fault)) return seed;
  }
  throw new Error(`no seed gives ${wanted.join(', ')}`);
}

async function faultTokenEndpoint(url: string, settings: FaultSettings, wanted: (InjectedFault | null)[]) {
  const faults = { ...settings, pathPrefix: TOKEN_PATH };
  await setFaults(url, { ...faults, seed: findSeed(faults, wanted) });
}

describe('the token request under faults on the token endpoint', () => {
  it('gets a token despite a 429 with Retry-After and a 503, waiting as asked, one fresh grant per attempt', async () => {
    const { altinn, tokens, register, events, jtis, tokenLog } = await setUp();
    await faultTokenEndpoint(altinn.url, { errorRate: 0.3, rateLimitRate: 0.3, retryAfterSeconds: 1 }, [
      'rateLimit',
      'error',
      null,
    ]);
    const token = await tokens.getToken();
    expect(token.source).toBe('maskinporten');
    // The token works: the register accepts it (its path meets no faults).
    expect(await register.listVendorSystems()).toEqual([]);
    const log = await tokenLog();
    expect(log.map((entry) => [entry.status, entry.fault])).toEqual([
      [429, 'rateLimit'],
      [503, 'error'],
      [200, undefined],
    ]);
    // Retry-After: 1 was honoured: the retry waited at least a second.
    const tokenEvents = events.filter((event) => event.url.endsWith(TOKEN_PATH));
    expect(tokenEvents.map((event) => event.status)).toEqual([429, 503, 200]);
    expect(tokenEvents[0]?.retryInMs).toBeGreaterThanOrEqual(1_000);
    expect(Date.parse(String(log[1]?.time)) - Date.parse(String(log[0]?.time))).toBeGreaterThanOrEqual(950);
    // The 503's backoff is jittered within its ceiling (base · 2).
    expect(tokenEvents[1]?.retryInMs).toBeLessThanOrEqual(RETRY.baseDelayMs * 2);
    // One grant per attempt, each with its own jti.
    expect(tokens.grantCount).toBe(3);
    expect(new Set(jtis).size).toBe(3);
  });

  it('retries a reset (the grant landed) and a hang with a new jti, which the emulator would refuse if reused', async () => {
    const { altinn, tokens, jtis, tokenLog } = await setUp({ requestTimeoutMs: 300 });
    await faultTokenEndpoint(altinn.url, { resetRate: 0.3, timeoutRate: 0.3 }, ['reset', 'timeout', null]);
    await tokens.getToken();
    const log = await tokenLog();
    // The reset grant ran and was accepted (its jti is now spent); the hang never ran.
    expect(log.map((entry) => [entry.status, entry.fault])).toEqual([
      [200, 'reset'],
      [0, 'timeout'],
      [200, undefined],
    ]);
    expect(tokens.grantCount).toBe(3);
    expect(new Set(jtis).size).toBe(3);
  });

  it('gives up after maxAttempts on a persistent 503 with a TokenError, one grant per attempt', async () => {
    const { altinn, tokens, jtis, tokenLog } = await setUp({ retry: { maxAttempts: 4 } });
    await setFaults(altinn.url, { pathPrefix: TOKEN_PATH, errorRate: 1 });
    const started = Date.now();
    const error = await tokens.getToken().catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(TokenError);
    expect((error as TokenError).status).toBe(503);
    expect((error as TokenError).message).toContain('after 4 attempts');
    expect((await tokenLog()).map((entry) => entry.status)).toEqual([503, 503, 503, 503]);
    expect(tokens.grantCount).toBe(4);
    expect(new Set(jtis).size).toBe(4);
    // Three backoffs, each at most base · 2^(n−1): 50 + 100 + 200 ms, plus the requests.
    expect(elapsed).toBeLessThan(2_000);
  });

  it('a persistent 429 ends with a TokenError within the time budget', async () => {
    const { altinn, tokens, tokenLog } = await setUp({ retry: { maxAttempts: 10, totalTimeMs: 2_500 } });
    await setFaults(altinn.url, { pathPrefix: TOKEN_PATH, rateLimitRate: 1, retryAfterSeconds: 1 });
    const started = Date.now();
    const error = await tokens.getToken().catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(TokenError);
    expect((error as TokenError).status).toBe(429);
    // Each retry waits ≥ 1 s, and none starts unless it fits the 2.5 s budget: 2 or 3 attempts.
    const attempts = (await tokenLog()).length;
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(attempts).toBeLessThanOrEqual(3);
    expect(tokens.grantCount).toBe(attempts);
    expect(elapsed).toBeLessThan(2_500 + 500);
  });

  it('a token endpoint that never answers ends with a TokenError in bounded time, the key and grant unsaid', async () => {
    const { altinn, tokens, tokenLog } = await setUp({
      retry: { maxAttempts: 3, totalTimeMs: 3_000 },
      requestTimeoutMs: 250,
    });
    await setFaults(altinn.url, { pathPrefix: TOKEN_PATH, timeoutRate: 1 });
    const started = Date.now();
    const error = await tokens.getToken().catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(TokenError);
    expect((error as TokenError).message).toMatch(
      /could not reach Maskinporten .* timed out after 3 attempt/,
    );
    // The cause is kept, as a redacted copy.
    expect(((error as TokenError).cause as Error).name).toBe('AltinnNetworkError');
    expect(
      JSON.stringify({ message: (error as Error).message, cause: String((error as Error).cause) }),
    ).not.toMatch(/eyJ|assertion=|PRIVATE KEY/);
    expect((await tokenLog()).map((entry) => entry.fault)).toEqual(['timeout', 'timeout', 'timeout']);
    expect(tokens.grantCount).toBe(3);
    // Three 250 ms timeouts and two short backoffs.
    expect(elapsed).toBeLessThan(2_000);
  });
});
