/** Reads under injected faults: 503, 429 with Retry-After, resets and hangs (issue 4, acceptance 2). */
import { describe, expect, it, onTestFinished } from 'vitest';
import { AltinnError, AltinnNetworkError } from '../../src/altinn/errors.ts';
import { readLiveState } from '../../src/altinn/read-live-state.ts';
import type { AttemptEvent, TransportOptions } from '../../src/altinn/transport.ts';
import {
  makeLiveSystem,
  openLocalAltinnSession,
  readRequestLog,
  setFaults,
  TEST_VENDOR_ORG,
} from '../support/local-altinn.ts';

const RETRY = { maxAttempts: 6, baseDelayMs: 20, maxDelayMs: 2_000, totalTimeMs: 8_000 };

async function setUp(systemCount: number, transport: TransportOptions, events: AttemptEvent[]) {
  const systems = Array.from({ length: systemCount }, (_, i) =>
    makeLiveSystem(TEST_VENDOR_ORG, `sys${String(i).padStart(3, '0')}`, { clientId: [`client-${i}`] }),
  );
  const { altinn, client, connection, close } = await openLocalAltinnSession({ transport, systems });
  onTestFinished(close);
  // The token first: these tests are about the register's reads.
  await connection.tokens.getToken();
  events.length = 0;
  return { altinn, client, systems, connection };
}

describe('reads under faults', () => {
  it('read the same state as without faults, within the retry bounds', async () => {
    const events: AttemptEvent[] = [];
    const { altinn, client, systems, connection } = await setUp(
      60,
      {
        requestTimeoutMs: 400,
        retry: RETRY,
        onAttempt: (event) => events.push(event),
      },
      events,
    );
    const repoIds = [`${client.orgNumber}_never-created`, systems[0]!.id];
    const clean = await readLiveState(connection.client, { environment: 'local', repoIds });
    events.length = 0;
    await setFaults(altinn.url, {
      errorRate: 0.15,
      rateLimitRate: 0.1,
      retryAfterSeconds: 1,
      resetRate: 0.1,
      timeoutRate: 0.05,
      seed: 7,
    });
    const started = Date.now();
    const faulty = await readLiveState(connection.client, { environment: 'local', repoIds });
    const elapsed = Date.now() - started;
    expect(faulty).toEqual(clean);
    expect(Object.keys(faulty.systems)).toHaveLength(61);
    expect(faulty.systems[`${client.orgNumber}_never-created`]).toEqual({ status: 'absent' });
    // Every fault kind was met and retried.
    const statuses = new Set(events.map((e) => e.status ?? e.error));
    expect(statuses).toContain(503);
    expect(statuses).toContain(429);
    expect([...statuses].some((s) => typeof s === 'string')).toBe(true);
    const log = await readRequestLog(altinn.url);
    expect(log.some((r) => r.status === 429)).toBe(true);
    // Retry-After was honoured: no 429 was followed by a retry sooner than it asked.
    for (const event of events.filter((e) => e.status === 429 && e.retryInMs !== undefined)) {
      expect(event.retryInMs).toBeGreaterThanOrEqual(1_000);
    }
    expect(Math.max(...events.map((e) => e.attempt))).toBeLessThanOrEqual(RETRY.maxAttempts);
    expect(elapsed).toBeLessThan(RETRY.totalTimeMs + 2_000);
  });

  it('give up on a persistent 503 after the attempt bound', async () => {
    const events: AttemptEvent[] = [];
    const { altinn, systems, connection } = await setUp(
      1,
      {
        retry: { ...RETRY, maxAttempts: 4 },
        onAttempt: (e) => events.push(e),
      },
      events,
    );
    await setFaults(altinn.url, { errorRate: 1 });
    const error = await connection.client.getSystem(systems[0]!.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AltinnError);
    expect((error as AltinnError).status).toBe(503);
    expect(events.map((e) => e.attempt)).toEqual([1, 2, 3, 4]);
  });

  it('give up on hangs within the total time bound', async () => {
    const events: AttemptEvent[] = [];
    const { altinn, systems, connection } = await setUp(
      1,
      {
        requestTimeoutMs: 300,
        retry: { ...RETRY, totalTimeMs: 1_500 },
        onAttempt: (e) => events.push(e),
      },
      events,
    );
    await setFaults(altinn.url, { timeoutRate: 1 });
    const started = Date.now();
    const error = await connection.client.getSystem(systems[0]!.id).catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(AltinnNetworkError);
    expect((error as AltinnNetworkError).timedOut).toBe(true);
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(elapsed).toBeLessThan(1_500 + 500);
  });

  it('stop retrying when Retry-After is longer than allowed', async () => {
    const events: AttemptEvent[] = [];
    const { altinn, systems, connection } = await setUp(
      1,
      {
        retry: { ...RETRY, maxDelayMs: 1_000 },
        onAttempt: (e) => events.push(e),
      },
      events,
    );
    await setFaults(altinn.url, { rateLimitRate: 1, retryAfterSeconds: 30 });
    const started = Date.now();
    const error = await connection.client.getSystem(systems[0]!.id).catch((e: unknown) => e);
    expect((error as AltinnError).status).toBe(429);
    expect(events).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
