/**
 * Test helper: a Maskinporten client with a key generated at run time, registered on a running local
 * Altinn, and JWT-bearer grants signed with it. Claims and header can be overridden to break one
 * Maskinporten rule at a time. Keys live in memory only.
 */
import { randomUUID } from 'node:crypto';
import type { CryptoKey, JWK } from 'jose';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';

export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export interface TestClient {
  clientId: string;
  orgNumber: string;
  scopes: string[];
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function createTestClient(
  options: { clientId?: string; orgNumber?: string; scopes?: string[]; kid?: string } = {},
): Promise<TestClient> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = options.kid ?? `kid-${randomUUID()}`;
  return {
    clientId: options.clientId ?? `client-${randomUUID()}`,
    orgNumber: options.orgNumber ?? '991825827',
    scopes: options.scopes ?? ['altinn:authentication/systemregister.write'],
    kid,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid },
  };
}

/** POST `/_emulator/clients` for this client. */
export async function registerTestClient(baseUrl: string, client: TestClient): Promise<void> {
  const response = await fetch(`${baseUrl}/_emulator/clients`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      clientId: client.clientId,
      orgNumber: client.orgNumber,
      scopes: client.scopes,
      jwk: client.publicJwk,
    }),
  });
  if (response.status !== 201)
    throw new Error(`registering ${client.clientId}: ${response.status} ${await response.text()}`);
}

export interface GrantOptions {
  /** The local Maskinporten issuer, `<baseUrl>/maskinporten/`. */
  audience: string;
  scope?: string;
  /** Clock in seconds; default now. */
  nowSeconds?: number;
  lifetimeSeconds?: number;
  /** Claims to add or replace (undefined removes one). */
  claims?: Record<string, unknown>;
  header?: Record<string, unknown>;
  /** Sign with another key (to break the signature). */
  signingKey?: CryptoKey;
}

export async function signGrant(client: TestClient, options: GrantOptions): Promise<string> {
  const iat = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = {
    aud: options.audience,
    iss: client.clientId,
    scope: options.scope ?? client.scopes.join(' '),
    iat,
    exp: iat + (options.lifetimeSeconds ?? 60),
    jti: randomUUID(),
    ...options.claims,
  };
  for (const [key, value] of Object.entries(payload)) if (value === undefined) delete payload[key];
  const header = { alg: 'RS256', kid: client.kid, ...options.header } as { alg: string; kid?: string };
  return new SignJWT(payload).setProtectedHeader(header).sign(options.signingKey ?? client.privateKey);
}

/** POST the grant to `<baseUrl>/maskinporten/token`; returns status and parsed body. */
export async function postGrant(
  baseUrl: string,
  assertion: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}/maskinporten/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: JWT_BEARER, assertion }).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A fresh access token for the client from the local Maskinporten. */
export async function fetchAccessToken(
  baseUrl: string,
  client: TestClient,
  scope?: string,
  nowSeconds?: number,
): Promise<string> {
  const assertion = await signGrant(client, {
    audience: `${baseUrl}/maskinporten/`,
    ...(scope !== undefined ? { scope } : {}),
    ...(nowSeconds !== undefined ? { nowSeconds } : {}),
  });
  const { status, body } = await postGrant(baseUrl, assertion);
  if (status !== 200 || typeof body.access_token !== 'string')
    throw new Error(`token grant refused: ${JSON.stringify(body)}`);
  return body.access_token;
}
