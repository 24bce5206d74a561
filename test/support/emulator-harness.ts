/**
 * Test helper: a local Altinn started in-process on port 0, with Maskinporten clients for a vendor,
 * a second vendor, an admin, a portal user and a token without the register scopes, and a small
 * `call` for the register over real HTTP. Close it in `afterAll`.
 */
import type { Emulator, EmulatorOptions } from '../../src/emulator/index.ts';
import { startEmulator } from '../../src/emulator/index.ts';
import type { TestClient } from './maskinporten-grant.ts';
import { createTestClient, fetchAccessToken, registerTestClient } from './maskinporten-grant.ts';

export const VENDOR_ORG = '991825827';
export const OTHER_ORG = '313367002';
export const REGISTER = '/authentication/api/v1/systemregister';
export const WRITE = 'altinn:authentication/systemregister.write';
export const ADMIN = 'altinn:authentication/systemregister.admin';
export const PORTAL = 'altinn:portal/enduser';

export interface Reply {
  status: number;
  contentType: string;
  headers: Headers;
  text: string;
  /** Parsed body, or undefined when it is not JSON. */
  json: unknown;
}

export interface Harness {
  emulator: Emulator;
  url: string;
  clients: Record<'vendor' | 'other' | 'admin' | 'portal' | 'noScope', TestClient>;
  tokens: Record<'vendor' | 'other' | 'admin' | 'portal' | 'noScope', string>;
  call(
    method: string,
    path: string,
    options?: { token?: string | null; body?: unknown; raw?: string; headers?: Record<string, string> },
  ): Promise<Reply>;
  close(): Promise<void>;
}

export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
  const emulator = await startEmulator(options);
  const clients = {
    vendor: await createTestClient({ orgNumber: VENDOR_ORG, scopes: [WRITE] }),
    other: await createTestClient({ orgNumber: OTHER_ORG, scopes: [WRITE] }),
    admin: await createTestClient({ orgNumber: OTHER_ORG, scopes: [ADMIN] }),
    portal: await createTestClient({ orgNumber: OTHER_ORG, scopes: [PORTAL] }),
    noScope: await createTestClient({
      orgNumber: VENDOR_ORG,
      scopes: ['altinn:authentication/systemuser.request.read'],
    }),
  };
  for (const client of Object.values(clients)) await registerTestClient(emulator.url, client);
  const nowSeconds = options.now ? Math.floor(options.now() / 1000) : undefined;
  const token = async (client: TestClient) => {
    if (nowSeconds === undefined) return fetchAccessToken(emulator.url, client);
    return fetchAccessToken(emulator.url, client, undefined, nowSeconds);
  };
  const tokens = {
    vendor: await token(clients.vendor),
    other: await token(clients.other),
    admin: await token(clients.admin),
    portal: await token(clients.portal),
    noScope: await token(clients.noScope),
  };
  const call: Harness['call'] = async (method, path, callOptions = {}) => {
    const headers: Record<string, string> = { ...callOptions.headers };
    const bearer = callOptions.token === undefined ? tokens.vendor : callOptions.token;
    if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
    let body: string | undefined;
    if (callOptions.raw !== undefined) body = callOptions.raw;
    else if (callOptions.body !== undefined) body = JSON.stringify(callOptions.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${emulator.url}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      headers: response.headers,
      text,
      json,
    };
  };
  return { emulator, url: emulator.url, clients, tokens, call, close: () => emulator.close() };
}

/** A valid create body for the vendor, with overrides. */
export function buildSystem(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    vendor: { ID: `0192:${VENDOR_ORG}` },
    name: { en: 'Payroll', nb: 'Lønn', nn: 'Løn' },
    description: { en: 'Runs payroll', nb: 'Kjører lønn', nn: 'Køyrer løn' },
    rights: [{ resource: [{ id: 'urn:altinn:resource', value: 'authentication-e2e-test' }] }],
    accessPackages: [{ urn: 'urn:altinn:accesspackage:skattegrunnlag' }],
    clientId: [],
    allowedRedirectUrls: ['https://vendor.example/callback'],
    isVisible: true,
    ...overrides,
  };
}

/** The AUTH.VLD codes in a reply. */
export function readCodes(reply: Reply): string[] {
  const body = reply.json as { validationErrors?: { code: string }[] } | undefined;
  return (body?.validationErrors ?? []).map((e) => e.code);
}
