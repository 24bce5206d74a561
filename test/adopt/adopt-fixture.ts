/**
 * Shared set-up for the adopt tests: a local Altinn (over real HTTP, port 0) with the vendor's
 * Maskinporten client, a scratch repository, and the real CLI run in-process against both.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { main } from '../../src/cli.ts';
import type { EmulatorOptions } from '../../src/emulator/index.ts';
import type { Harness } from '../support/emulator-harness.ts';
import { REGISTER, VENDOR_ORG, buildSystem, startHarness } from '../support/emulator-harness.ts';
import { registerTestClient } from '../support/local-altinn.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface AdoptAltinn {
  harness: Harness;
  url: string;
  /** MASKINPORTEN_* and SYSREG_ALTINN_URL for the vendor. Holds a private key: never print it. */
  env: Record<string, string>;
  /** Runs `sysreg <args>` in `cwd` with the vendor's credentials. */
  run(args: string[], cwd: string): Promise<CliRun>;
  /** POST `/vendor` as the vendor; throws unless 200. */
  create(id: string, overrides?: Record<string, unknown>): Promise<void>;
  /** PUT `/vendor/{id}` with the whole body, as the vendor; throws unless 200. */
  update(id: string, body: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export async function startAdoptAltinn(options: EmulatorOptions = {}): Promise<AdoptAltinn> {
  const harness = await startHarness(options);
  const url = harness.url.replace(/\/$/, '');
  const client = await registerTestClient(url, { orgNumber: VENDOR_ORG });
  const env = { ...client.env, NO_COLOR: '1' };
  const send = async (method: string, target: string, body: unknown) => {
    const reply = await harness.call(method, target, { body });
    if (reply.status !== 200) throw new Error(`${method} ${target}: ${reply.status} ${reply.text}`);
  };
  return {
    harness,
    url,
    env,
    run: (args, cwd) => runSysreg(args, cwd, env),
    create: (id, overrides = {}) => send('POST', `${REGISTER}/vendor`, buildSystem(id, overrides)),
    update: (id, body) => send('PUT', `${REGISTER}/vendor/${encodeURIComponent(id)}`, body),
    close: () => harness.close(),
  };
}

export async function runSysreg(args: string[], cwd: string, env: Record<string, string>): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv: args,
    cwd,
    env,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

/** Every file under `folder` (relative paths, sorted) with its text: to prove nothing else changed. */
export async function snapshotFolder(folder: string): Promise<Record<string, string>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  const files: Record<string, string> = {};
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    files[path.relative(folder, absolute)] = await readFile(absolute, 'utf8');
  }
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export { VENDOR_ORG };
