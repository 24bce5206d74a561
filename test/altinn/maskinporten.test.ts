/** The JWT-bearer grant and the token cache, against the local Altinn's strict Maskinporten (§5.2). */
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { connectToAltinn } from '../../src/altinn/connect.ts';
import type { AltinnConnection } from '../../src/altinn/connect.ts';
import { TokenError } from '../../src/altinn/errors.ts';
import {
  createFakeClock,
  makeLiveSystem,
  readRequestLog,
  registerTestClient,
  seedSystems,
  startLocalAltinn,
} from '../support/local-altinn.ts';
import type { LocalAltinn } from '../support/local-altinn.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(
  options: { now?: () => number; tokenLifetimeSeconds?: number } = {},
): Promise<LocalAltinn> {
  const altinn = await startLocalAltinn(options);
  cleanups.push(() => altinn.close());
  return altinn;
}

async function connect(
  altinn: LocalAltinn,
  env: Record<string, string>,
  extra: Partial<Parameters<typeof connectToAltinn>[0]> = {},
) {
  const connection: AltinnConnection = await connectToAltinn({
    environment: 'local',
    env,
    altinnUrl: altinn.url,
    ...extra,
  });
  cleanups.push(() => connection.close());
  return connection;
}

const tokenRequests = async (url: string) =>
  (await readRequestLog(url)).filter((r) => r.path.startsWith('/maskinporten/token'));

describe('Maskinporten grant (§5.2)', () => {
  it('builds the header and claims Digdir requires', async () => {
    const altinn = await start();
    const client = await registerTestClient(altinn.url);
    const { tokens } = await connect(altinn, client.env);
    const first = tokens.buildGrant();
    const second = tokens.buildGrant();
    expect(first.header).toEqual({ alg: 'RS256', kid: client.env.MASKINPORTEN_KID });
    expect(Object.keys(first.claims).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'jti', 'scope']);
    expect(first.claims.aud).toBe(`${altinn.url}/maskinporten/`);
    expect(first.claims.iss).toBe(client.clientId);
    expect(first.claims.scope).toBe('altinn:authentication/systemregister.write');
    expect(Number(first.claims.exp) - Number(first.claims.iat)).toBeLessThanOrEqual(120);
    expect(first.claims.jti).not.toBe(second.claims.jti);
  });

  it('passes the strict verification and carries the consumer org', async () => {
    const altinn = await start();
    const client = await registerTestClient(altinn.url, { orgNumber: '310000001' });
    const { client: register, tokens } = await connect(altinn, client.env);
    const token = await tokens.getToken();
    expect(token.source).toBe('maskinporten');
    expect(decodeProtectedHeader(token.value).alg).toBeDefined();
    expect(decodeJwt(token.value).client_id).toBe(client.clientId);
    expect(await register.getCallerOrgNumber()).toBe('310000001');
    const log = await tokenRequests(altinn.url);
    expect(log.map((r) => r.status)).toEqual([200]);
  });

  it('reports a refused grant as a TokenError with the OAuth error', async () => {
    const altinn = await start();
    const client = await registerTestClient(altinn.url);
    const { tokens } = await connect(altinn, { ...client.env, MASKINPORTEN_KID: 'not-registered' });
    const error = await tokens.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenError);
    expect((error as TokenError).status).toBe(400);
    expect((error as TokenError).oauthError).toMatch(/^invalid_/);
    expect(tokens.grantCount).toBe(1);
  });
});

describe('token cache', () => {
  it('asks for one token per run however many requests run at once', async () => {
    const altinn = await start();
    const client = await registerTestClient(altinn.url);
    await seedSystems(
      altinn.url,
      Array.from({ length: 40 }, (_, i) => makeLiveSystem(client.orgNumber, `s${i}`)),
    );
    const { client: register } = await connect(altinn, client.env);
    const listed = await register.listVendorSystems();
    const lookups = await Promise.all(listed.map((s) => register.getSystem(s.systemId)));
    expect(lookups.every((l) => l.status === 'found')).toBe(true);
    await register.getChangelog(listed[0]!.systemId).catch(() => undefined);
    expect((await tokenRequests(altinn.url)).length).toBe(1);
  });

  it('renews the token shortly before it expires, by the injected clock', async () => {
    const clock = createFakeClock();
    const altinn = await start({ now: clock.now, tokenLifetimeSeconds: 120 });
    const client = await registerTestClient(altinn.url);
    const { client: register, tokens } = await connect(altinn, client.env, { now: clock.now });
    await register.listVendorSystems();
    const first = await tokens.getToken();
    clock.advance(60_000);
    await register.listVendorSystems();
    expect(await tokens.getToken()).toBe(first);
    expect((await tokenRequests(altinn.url)).length).toBe(1);
    // Inside the 30 s safety margin: renewed before Altinn could refuse it.
    clock.advance(35_000);
    await register.listVendorSystems();
    const second = await tokens.getToken();
    expect(second).not.toBe(first);
    expect(second.expiresAt).toBe(clock.now() + 120_000);
    expect((await tokenRequests(altinn.url)).map((r) => r.status)).toEqual([200, 200]);
    expect((await readRequestLog(altinn.url)).filter((r) => r.status === 401)).toEqual([]);
  });

  it('on a 401 refreshes the token once and retries, and the request succeeds', async () => {
    // Time jumps past the token's expiry inside the emulator, after the client checked its cache:
    // the client sends a token it believes valid and Altinn refuses it.
    let time = Date.now();
    let jumpOnNextEmulatorRead = false;
    const emulatorClock = () => {
      if (jumpOnNextEmulatorRead) {
        jumpOnNextEmulatorRead = false;
        time += 200_000;
      }
      return time;
    };
    const altinn = await start({ now: emulatorClock, tokenLifetimeSeconds: 120 });
    const client = await registerTestClient(altinn.url);
    const { client: register, tokens } = await connect(altinn, client.env, { now: () => time });
    await register.listVendorSystems();
    const first = await tokens.getToken();
    jumpOnNextEmulatorRead = true;
    expect(await register.listVendorSystems()).toEqual([]);
    expect(await tokens.getToken()).not.toBe(first);
    const log = await readRequestLog(altinn.url);
    expect(log.map((r) => [r.method, r.path, r.status])).toEqual([
      ['POST', '/maskinporten/token', 200],
      ['GET', '/authentication/api/v1/systemregister/vendor', 200],
      ['GET', '/authentication/api/v1/systemregister/vendor', 401],
      ['POST', '/maskinporten/token', 200],
      ['GET', '/authentication/api/v1/systemregister/vendor', 200],
    ]);
    expect(tokens.usesExchange).toBe(false);
  });

  it('on a 401 refreshes once, retries once, tries the exchange, and stops', async () => {
    // Tokens from one local Altinn are foreign to another: every register call answers 401.
    const issuer = await start();
    const register = await start();
    const client = await registerTestClient(issuer.url);
    const { client: api, tokens } = await connect(issuer, client.env, {
      environment: {
        name: 'split',
        platformUrl: register.url,
        maskinportenIssuer: `${issuer.url}/maskinporten/`,
        maskinportenTokenUrl: `${issuer.url}/maskinporten/token`,
      },
    });
    const error = await api.listVendorSystems().catch((e: unknown) => e);
    expect(tokens.usesExchange).toBe(true);
    const registerLog = await readRequestLog(register.url);
    // The first two 401s, then the exchange itself is refused.
    expect(registerLog.map((r) => [r.method, r.path.replace(/\?.*/, ''), r.status])).toEqual([
      ['GET', '/authentication/api/v1/systemregister/vendor', 401],
      ['GET', '/authentication/api/v1/systemregister/vendor', 401],
      ['GET', '/authentication/api/v1/exchange/maskinporten', 401],
    ]);
    expect(error).toBeInstanceOf(TokenError);
    expect((await tokenRequests(issuer.url)).length).toBe(3);
  });

  it('uses the Altinn token exchange when told to', async () => {
    const altinn = await start();
    const client = await registerTestClient(altinn.url);
    const { client: register, tokens } = await connect(altinn, client.env, { tokenMode: 'exchange' });
    await seedSystems(altinn.url, [makeLiveSystem(client.orgNumber, 'x')]);
    expect((await register.listVendorSystems()).map((s) => s.systemId)).toEqual([`${client.orgNumber}_x`]);
    const token = await tokens.getToken();
    expect(token.source).toBe('exchange');
    expect(token.consumerOrgNumber).toBe(client.orgNumber);
    const log = await readRequestLog(altinn.url);
    expect(
      log
        .filter((r) => r.path.startsWith('/authentication/api/v1/exchange/maskinporten'))
        .map((r) => r.status),
    ).toEqual([200]);
  });
});
