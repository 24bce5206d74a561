/**
 * Attack cases on variables filled in wrongly (issue: hardening): a private key pasted into the
 * client id or the scope, or a password in the Altinn URL, must never be printed back.
 */
import { exportPKCS8, generateKeyPair } from 'jose';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { scanForSecrets } from '../../scripts/scan-secrets.ts';
import { registerTestClient, startLocalAltinn, type LocalAltinn } from '../support/local-altinn.ts';
import { EXAMPLE_VENDOR, writeLocalConfig } from '../support/live-repo.ts';
import { runCli } from '../support/run-cli.ts';
import { createScratchRepo, renderValidSystem, type ScratchRepo } from '../support/scratch-repo.ts';

let altinn: LocalAltinn;
let repo: ScratchRepo;
let keyBody: string;
beforeAll(async () => {
  altinn = await startLocalAltinn();
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  // The base64 body of the PEM, as someone might paste it into the wrong variable.
  keyBody = (await exportPKCS8(privateKey)).split('\n').slice(1, -2).join('');
});
afterAll(() => altinn.close());
beforeEach(async () => {
  repo = await createScratchRepo();
  await writeLocalConfig(repo, altinn.url);
  await repo.write(`systems/${EXAMPLE_VENDOR}_one.yaml`, renderValidSystem('one'));
});
afterEach(() => repo.remove());

/** No part of the key of 16 characters or more, and nothing the secrets scan finds. */
function expectNoKey(output: string): void {
  for (let start = 0; start + 16 <= keyBody.length; start += 16)
    expect(output).not.toContain(keyBody.slice(start, start + 16));
  expect(scanForSecrets(output)).toEqual([]);
}

describe('secrets in the wrong variable are not printed (real CLI)', () => {
  it('a key body in MASKINPORTEN_CLIENT_ID', async () => {
    const client = await registerTestClient(altinn.url, { orgNumber: EXAMPLE_VENDOR });
    const result = await runCli(['plan', '--env', 'local'], repo.root, undefined, {
      ...client.env,
      MASKINPORTEN_CLIENT_ID: keyBody,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Maskinporten refused the grant');
    expectNoKey(`${result.stdout}${result.stderr}`);
  });

  it('a key body in MASKINPORTEN_SCOPE', async () => {
    const client = await registerTestClient(altinn.url, { orgNumber: EXAMPLE_VENDOR });
    const result = await runCli(['plan', '--env', 'local'], repo.root, undefined, {
      ...client.env,
      MASKINPORTEN_SCOPE: keyBody,
    });
    expect(result.code).toBe(1);
    expectNoKey(`${result.stdout}${result.stderr}`);
  });

  it('user-info in SYSREG_ALTINN_URL', async () => {
    const client = await registerTestClient(altinn.url, { orgNumber: EXAMPLE_VENDOR });
    await repo.remove();
    repo = await createScratchRepo();
    await repo.write(`systems/${EXAMPLE_VENDOR}_one.yaml`, renderValidSystem('one'));
    const port = new URL(altinn.url).port;
    for (const url of [
      `http://sysreg:hunter2-secret@127.0.0.1:${port}`,
      'http://sysreg:hunter2-secret@127.0.0.1:1',
    ]) {
      const result = await runCli(['plan', '--env', 'local'], repo.root, undefined, {
        ...client.env,
        SYSREG_ALTINN_URL: url,
      });
      expect(result.code, url).toBe(1);
      expect(`${result.stdout}${result.stderr}`, url).not.toContain('hunter2-secret');
    }
  });
});
