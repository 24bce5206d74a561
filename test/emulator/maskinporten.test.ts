/**
 * The local Maskinporten (shared/altinn-system-register.md §5.2): one refused grant per rule, with the
 * OAuth error Maskinporten uses, and the shape of what a good grant gets. A fake clock drives time.
 */
import { createRemoteJWKSet, decodeJwt, generateKeyPair, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.ts';
import { startEmulator } from '../../src/emulator/index.ts';
import type { TestClient } from '../support/maskinporten-grant.ts';
import {
  JWT_BEARER,
  createTestClient,
  postGrant,
  registerTestClient,
  signGrant,
} from '../support/maskinporten-grant.ts';

const WRITE = 'altinn:authentication/systemregister.write';
let clockMs = Date.UTC(2026, 0, 15, 12, 0, 0);
const nowSeconds = () => Math.floor(clockMs / 1000);
let emulator: Emulator;
let client: TestClient;
let audience: string;

async function expectRefused(assertion: string, error: string) {
  const { status, body } = await postGrant(emulator.url, assertion);
  expect(status).toBe(400);
  expect(body.error).toBe(error);
  expect(typeof body.error_description).toBe('string');
}

beforeAll(async () => {
  emulator = await startEmulator({ now: () => clockMs });
  audience = `${emulator.url}/maskinporten/`;
  client = await createTestClient({ orgNumber: '991825827', scopes: [WRITE] });
  await registerTestClient(emulator.url, client);
});
afterAll(async () => {
  await emulator.close();
});

describe('§5.2 Maskinporten grants that are refused', () => {
  it('§5.2: alg other than RS256/384/512 → invalid_grant', async () => {
    const { privateKey } = await generateKeyPair('PS256', { extractable: true });
    const assertion = await signGrant(client, {
      audience,
      nowSeconds: nowSeconds(),
      header: { alg: 'PS256' },
      signingKey: privateKey,
    });
    await expectRefused(assertion, 'invalid_grant');
  });

  it('§5.2: no kid (and no x5c) → invalid_grant; x5c is not supported locally → invalid_grant', async () => {
    await expectRefused(
      await signGrant(client, { audience, nowSeconds: nowSeconds(), header: { kid: undefined } }),
      'invalid_grant',
    );
    await expectRefused(
      await signGrant(client, {
        audience,
        nowSeconds: nowSeconds(),
        header: { kid: undefined, x5c: ['MIIB'] },
      }),
      'invalid_grant',
    );
  });

  it('§5.2: iss not a registered client id → invalid_client', async () => {
    await expectRefused(
      await signGrant(client, { audience, nowSeconds: nowSeconds(), claims: { iss: 'nobody' } }),
      'invalid_client',
    );
  });

  it('§5.2: kid not registered on the client → invalid_client', async () => {
    await expectRefused(
      await signGrant(client, { audience, nowSeconds: nowSeconds(), header: { kid: 'other-kid' } }),
      'invalid_client',
    );
  });

  it('§5.2: signed by a key other than the registered one → invalid_grant', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    await expectRefused(
      await signGrant(client, { audience, nowSeconds: nowSeconds(), signingKey: privateKey }),
      'invalid_grant',
    );
  });

  it('§5.2: aud must be exactly the issuer: the token endpoint URL or an array → invalid_grant', async () => {
    await expectRefused(
      await signGrant(client, { audience: `${emulator.url}/maskinporten/token`, nowSeconds: nowSeconds() }),
      'invalid_grant',
    );
    await expectRefused(
      await signGrant(client, { audience, nowSeconds: nowSeconds(), claims: { aud: [audience] } }),
      'invalid_grant',
    );
    await expectRefused(
      await signGrant(client, { audience: 'https://test.maskinporten.no/', nowSeconds: nowSeconds() }),
      'invalid_grant',
    );
  });

  it('§5.2: iat more than 10 s off either way → invalid_grant; 10 s off is accepted', async () => {
    await expectRefused(
      await signGrant(client, { audience, nowSeconds: nowSeconds() + 11 }),
      'invalid_grant',
    );
    await expectRefused(
      await signGrant(client, { audience, nowSeconds: nowSeconds() - 11, lifetimeSeconds: 100 }),
      'invalid_grant',
    );
    expect(
      (await postGrant(emulator.url, await signGrant(client, { audience, nowSeconds: nowSeconds() + 10 })))
        .status,
    ).toBe(200);
    expect(
      (await postGrant(emulator.url, await signGrant(client, { audience, nowSeconds: nowSeconds() - 10 })))
        .status,
    ).toBe(200);
  });

  it('§5.2: exp − iat over 120 s → invalid_grant; exactly 120 s is accepted; no exp → invalid_grant', async () => {
    await expectRefused(
      await signGrant(client, { audience, nowSeconds: nowSeconds(), lifetimeSeconds: 121 }),
      'invalid_grant',
    );
    expect(
      (
        await postGrant(
          emulator.url,
          await signGrant(client, { audience, nowSeconds: nowSeconds(), lifetimeSeconds: 120 }),
        )
      ).status,
    ).toBe(200);
    await expectRefused(
      await signGrant(client, { audience, nowSeconds: nowSeconds(), claims: { exp: undefined } }),
      'invalid_grant',
    );
  });

  it('§5.2: a jti used before → invalid_grant', async () => {
    const assertion = await signGrant(client, {
      audience,
      nowSeconds: nowSeconds(),
      claims: { jti: 'once-only' },
    });
    expect((await postGrant(emulator.url, assertion)).status).toBe(200);
    await expectRefused(assertion, 'invalid_grant');
  });

  it('§5.2: an undocumented claim → invalid_grant ("invalid assertion")', async () => {
    await expectRefused(
      await signGrant(client, { audience, nowSeconds: nowSeconds(), claims: { sub: 'someone' } }),
      'invalid_grant',
    );
  });

  it('§5.2: a scope not granted to the client, or none → invalid_scope', async () => {
    await expectRefused(
      await signGrant(client, {
        audience,
        nowSeconds: nowSeconds(),
        scope: `${WRITE} altinn:authentication/systemregister.admin`,
      }),
      'invalid_scope',
    );
    await expectRefused(
      await signGrant(client, { audience, nowSeconds: nowSeconds(), claims: { scope: undefined } }),
      'invalid_scope',
    );
  });

  it('§5.2: wrong grant_type, no assertion or a JSON body → invalid_request', async () => {
    const form = (fields: Record<string, string>) =>
      fetch(`${emulator.url}/maskinporten/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
    const assertion = await signGrant(client, { audience, nowSeconds: nowSeconds() });
    for (const response of [
      await form({ grant_type: 'client_credentials', assertion }),
      await form({ grant_type: JWT_BEARER }),
      await fetch(`${emulator.url}/maskinporten/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: JWT_BEARER, assertion }),
      }),
    ]) {
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toBe('invalid_request');
    }
  });

  it('§5.2: a grant that is not a JWT → invalid_grant', async () => {
    await expectRefused('not.a.jwt', 'invalid_grant');
  });
});

describe('§5.2 issued tokens', () => {
  it('§5.2: a good grant gets {access_token, token_type, expires_in, scope} with the documented claims', async () => {
    const { status, body } = await postGrant(
      emulator.url,
      await signGrant(client, { audience, nowSeconds: nowSeconds() }),
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 120, scope: WRITE });
    const claims = decodeJwt(body.access_token as string);
    expect(claims).toMatchObject({
      scope: WRITE,
      consumer: { authority: 'iso6523-actorid-upis', ID: '0192:991825827' },
      client_id: client.clientId,
      iss: audience,
      iat: nowSeconds(),
      exp: nowSeconds() + 120,
    });
    expect(typeof claims.jti).toBe('string');
  });

  it('§5.2: tokens verify against the JWKS named by the metadata document', async () => {
    const metadata = (await (
      await fetch(`${audience}.well-known/oauth-authorization-server`)
    ).json()) as Record<string, string>;
    expect(metadata.issuer).toBe(audience);
    expect(metadata.token_endpoint).toBe(`${emulator.url}/maskinporten/token`);
    const { body } = await postGrant(
      emulator.url,
      await signGrant(client, { audience, nowSeconds: nowSeconds() }),
    );
    const jwks = createRemoteJWKSet(new URL(metadata.jwks_uri ?? ''));
    const { payload } = await jwtVerify(body.access_token as string, jwks, {
      issuer: audience,
      currentDate: new Date(clockMs),
    });
    expect(payload.client_id).toBe(client.clientId);
  });

  it('§5.1: the register checks exp with 10 s of skew: 401 only once the token is 10 s past exp', async () => {
    const { body } = await postGrant(
      emulator.url,
      await signGrant(client, { audience, nowSeconds: nowSeconds() }),
    );
    const token = body.access_token as string;
    const list = () =>
      fetch(`${emulator.url}/authentication/api/v1/systemregister/vendor`, {
        headers: { authorization: `Bearer ${token}` },
      });
    const start = clockMs;
    try {
      clockMs = start + 125_000;
      expect((await list()).status).toBe(200);
      clockMs = start + 131_000;
      const expired = await list();
      expect(expired.status).toBe(401);
      expect(await expired.text()).toBe('');
    } finally {
      clockMs = start;
    }
  });

  it('startEmulator tokenLifetimeSeconds sets expires_in and exp', async () => {
    const short = await startEmulator({ tokenLifetimeSeconds: 30, now: () => clockMs });
    try {
      const c = await createTestClient({ scopes: [WRITE] });
      await registerTestClient(short.url, c);
      const { body } = await postGrant(
        short.url,
        await signGrant(c, { audience: `${short.url}/maskinporten/`, nowSeconds: nowSeconds() }),
      );
      expect(body.expires_in).toBe(30);
      expect(decodeJwt(body.access_token as string).exp).toBe(nowSeconds() + 30);
    } finally {
      await short.close();
    }
  });
});
