import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { exportJWK, exportPKCS8, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { scanForSecrets } from '../../scripts/scan-secrets.ts';

// Every secret is made at run time, so the repository itself holds none.
async function makeSecrets() {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const pem = await exportPKCS8(privateKey);
  const jwk = await exportJWK(privateKey);
  const jwt = await new SignJWT({ scope: 'x' }).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
  return { pem, jwk, jwt };
}

describe('scan-secrets', () => {
  it('catches each kind on its line', async () => {
    const { pem, jwk, jwt } = await makeSecrets();
    expect(scanForSecrets(`clean\n${pem}`)).toContainEqual({ kind: 'pem-private-key', line: 2 });
    expect(scanForSecrets(`a\nb\ntoken: ${jwt}\n`)).toContainEqual({ kind: 'jwt', line: 3 });
    expect(scanForSecrets(JSON.stringify(jwk, null, 2)).map((h) => h.kind)).toContain('private-jwk-member');
    expect(scanForSecrets(`{"kty":"RSA","d":"${jwk.d}"}`)).toContainEqual({
      kind: 'private-jwk-member',
      line: 1,
    });
    const assertion = jwt.split('.').slice(1).join('.');
    expect(scanForSecrets(`grant_type=x&assertion=${assertion}`)).toContainEqual({
      kind: 'client-assertion',
      line: 1,
    });
  });

  it('passes clean text, redacted markers and public keys', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    void privateKey;
    const publicJwk = JSON.stringify(await exportJWK(publicKey));
    const clean = [
      'GET /authentication/api/v1/systemregister/vendor answered 503',
      'authorization: Bearer [REDACTED]',
      'assertion=[REDACTED]',
      publicJwk,
      '{"d": "short"}',
      'eyJhbGciOi is only a prefix',
    ].join('\n');
    expect(scanForSecrets(clean)).toEqual([]);
  });

  it('exits 1 naming file and line, 0 when clean, reading stdin', async () => {
    const { jwt } = await makeSecrets();
    const script = path.resolve('scripts/scan-secrets.ts');
    const hit = spawnSync(process.execPath, [script], { input: `ok\nBearer ${jwt}\n`, encoding: 'utf8' });
    expect(hit.status).toBe(1);
    expect(hit.stdout).toBe('<stdin>:2: jwt\n');
    expect(hit.stdout + hit.stderr).not.toContain(jwt);
    const clean = spawnSync(process.execPath, [script], { input: 'nothing here\n', encoding: 'utf8' });
    expect(clean.status).toBe(0);
  });
});
