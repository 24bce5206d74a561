/**
 * A Maskinporten client for the local Altinn, with an RSA key generated on the spot: what the demo
 * and `sysreg emulator --demo-client` hand to the CLI. The key lives in memory (and, for the
 * emulator command, in a 0600 file outside the repository); it is never printed.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import { SCOPE_WRITE } from '../model/wire.ts';

/** Fjordsoft AS, the fictional vendor of the example systems in `systems/`. */
export const DEMO_ORG_NUMBER = '314159268';

export interface DemoClient {
  clientId: string;
  kid: string;
  orgNumber: string;
  /** The variables the CLI reads (`MASKINPORTEN_*` and `SYSREG_ALTINN_URL`). Holds the private key. */
  env: Record<string, string>;
}

export interface RegisterDemoClientOptions {
  orgNumber?: string;
  clientId?: string;
  scopes?: string[];
}

/** Registers a client on a running local Altinn through its control API. */
export async function registerDemoClient(
  url: string,
  options: RegisterDemoClientOptions = {},
): Promise<DemoClient> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const clientId = options.clientId ?? `sysreg-demo-${randomUUID().slice(0, 8)}`;
  const kid = `demo-${randomUUID().slice(0, 8)}`;
  const orgNumber = options.orgNumber ?? DEMO_ORG_NUMBER;
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const base = url.replace(/\/+$/, '');
  const response = await fetch(`${base}/_emulator/clients`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId, orgNumber, scopes: options.scopes ?? [SCOPE_WRITE], jwk }),
  });
  if (response.status !== 201) {
    throw new Error(`the local Altinn refused the demo client: ${response.status} ${await response.text()}`);
  }
  return {
    clientId,
    kid,
    orgNumber,
    env: {
      MASKINPORTEN_CLIENT_ID: clientId,
      MASKINPORTEN_KID: kid,
      MASKINPORTEN_PRIVATE_KEY: await exportPKCS8(privateKey),
      SYSREG_ALTINN_URL: base,
    },
  };
}

export interface SavedDemoKey {
  /** The PEM file, mode 0600, in a fresh folder under the system's temp directory. */
  keyFile: string;
  /** Removes the folder and the key. */
  remove(): Promise<void>;
}

/** Writes the demo client's private key to a 0600 file outside the repository. */
export async function saveDemoKey(client: DemoClient): Promise<SavedDemoKey> {
  const folder = await mkdtemp(path.join(tmpdir(), 'sysreg-demo-client-'));
  const keyFile = path.join(folder, 'private-key.pem');
  await writeFile(keyFile, client.env.MASKINPORTEN_PRIVATE_KEY ?? '', { mode: 0o600, flag: 'wx' });
  return { keyFile, remove: () => rm(folder, { recursive: true, force: true }) };
}

/** The shell lines that point the CLI at the local Altinn. Reads the key from the file; never inlines it. */
export function renderDemoClientExports(client: DemoClient, keyFile: string): string {
  const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
  return [
    '# Point sysreg at this local Altinn (paste into your shell; then use --env local):',
    `export SYSREG_ALTINN_URL=${quote(client.env.SYSREG_ALTINN_URL ?? '')}`,
    `export MASKINPORTEN_CLIENT_ID=${quote(client.clientId)}`,
    `export MASKINPORTEN_KID=${quote(client.kid)}`,
    `export MASKINPORTEN_PRIVATE_KEY="$(cat ${quote(keyFile)})"`,
    '',
  ].join('\n');
}
