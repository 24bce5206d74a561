import { inspect } from 'node:util';
import { exportJWK, exportPKCS8, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { AltinnError, AltinnNetworkError, TokenError, classifyErrorBody } from '../../src/altinn/errors.ts';
import { redactSecrets } from '../../src/model/redact.ts';
import { scanForSecrets } from '../../scripts/scan-secrets.ts';

describe('redaction', () => {
  it('removes bearer tokens, JWTs, assertions, PEM keys and private JWK members', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const jwt = await new SignJWT({ scope: 's' }).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
    const pem = await exportPKCS8(privateKey);
    const jwk = JSON.stringify(await exportJWK(privateKey));
    const text = [
      `authorization: Bearer ${jwt}`,
      `grant_type=x&assertion=${jwt}`,
      `token ${jwt} end`,
      pem,
      jwk,
    ].join('\n');
    const redacted = redactSecrets(text);
    expect(redacted).not.toContain(jwt);
    expect(redacted).not.toContain(pem.split('\n')[1]);
    expect(redacted).toContain('Bearer [REDACTED]');
    expect(redacted).toContain('assertion=[REDACTED]');
    expect(scanForSecrets(redacted)).toEqual([]);
  });

  it('redacts key-shaped runs and URL user-info by shape, and leaves paths, checksums and ids alone', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const body = (await exportPKCS8(privateKey)).split('\n').slice(1, -2).join('');
    const kept = [
      'GET /authentication/api/v1/systemregister/vendor/314159268_fjordsoft_regnskap answered 404',
      'checksum sha256:ca268abc3f305e08eb0171cf6487ef62c6f09eb560a26a1fa1ccf195b7869e2e',
      'client 0f3e2a54-9b1c-4c6e-8f3a-2d7b9e4c1a55 and scope altinn:authentication/systemregister.write',
    ].join('\n');
    expect(redactSecrets(kept)).toBe(kept);
    const redacted = redactSecrets(`client '${body}' at https://user:pw@example.test/path`);
    expect(redacted).toBe("client '[REDACTED KEY-SHAPED VALUE]' at https://[REDACTED]@example.test/path");
  });

  it('redacts typed errors in message, excerpt, path and cause', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const jwt = await new SignJWT({ scope: 's' }).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
    const altinn = new AltinnError({
      status: 500,
      method: 'POST',
      path: `/x?token=${jwt}`,
      body: `failed for Bearer ${jwt}`,
    });
    const cause = Object.assign(new Error(`socket closed while sending authorization: Bearer ${jwt}`), {
      code: 'UND_ERR_SOCKET',
    });
    const network = new AltinnNetworkError({
      method: 'GET',
      path: '/y',
      host: 'altinn.example',
      attempts: 3,
      timedOut: false,
      cause,
    });
    const token = new TokenError(`bad assertion=${jwt}`, { cause });
    for (const error of [altinn, network, token]) {
      const shown = `${inspect(error, { depth: 10 })}\n${JSON.stringify(error)}\n${String(error.cause && inspect(error.cause))}`;
      expect(shown).not.toContain(jwt);
      expect(scanForSecrets(shown)).toEqual([]);
    }
    expect((network.cause as { code?: string }).code).toBe('UND_ERR_SOCKET');
  });
});

describe('error body shapes (§3.1, §4.4)', () => {
  it('tells Altinn problems, ASP.NET problems, text and empty bodies apart', () => {
    const altinn = JSON.stringify({
      type: 'urn:altinn:error:STD-00000',
      title: 'One or more validation errors occurred.',
      status: 400,
      code: 'STD-00000',
      validationErrors: [
        { code: 'AUTH.VLD-00005', title: 't', paths: ['/registersystemrequest/allowedredirecturls'] },
        { code: 'AUTH.VLD-00004', title: 't', paths: ['/registersystemrequest/clientid'] },
      ],
    });
    expect(classifyErrorBody(altinn, 'application/problem+json')).toEqual({
      kind: 'altinn-problem',
      codes: ['AUTH.VLD-00005', 'AUTH.VLD-00004'],
      fieldErrors: {},
    });
    const aspnet = JSON.stringify({
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
      title: 'x',
      status: 400,
      errors: { return: ['System not found'] },
    });
    expect(classifyErrorBody(aspnet)).toEqual({
      kind: 'aspnet-problem',
      codes: [],
      fieldErrors: { return: ['System not found'] },
    });
    expect(classifyErrorBody(JSON.stringify({ title: 'An error occurred', status: 500 })).kind).toBe(
      'aspnet-problem',
    );
    expect(classifyErrorBody('Cannot update a system marked as deleted.', 'text/plain').kind).toBe('text');
    expect(classifyErrorBody('{not json', 'application/json').kind).toBe('text');
    expect(classifyErrorBody('', undefined).kind).toBe('empty');
    const error = new AltinnError({
      status: 409,
      method: 'POST',
      path: '/p',
      body: 'The System already exist: 991825827_x',
    });
    expect(error.message).toBe('POST /p answered 409: The System already exist: 991825827_x');
    expect(
      new AltinnError({ status: 400, method: 'POST', path: '/p', body: 'x'.repeat(5000) }).bodyExcerpt.length,
    ).toBe(300);
  });
});
