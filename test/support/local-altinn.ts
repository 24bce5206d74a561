/**
 * Test harness around the local Altinn (src/emulator/): starts it on port 0, registers a
 * Maskinporten client with a key generated at run time, and drives the control API over HTTP.
 * Shared by tests and benchmarks, so it does not import vitest.
 */
import { exportPKCS8 } from 'jose';
import { connectToAltinn, type AltinnConnection } from '../../src/altinn/connect.ts';
import type { TransportOptions } from '../../src/altinn/transport.ts';
import { startEmulator } from '../../src/emulator/index.ts';
import type { LiveSystem } from '../../src/model/wire.ts';
import { SCOPE_WRITE } from '../../src/model/wire.ts';
import { createTestClient, registerTestClient as registerGrantClient } from './maskinporten-grant.ts';

export interface LocalAltinn {
  url: string;
  close(): Promise<void>;
}

export interface TestClient {
  clientId: string;
  orgNumber: string;
  /** The variables `readMaskinportenCredentials` reads. Holds the private key: keep it in memory. */
  env: Record<string, string>;
  privateKeyPem: string;
}

export interface FaultSettings {
  /** Only requests under this path meet faults and latency; default every path. */
  pathPrefix?: string;
  latencyMs?: number;
  errorRate?: number;
  rateLimitRate?: number;
  retryAfterSeconds?: number;
  resetRate?: number;
  timeoutRate?: number;
  seed?: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  codes?: string[];
  time?: string;
  /** The system the request is about (path id, or the body `id` of a POST /vendor); null if none. */
  systemId: string | null;
  [marker: string]: unknown;
}

export async function startLocalAltinn(
  options: { now?: () => number; tokenLifetimeSeconds?: number } = {},
): Promise<LocalAltinn> {
  const emulator = await startEmulator({ port: 0, ...options });
  return { url: emulator.url.replace(/\/$/, ''), close: () => Promise.resolve(emulator.close()) };
}

async function control(url: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 200)}`);
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

/** The organisation a test client belongs to unless a test names another. */
export const TEST_VENDOR_ORG = '991825827';

let clientCounter = 0;

/** Registers a Maskinporten client with a fresh RSA key; returns the credentials as env variables. */
export async function registerTestClient(
  url: string,
  options: { orgNumber?: string; scopes?: string[]; clientId?: string } = {},
): Promise<TestClient> {
  clientCounter += 1;
  const client = await createTestClient({
    clientId: options.clientId ?? `test-client-${process.pid}-${clientCounter}`,
    orgNumber: options.orgNumber ?? TEST_VENDOR_ORG,
    scopes: options.scopes ?? [SCOPE_WRITE],
    kid: `kid-${clientCounter}`,
  });
  await registerGrantClient(url, {
    ...client,
    publicJwk: { ...client.publicJwk, alg: 'RS256', use: 'sig' },
  });
  const privateKeyPem = await exportPKCS8(client.privateKey);
  return {
    clientId: client.clientId,
    orgNumber: client.orgNumber,
    privateKeyPem,
    env: {
      MASKINPORTEN_CLIENT_ID: client.clientId,
      MASKINPORTEN_KID: client.kid,
      MASKINPORTEN_PRIVATE_KEY: privateKeyPem,
      SYSREG_ALTINN_URL: url,
    },
  };
}

export interface LocalAltinnSession {
  altinn: LocalAltinn;
  client: TestClient;
  /** Connected as `--env local` with the client's credentials. */
  connection: AltinnConnection;
  /** Closes the connection, then the local Altinn. */
  close(): Promise<void>;
}

/**
 * The set-up of the client tests: a local Altinn on port 0 seeded with `systems`, a client of
 * `orgNumber` (default TEST_VENDOR_ORG) registered on it, and a connection. The caller closes it.
 */
export async function openLocalAltinnSession(
  options: { orgNumber?: string; transport?: TransportOptions; systems?: LiveSystem[] } = {},
): Promise<LocalAltinnSession> {
  const altinn = await startLocalAltinn();
  try {
    const client = await registerTestClient(
      altinn.url,
      options.orgNumber ? { orgNumber: options.orgNumber } : {},
    );
    if (options.systems) await seedSystems(altinn.url, options.systems);
    const connection = await connectToAltinn({
      environment: 'local',
      env: client.env,
      altinnUrl: altinn.url,
      ...(options.transport ? { transport: options.transport } : {}),
    });
    const close = async () => {
      await connection.close();
      await altinn.close();
    };
    return { altinn, client, connection, close };
  } catch (error) {
    await altinn.close();
    throw error;
  }
}

export async function seedSystems(url: string, systems: LiveSystem[]): Promise<void> {
  await control(url, 'POST', '/_emulator/systems', systems);
}

export async function listStoredSystems(url: string): Promise<LiveSystem[]> {
  return (await control(url, 'GET', '/_emulator/systems')) as LiveSystem[];
}

export async function setFaults(url: string, faults: FaultSettings): Promise<void> {
  await control(url, 'PUT', '/_emulator/faults', {
    latencyMs: 0,
    errorRate: 0,
    rateLimitRate: 0,
    retryAfterSeconds: 0,
    resetRate: 0,
    timeoutRate: 0,
    seed: 1,
    ...faults,
  });
}

export async function readRequestLog(url: string): Promise<LoggedRequest[]> {
  return (await control(url, 'GET', '/_emulator/requests')) as LoggedRequest[];
}

/** A live system in the full GET shape, for seeding. */
export function makeLiveSystem(
  orgNumber: string,
  suffix: string,
  overrides: Partial<LiveSystem> = {},
): LiveSystem {
  return {
    id: `${orgNumber}_${suffix}`,
    vendor: { ID: `0192:${orgNumber}` },
    name: { en: `System ${suffix}`, nb: `System ${suffix}`, nn: `System ${suffix}` },
    description: { en: 'Seeded', nb: 'Seeded', nn: 'Seeded' },
    rights: [{ resource: [{ id: 'urn:altinn:resource', value: 'ske-krav-og-betalinger' }] }],
    accessPackages: [],
    clientId: [],
    allowedRedirectUrls: [],
    isVisible: true,
    isDeleted: false,
    ...overrides,
  };
}

/** A fake clock shared by the client and the emulator. */
export function createFakeClock(start = Date.now()): { now: () => number; advance(ms: number): void } {
  let current = start;
  return {
    now: () => current,
    advance: (ms: number) => {
      current += ms;
    },
  };
}
