/**
 * A scratch repository wired to a local Altinn, for acceptance tests that run the real CLI against
 * it: the example systems copied in, tt02 and prod pointed at the emulator, a client of vendor
 * 314159268 (the examples' vendor), and helpers to put systems there through the register API.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { connectToAltinn } from '../../src/altinn/connect.ts';
import type { Plan } from '../../src/plan/plan-types.ts';
import type { DriftReport } from '../../src/plan/drift.ts';
import { loadSysregConfig } from '../../src/config/config.ts';
import { scanForSecrets } from '../../scripts/scan-secrets.ts';
import { registerTestClient, type TestClient } from './local-altinn.ts';
import type { CliResult } from './run-cli.ts';
import { EXAMPLE_SYSTEMS } from './run-cli.ts';
import { renderLocalEnvironmentsConfig, runCliInProcess } from './run-cli-in-process.ts';
import type { ScratchRepo } from './scratch-repo.ts';

export const EXAMPLE_VENDOR = '314159268';
/** Environments a test may plan: `local`, and the built-in names pointed at the local Altinn. */
export const PLANNED_ENVIRONMENTS = ['local', 'tt02', 'prod'] as const;

/**
 * Copies the tests' own copy of the example systems (test/fixtures/example-systems/, not the
 * repository's systems/, which a vendor may fill with theirs) into the scratch repo; returns the ids.
 */
export async function copyExampleSystems(repo: ScratchRepo): Promise<string[]> {
  const folder = EXAMPLE_SYSTEMS;
  const names = (await readdir(folder)).filter((name) => name.endsWith('.yaml')).sort();
  for (const name of names) await repo.write(`systems/${name}`, await readFile(path.join(folder, name)));
  return names.map((name) => name.replace(/\.yaml$/, ''));
}

export async function writeLocalConfig(repo: ScratchRepo, url: string, extra = ''): Promise<void> {
  await repo.write('sysreg.config.yaml', renderLocalEnvironmentsConfig(url, ['tt02', 'prod'], extra));
}

/** Back to an empty local Altinn with a fresh client (a reset forgets clients too). */
export async function resetLocalAltinn(url: string): Promise<TestClient> {
  const response = await fetch(`${url}/_emulator/reset`, { method: 'POST' });
  if (response.status !== 204) throw new Error(`reset answered ${response.status}`);
  return registerTestClient(url, { orgNumber: EXAMPLE_VENDOR });
}

export async function clearRequestLog(url: string): Promise<void> {
  await fetch(`${url}/_emulator/requests`, { method: 'DELETE' });
}

export interface SysregRun extends CliResult {
  /** Hits of scripts/scan-secrets.ts in stdout and stderr; tests expect none. */
  secrets: ReturnType<typeof scanForSecrets>;
}

/** Runs `sysreg <argv>` in-process in the repo with the client's credentials. */
export async function runSysreg(
  repo: ScratchRepo,
  client: TestClient,
  argv: string[],
  options: { env?: Record<string, string>; isTTY?: boolean } = {},
): Promise<SysregRun> {
  const result = await runCliInProcess(argv, {
    cwd: repo.root,
    env: { ...client.env, ...options.env },
    ...(options.isTTY ? { isTTY: true } : {}),
  });
  return { ...result, secrets: scanForSecrets(`${result.stdout}\n${result.stderr}`) };
}

export function parsePlanOutput(run: CliResult): Plan {
  return JSON.parse(run.stdout) as Plan;
}

export function parseDriftOutput(run: CliResult): DriftReport {
  return JSON.parse(run.stdout) as DriftReport;
}

/**
 * Creates what a plan creates, and updates what it updates, through the register API as apply would:
 * so the live systems are exactly as Altinn stores what sysreg sends.
 */
export async function writePlanThroughApi(
  repo: ScratchRepo,
  client: TestClient,
  plan: Plan,
  mode: 'as-planned' | 'put-all' = 'as-planned',
): Promise<void> {
  const connection = await connectToAltinn({
    environment: plan.environment,
    env: client.env,
    config: loadSysregConfig(repo.root),
  });
  try {
    for (const change of plan.changes) {
      if (!change.request) continue;
      if (change.action === 'create' && mode === 'as-planned')
        await connection.client.createSystem(change.request);
      else await connection.client.updateSystem(change.systemId, change.request);
    }
  } finally {
    await connection.close();
  }
}
