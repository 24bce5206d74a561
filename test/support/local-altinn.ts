/**
 * Test harness around the local Altinn (src/emulator/): starts it on port 0, registers a
 * Maskinporten client with a key generated at run time, and drives the control API over HTTP.
 */
import { exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import { startEmulator } from '../../src/emulator/index.ts';
import type { LiveSystem } from '../../src/altinn/wire.ts';
import { SCOPE_WRITE } from '../../src/altinn/wire.ts';

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

let clientCounter = 0;

/** Registers a Maskinporten client with a fresh RSA key; returns the credentials as env variables. */
export async function registerTestClient(
  url: string,
  options: { orgNumber?: string; scopes?: string[]; clientId?: string } = {},
): Promise<TestClient> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  clientCounter += 1;
  const clientId = options.clientId ?? `test-client-${process.pid}-${clientCounter}`;
  const kid = `kid-${clientCounter}`;
  const orgNumber = options.orgNumber ?? '991825827';
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  await control(url, 'POST', '/_emulator/clients', {
    clientId,
    orgNumber,
    scopes: options.scopes ?? [SCOPE_WRITE],
    jwk,
  });
  const privateKeyPem = await exportPKCS8(privateKey);
  return {
    clientId,
    orgNumber,
    privateKeyPem,
    env: {
      MASKINPORTEN_CLIENT_ID: clientId,
      MASKINPORTEN_KID: kid,
      MASKINPORTEN_PRIVATE_KEY: privateKeyPem,
      SYSREG_ALTINN_URL: url,
    },
  };
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
