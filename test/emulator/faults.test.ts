/**
 * Injected faults (PUT /_emulator/faults): the rates are observed within tolerance over 1,000 requests,
 * a 503/429/hang never executes, a reset executes and loses only the answer, and the seed reproduces
 * the sequence. Request loops are bounded in count and time.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.ts';
import type { Harness } from '../support/emulator-harness.ts';
import { REGISTER, VENDOR_ORG, buildSystem, startHarness } from '../support/emulator-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
// Each case starts with no faults and an empty log; system ids differ per case.
beforeEach(async () => {
  await h.call('PUT', '/_emulator/faults', { token: null, body: {} });
  await h.call('DELETE', '/_emulator/requests', { token: null });
});

async function setFaults(settings: Record<string, number>) {
  const reply = await h.call('PUT', '/_emulator/faults', { token: null, body: settings });
  expect(reply.status, reply.text).toBe(200);
}

type Outcome = { index: number; status: number | 'reset' | 'timeout'; retryAfter?: string | null };

/** Runs `count` requests with at most 16 in flight; a connection error or abort is an outcome, not a failure. */
async function runBounded(count: number, send: (index: number) => Promise<Response>): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      try {
        const response = await send(index);
        await response.arrayBuffer();
        outcomes.push({ index, status: response.status, retryAfter: response.headers.get('retry-after') });
      } catch (error) {
        const name = (error as Error).name;
        outcomes.push({
          index,
          status: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'reset',
        });
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return outcomes.sort((a, b) => a.index - b.index);
}

const count = (outcomes: Outcome[], status: Outcome['status']) =>
  outcomes.filter((o) => o.status === status).length;

async function listSystemIds(): Promise<Set<string>> {
  await setFaults({});
  const reply = await h.call('GET', '/_emulator/systems', { token: null });
  return new Set((reply.json as { id: string }[]).map((s) => s.id));
}

describe('fault injection', () => {
  it('503 and 429 rates hold over 1,000 writes, and no write answered 503/429 happened', async () => {
    await setFaults({ errorRate: 0.2, rateLimitRate: 0.1, retryAfterSeconds: 7, seed: 42 });
    const id = (i: number) => `${VENDOR_ORG}_fault${i}`;
    const outcomes = await runBounded(1000, (i) =>
      fetch(`${h.url}${REGISTER}/vendor`, {
        method: 'POST',
        headers: { authorization: `Bearer ${h.tokens.vendor}`, 'content-type': 'application/json' },
        body: JSON.stringify(buildSystem(id(i), { clientId: [`fault-client-${i}`] })),
      }),
    );
    expect(count(outcomes, 503) / 1000).toBeGreaterThan(0.15);
    expect(count(outcomes, 503) / 1000).toBeLessThan(0.25);
    expect(count(outcomes, 429) / 1000).toBeGreaterThan(0.06);
    expect(count(outcomes, 429) / 1000).toBeLessThan(0.14);
    expect(outcomes.filter((o) => o.status === 429).every((o) => o.retryAfter === '7')).toBe(true);
    expect(count(outcomes, 200) + count(outcomes, 503) + count(outcomes, 429)).toBe(1000);
    const stored = await listSystemIds();
    for (const o of outcomes)
      expect(stored.has(id(o.index)), `${o.index} answered ${o.status}`).toBe(o.status === 200);
  });

  it('resets run the request and then drop the answer: the rate holds and every reset write landed', async () => {
    await setFaults({ resetRate: 0.1, errorRate: 0.1, seed: 7 });
    const id = (i: number) => `${VENDOR_ORG}_reset${i}`;
    const outcomes = await runBounded(1000, (i) =>
      fetch(`${h.url}${REGISTER}/vendor`, {
        method: 'POST',
        headers: { authorization: `Bearer ${h.tokens.vendor}`, 'content-type': 'application/json' },
        body: JSON.stringify(buildSystem(id(i))),
      }),
    );
    const resets = count(outcomes, 'reset');
    expect(resets / 1000).toBeGreaterThan(0.06);
    expect(resets / 1000).toBeLessThan(0.14);
    const stored = await listSystemIds();
    for (const o of outcomes) {
      expect(stored.has(id(o.index)), `${o.index} answered ${o.status}`).toBe(
        o.status === 200 || o.status === 'reset',
      );
    }
    const log = (await h.call('GET', '/_emulator/requests', { token: null })).json as {
      fault?: string;
      status: number;
    }[];
    const loggedResets = log.filter((e) => e.fault === 'reset');
    expect(loggedResets.length).toBe(resets);
    expect(loggedResets.every((e) => e.status === 200)).toBe(true);
  });

  it('hangs never answer; the rate holds over 1,000 reads', async () => {
    await setFaults({ timeoutRate: 0.03, seed: 3 });
    const outcomes = await runBounded(1000, () =>
      fetch(`${h.url}/resourceregistry/api/v1/resource/authentication-e2e-test`, {
        // Generous, so that only injected hangs time out even on a loaded machine.
        signal: AbortSignal.timeout(1_500),
      }),
    );
    const hangs = count(outcomes, 'timeout');
    expect(hangs / 1000).toBeGreaterThan(0.01);
    expect(hangs / 1000).toBeLessThan(0.05);
    expect(count(outcomes, 200) + hangs).toBe(1000);
    const log = (await h.call('GET', '/_emulator/requests', { token: null })).json as {
      fault?: string;
      status: number;
    }[];
    const logged = log.filter((e) => e.fault === 'timeout');
    expect(logged.length).toBe(hangs);
    expect(logged.every((e) => e.status === 0)).toBe(true);
    expect(log.filter((e) => e.fault === undefined).every((e) => e.status === 200)).toBe(true);
  });

  it('close() destroys hung connections: the client sees the connection end and close() returns', async () => {
    const own = await startEmulator();
    try {
      await fetch(`${own.url}/_emulator/faults`, { method: 'PUT', body: JSON.stringify({ timeoutRate: 1 }) });
      const hung = fetch(`${own.url}/resourceregistry/api/v1/resource/authentication-e2e-test`, {
        signal: AbortSignal.timeout(10_000),
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      await own.close();
      await expect(hung).rejects.toThrow(/fetch failed|other side closed|terminated/);
    } finally {
      await own.close();
    }
  });

  it('a hung write is not executed', async () => {
    await setFaults({ timeoutRate: 1 });
    const id = `${VENDOR_ORG}_hung`;
    const attempt = fetch(`${h.url}${REGISTER}/vendor`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.tokens.vendor}`, 'content-type': 'application/json' },
      body: JSON.stringify(buildSystem(id)),
      signal: AbortSignal.timeout(200),
    });
    await expect(attempt).rejects.toThrow();
    expect((await listSystemIds()).has(id)).toBe(false);
  });

  it('the same seed gives the same sequence of faults', async () => {
    const sequence = async () => {
      await setFaults({ errorRate: 0.3, rateLimitRate: 0.2, seed: 99 });
      const statuses: number[] = [];
      for (let i = 0; i < 60; i++) {
        statuses.push(
          (await fetch(`${h.url}/resourceregistry/api/v1/resource/authentication-e2e-test`)).status,
        );
      }
      return statuses;
    };
    const first = await sequence();
    expect(new Set(first)).toEqual(new Set([200, 429, 503]));
    expect(await sequence()).toEqual(first);
  });

  it('latencyMs is added to every response outside /_emulator/, and /_emulator/ is never faulted', async () => {
    await setFaults({ latencyMs: 40, errorRate: 1 });
    const started = performance.now();
    const reply = await fetch(`${h.url}/resourceregistry/api/v1/resource/authentication-e2e-test`);
    expect(reply.status).toBe(503);
    expect(performance.now() - started).toBeGreaterThanOrEqual(39);
    expect((await h.call('GET', '/_emulator/systems', { token: null })).status).toBe(200);
  });

  it('pathPrefix confines faults and latency to the paths under it', async () => {
    await h.call('PUT', '/_emulator/faults', {
      token: null,
      body: { pathPrefix: '/maskinporten/token', errorRate: 1, latencyMs: 200 },
    });
    const started = performance.now();
    const other = await fetch(`${h.url}/resourceregistry/api/v1/resource/authentication-e2e-test`);
    expect(other.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(150);
    const token = await fetch(`${h.url}/maskinporten/token`, { method: 'POST' });
    expect(token.status).toBe(503);
    const log = (await h.call('GET', '/_emulator/requests', { token: null })).json as Record<
      string,
      unknown
    >[];
    expect(log.map((e) => [e.path, e.status, e.fault])).toEqual([
      ['/resourceregistry/api/v1/resource/authentication-e2e-test', 200, undefined],
      ['/maskinporten/token', 503, 'error'],
    ]);
  });

  it('PUT /_emulator/faults refuses rates outside 0..1, a sum over 1 and unknown fields', async () => {
    for (const body of [
      { pathPrefix: 'maskinporten' },
      { pathPrefix: 3 },
      { errorRate: 1.5 },
      { errorRate: 0.6, resetRate: 0.6 },
      { errorRat: 0.1 },
      { latencyMs: -1 },
    ]) {
      const reply = await h.call('PUT', '/_emulator/faults', { token: null, body });
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect((reply.json as { error: string }).error).toBeTruthy();
    }
  });
});
