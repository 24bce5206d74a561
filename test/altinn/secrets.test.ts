/** No token, assertion or key reaches an error, a log event or their printed forms. */
import { inspect } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import { readMaskinportenCredentials } from '../../src/altinn/credentials.ts';
import type { GrantSigner } from '../../src/altinn/credentials.ts';
import { resolveAltinnEnvironment } from '../../src/altinn/environments.ts';
import { MaskinportenTokenProvider } from '../../src/altinn/maskinporten.ts';
import { SystemRegisterClient } from '../../src/altinn/register-client.ts';
import { Transport } from '../../src/altinn/transport.ts';
import type { AttemptEvent } from '../../src/altinn/transport.ts';
import { scanForSecrets } from '../../scripts/scan-secrets.ts';
import { makeLiveSystem, openLocalAltinnSession, setFaults } from '../support/local-altinn.ts';

describe('secrets stay out of errors and logs', () => {
  it('across grants, reads, failures and faults', async () => {
    const { altinn, client, close } = await openLocalAltinnSession({
      systems: [makeLiveSystem('310000004', 'foreign')],
    });
    onTestFinished(close);
    const environment = resolveAltinnEnvironment('local', { altinnUrl: altinn.url });
    const credentials = await readMaskinportenCredentials(client.env);
    // A signer that remembers what it signed: the GrantSigner seam a KMS would use.
    const assertions: string[] = [];
    const recording: GrantSigner = {
      algorithm: credentials.signer.algorithm,
      kid: credentials.signer.kid,
      sign: async (claims, header) => {
        const assertion = await credentials.signer.sign(claims, header);
        assertions.push(assertion);
        return assertion;
      },
    };
    const events: AttemptEvent[] = [];
    const transport = new Transport({
      requestTimeoutMs: 300,
      retry: { baseDelayMs: 5, totalTimeMs: 1_500 },
      onAttempt: (e) => events.push(e),
    });
    onTestFinished(() => transport.close());
    const tokens = new MaskinportenTokenProvider({
      environment,
      credentials: { ...credentials, signer: recording },
      transport,
    });
    const register = new SystemRegisterClient({ environment, transport, tokens });

    const failures: unknown[] = [];
    const capture = (promise: Promise<unknown>) => promise.catch((error: unknown) => failures.push(error));
    await register.listVendorSystems();
    await capture(register.getChangelog('310000004_foreign'));
    await capture(register.deleteSystem(`${client.orgNumber}_unknown`));
    await setFaults(altinn.url, { resetRate: 0.5, timeoutRate: 0.5, seed: 11 });
    await capture(register.getSystem(`${client.orgNumber}_x`));
    await setFaults(altinn.url, {});
    // A grant that Maskinporten refuses.
    const refused = new MaskinportenTokenProvider({
      environment,
      credentials: { ...credentials, clientId: 'unknown-client', signer: recording },
      transport,
    });
    await capture(refused.getToken());
    const token = (await tokens.getToken()).value;

    expect(failures).toHaveLength(4);
    expect(assertions.length).toBeGreaterThanOrEqual(2);
    const printed = [
      ...failures.map(
        (error) => `${String(error)}\n${inspect(error, { depth: 10 })}\n${JSON.stringify(error)}`,
      ),
      JSON.stringify(events),
      inspect(tokens, { depth: 5 }),
      inspect(register, { depth: 5 }),
    ].join('\n');
    expect(printed).not.toContain(token);
    for (const assertion of assertions) expect(printed).not.toContain(assertion);
    expect(printed).not.toContain(client.privateKeyPem.split('\n')[1]);
    expect(scanForSecrets(printed)).toEqual([]);
  });
});
