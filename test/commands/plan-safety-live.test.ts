/**
 * The safety policy through the real CLI against the local Altinn: a plan that updates more than the
 * configured share of managed systems is rendered in full, but exits 1 with the reason unless
 * --force; the share comes from sysreg.config.yaml.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  listStoredSystems,
  seedSystems,
  startLocalAltinn,
  type LocalAltinn,
  type TestClient,
} from '../support/local-altinn.ts';
import {
  parsePlanOutput,
  resetLocalAltinn,
  runSysreg,
  writeLocalConfig,
  writePlanThroughApi,
} from '../support/live-repo.ts';
import { createScratchRepo, renderValidSystem, type ScratchRepo } from '../support/scratch-repo.ts';

const NAMES = Array.from({ length: 10 }, (_, index) => `system${index}`);

let altinn: LocalAltinn;
let repo: ScratchRepo;
let client: TestClient;

beforeAll(async () => {
  altinn = await startLocalAltinn();
  repo = await createScratchRepo();
  for (const name of NAMES) await repo.write(`systems/314159268_${name}.yaml`, renderValidSystem(name));
  await writeLocalConfig(repo, altinn.url);
  client = await resetLocalAltinn(altinn.url);
  const created = await runSysreg(repo, client, ['plan', '--env', 'local', '--format', 'json']);
  await writePlanThroughApi(repo, client, parsePlanOutput(created));
  // 4 of 10 managed systems renamed in the portal: the plan updates 40%, above the default 30%.
  const renamed = (await listStoredSystems(altinn.url))
    .filter((system) => ['system0', 'system1', 'system2', 'system3'].some((name) => system.id.endsWith(name)))
    .map((system) => ({ ...system, name: { ...system.name, en: `${system.name.en ?? ''} (renamed)` } }));
  expect(renamed).toHaveLength(4);
  await seedSystems(altinn.url, renamed);
});

afterAll(async () => {
  await repo.remove();
  await altinn.close();
});

describe('plan safety', () => {
  it('an unsafe plan is rendered in full, says why on stderr, and exits 1', async () => {
    const run = await runSysreg(repo, client, ['plan', '--env', 'local', '--detailed-exitcode']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'the plan is unsafe: The plan updates 4 of 10 managed systems, more than 30%.',
    );
    expect(run.stderr).toContain('--force');
    expect(run.stdout.match(/~ update/g)).toHaveLength(4);
    expect(run.stdout).toContain('Unsafe plan:');
    expect(run.secrets).toEqual([]);
    const json = parsePlanOutput(
      await runSysreg(repo, client, ['plan', '--env', 'local', '--format', 'json']),
    );
    expect(json.safety).toEqual({
      safe: false,
      reasons: ['The plan updates 4 of 10 managed systems, more than 30%.'],
    });
  });

  it('--force accepts it: exit 2 with --detailed-exitcode, 0 without', async () => {
    const detailed = await runSysreg(repo, client, [
      'plan',
      '--env',
      'local',
      '--force',
      '--detailed-exitcode',
    ]);
    expect(detailed.code).toBe(2);
    expect(detailed.stderr).toBe('');
    expect((await runSysreg(repo, client, ['plan', '--env', 'local', '--force'])).code).toBe(0);
  });

  it('the share comes from sysreg.config.yaml', async () => {
    await writeLocalConfig(repo, altinn.url, 'safety:\n  maxChangeShare: 0.5\n');
    try {
      const run = await runSysreg(repo, client, ['plan', '--env', 'local', '--detailed-exitcode']);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('');
    } finally {
      await writeLocalConfig(repo, altinn.url);
    }
  });

  it('a broken config file is exit 1 naming the file, line and rule', async () => {
    await writeLocalConfig(repo, altinn.url, 'safety:\n  maxChangeShare: lots\n');
    try {
      const run = await runSysreg(repo, client, ['plan', '--env', 'local']);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/sysreg\.config\.yaml:\d+:\d+: 'safety\.maxChangeShare' must be a number/);
      expect(run.stderr).toContain('[config-type]');
    } finally {
      await writeLocalConfig(repo, altinn.url);
    }
  });
});
