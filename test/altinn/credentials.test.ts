import { inspect } from 'node:util';
import { exportJWK, exportPKCS8, generateKeyPair, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { readMaskinportenCredentials } from '../../src/altinn/credentials.ts';
import { CredentialsError } from '../../src/altinn/errors.ts';

describe('Maskinporten credentials', () => {
  it('names every missing variable in one error', async () => {
    const error = await readMaskinportenCredentials({ MASKINPORTEN_KID: 'k' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as CredentialsError).missing).toEqual([
      'MASKINPORTEN_CLIENT_ID',
      'MASKINPORTEN_PRIVATE_KEY',
    ]);
    expect((error as Error).message).toContain('MASKINPORTEN_CLIENT_ID, MASKINPORTEN_PRIVATE_KEY');
  });

  it('reads a PEM PKCS#8 key and a private JWK, and signs RS256 with the kid', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const pem = await exportPKCS8(privateKey);
    const jwk = JSON.stringify(await exportJWK(privateKey));
    for (const key of [pem, jwk, pem.replace(/\n/g, '\\n')]) {
      const credentials = await readMaskinportenCredentials({
        MASKINPORTEN_CLIENT_ID: 'client',
        MASKINPORTEN_KID: 'my-kid',
        MASKINPORTEN_PRIVATE_KEY: key,
      });
      expect(credentials.scope).toBe('altinn:authentication/systemregister.write');
      const jwt = await credentials.signer.sign({ iss: 'client' }, { alg: 'RS256', kid: 'my-kid' });
      expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'RS256', kid: 'my-kid' });
      await expect(jwtVerify(jwt, publicKey)).resolves.toBeDefined();
      expect(inspect(credentials, { depth: 5 })).not.toContain('BEGIN');
      expect(JSON.stringify(credentials)).not.toMatch(/"d"|PRIVATE/);
    }
  });

  it('takes MASKINPORTEN_SCOPE when set', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const credentials = await readMaskinportenCredentials({
      MASKINPORTEN_CLIENT_ID: 'c',
      MASKINPORTEN_KID: 'k',
      MASKINPORTEN_PRIVATE_KEY: await exportPKCS8(privateKey),
      MASKINPORTEN_SCOPE: 'altinn:authentication/systemregister.admin',
    });
    expect(credentials.scope).toBe('altinn:authentication/systemregister.admin');
  });

  it('refuses an unreadable key without echoing it', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const pem = await exportPKCS8(privateKey);
    const broken = pem.replace('BEGIN PRIVATE KEY', 'BEGIN RSA PRIVATE KEY');
    for (const key of [broken, '{"kty":"RSA","n":"abc"}', pem.slice(0, 200)]) {
      const error = await readMaskinportenCredentials({
        MASKINPORTEN_CLIENT_ID: 'c',
        MASKINPORTEN_KID: 'k',
        MASKINPORTEN_PRIVATE_KEY: key,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CredentialsError);
      expect((error as Error).message).toMatch(/^MASKINPORTEN_PRIVATE_KEY could not be read/);
      expect(inspect(error)).not.toContain(pem.slice(40, 80));
    }
  });
});
