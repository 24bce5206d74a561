/**
 * Acceptance for `sysreg plan` and `sysreg drift` over HTTP against the local Altinn, through the
 * real CLI: no phantom diffs for the example systems, exactly the seeded drift, exit codes, one
 * token per run, and no secret in anything the CLI prints.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveSystem } from '../../src/model/wire.ts';
import type { Plan } from '../../src/plan/plan-types.ts';
import { parsePlanJson } from '../../src/plan/render-json.ts';
import { escapeHtmlText } from '../../src/plan/render-markdown.ts';
import {
  listStoredSystems,
  makeLiveSystem,
  readRequestLog,
  seedSystems,
  startLocalAltinn,
  type LocalAltinn,
  type TestClient,
} from '../support/local-altinn.ts';
import {
  clearRequestLog,
  copyExampleSystems,
  EXAMPLE_VENDOR,
  parseDriftOutput,
  parsePlanOutput,
  PLANNED_ENVIRONMENTS,
  resetLocalAltinn,
  runSysreg,
  writeLocalConfig,
  writePlanThroughApi,
  type SysregRun,
} from '../support/live-repo.ts';
import { runCli } from '../support/run-cli.ts';
import { createScratchRepo, type ScratchRepo } from '../support/scratch-repo.ts';
import { scanForSecrets } from '../../scripts/scan-secrets.ts';

const REGNSKAP = `${EXAMPLE_VENDOR}_fjordsoft_regnskap`;
const KLIENTPORTAL = `${EXAMPLE_VENDOR}_fjordsoft_klientportal`;
const LONN = `${EXAMPLE_VENDOR}_fjordsoft_lonn`;
const INTEGRASJON = `${EXAMPLE_VENDOR}_fjordsoft_integrasjon`;
const HANDLAGET = `${EXAMPLE_VENDOR}_handlaget`;

let altinn: LocalAltinn;
let repo: ScratchRepo;
let exampleIds: string[];
const runs: SysregRun[] = [];

async function sysreg(
  client: TestClient,
  argv: string[],
  options: { env?: Record<string, string>; isTTY?: boolean } = {},
): Promise<SysregRun> {
  const run = await runSysreg(repo, client, argv, options);
  runs.push(run);
  return run;
}

async function countTokenRequests(): Promise<number> {
  return (await readRequestLog(altinn.url)).filter((entry) => entry.path === '/maskinporten/token').length;
}

/** Empty Altinn, then every example system created through the register API from the plan. */
async function createExamples(environment: string): Promise<{ client: TestClient; createPlan: Plan }> {
  const client = await resetLocalAltinn(altinn.url);
  const first = await sysreg(client, ['plan', '--env', environment, '--format', 'json']);
  expect(first.code).toBe(0);
  const createPlan = parsePlanOutput(first);
  expect(createPlan.changes.map((change) => [change.systemId, change.action])).toEqual(
    exampleIds.map((id) => [id, 'create']),
  );
  await writePlanThroughApi(repo, client, createPlan);
  return { client, createPlan };
}

beforeAll(async () => {
  altinn = await startLocalAltinn();
  repo = await createScratchRepo();
  exampleIds = await copyExampleSystems(repo);
  await writeLocalConfig(repo, altinn.url);
});

afterAll(async () => {
  await repo.remove();
  await altinn.close();
});

describe('no phantom diffs', () => {
  for (const environment of PLANNED_ENVIRONMENTS) {
    it(`every example system, created through the API in ${environment}, plans empty; also after a PUT`, async () => {
      expect(exampleIds).toHaveLength(4);
      const { client, createPlan } = await createExamples(environment);
      const assertEmpty = async () => {
        const run = await sysreg(client, [
          'plan',
          '--env',
          environment,
          '--format',
          'json',
          '--detailed-exitcode',
        ]);
        const plan = parsePlanOutput(run);
        expect(plan.changes).toEqual([]);
        expect(plan.unmanaged).toEqual([]);
        expect(plan.unchanged.map((system) => [system.systemId, system.note])).toEqual(
          exampleIds.map((id) => [id, 'in-sync']),
        );
        expect(run.code).toBe(0);
        const drift = await sysreg(client, [
          'drift',
          '--env',
          environment,
          '--format',
          'json',
          '--detailed-exitcode',
        ]);
        expect(parseDriftOutput(drift).items).toEqual([]);
        expect(drift.code).toBe(0);
      };
      await assertEmpty();
      // What the stored systems look like matters, not how they got there: PUT every body again.
      await writePlanThroughApi(repo, client, createPlan, 'put-all');
      await assertEmpty();
      const text = await sysreg(client, ['plan', '--env', environment]);
      expect(text.stdout).toContain('No changes. Altinn matches git.');
    });
  }

  it('resolves each environment’s overrides: lonn gets the tt02 client id in tt02 and none in local', async () => {
    const { client } = await createExamples('tt02');
    const stored = await listStoredSystems(altinn.url);
    expect(stored.find((system) => system.id === LONN)?.clientId).toEqual([
      '7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d04',
    ]);
    // The same live state, planned as prod: the client ids and redirect URLs differ, nothing else.
    const prod = parsePlanOutput(await sysreg(client, ['plan', '--env', 'prod', '--format', 'json']));
    expect(
      prod.changes.map((change) => [change.systemId, change.fields.map((field) => field.field)]),
    ).toEqual([[LONN, ['clientId', 'allowedRedirectUrls']]]);
  });
});

describe('seeded drift', () => {
  let client: TestClient;

  beforeAll(async () => {
    const created = await createExamples('local');
    const stored = await listStoredSystems(altinn.url);
    const byId = new Map(stored.map((system) => [system.id, system]));
    const take = (id: string): LiveSystem => structuredClone(byId.get(id)!);
    const regnskap = take(REGNSKAP);
    regnskap.name = { ...regnskap.name, nb: 'Fjordsoft Regnskap (endret i portalen)' };
    const klientportal = take(KLIENTPORTAL);
    klientportal.allowedRedirectUrls = ['https://klient.fjordsoft.example/ny-callback'];
    const integrasjon = { ...take(INTEGRASJON), isDeleted: true };
    const handlaget = makeLiveSystem(EXAMPLE_VENDOR, 'handlaget', { clientId: ['handlaget-client'] });
    // A fresh Altinn holding exactly the seeded state: lonn is missing.
    client = await resetLocalAltinn(altinn.url);
    await seedSystems(altinn.url, [regnskap, klientportal, integrasjon, handlaget]);
    expect(created.createPlan.changes).toHaveLength(4);
  });

  it('plan shows exactly the seeded differences', async () => {
    const run = await sysreg(client, ['plan', '--env', 'local', '--format', 'json']);
    // The burned id is blocked: apply would not carry it out, so the check fails.
    expect(run.code).toBe(1);
    const plan = parsePlanOutput(run);
    expect(
      plan.changes.map((change) => [
        change.systemId,
        change.action,
        change.fields.map((field) => field.field),
        change.blocked?.reason ?? null,
      ]),
    ).toEqual([
      [KLIENTPORTAL, 'update', ['allowedRedirectUrls'], null],
      [LONN, 'create', expect.any(Array), null],
      [REGNSKAP, 'update', ['name'], null],
      [INTEGRASJON, 'blocked', [], 'id-burned'],
    ]);
    const fieldOf = (id: string) => plan.changes.find((change) => change.systemId === id)!.fields[0];
    expect(fieldOf(REGNSKAP)).toMatchObject({
      field: 'name',
      before: expect.objectContaining({ nb: 'Fjordsoft Regnskap (endret i portalen)' }),
      after: expect.objectContaining({ nb: 'Fjordsoft Regnskap' }),
    });
    expect(fieldOf(KLIENTPORTAL)).toMatchObject({
      field: 'allowedRedirectUrls',
      added: ['https://klient.fjordsoft.example/altinn/callback'],
      removed: ['https://klient.fjordsoft.example/ny-callback'],
    });
    expect(plan.unmanaged.map((system) => system.systemId)).toEqual([HANDLAGET]);
    expect(plan.unchanged).toEqual([]);
    expect(plan.counts).toEqual({
      create: 1,
      update: 2,
      delete: 0,
      blocked: 1,
      noop: 0,
      unmanaged: 1,
      changes: 4,
    });
  });

  it('drift classifies the same differences from live, unmanaged included', async () => {
    const report = parseDriftOutput(await sysreg(client, ['drift', '--env', 'local', '--format', 'json']));
    expect(
      report.items.map((item) => [item.systemId, item.kind, item.fields.map((field) => field.field)]),
    ).toEqual([
      [KLIENTPORTAL, 'changed-outside-git', ['allowedRedirectUrls']],
      [REGNSKAP, 'changed-outside-git', ['name']],
      [LONN, 'missing-in-altinn', []],
      [INTEGRASJON, 'deleted-in-altinn', []],
      [HANDLAGET, 'unmanaged-in-altinn', []],
    ]);
    expect(report.counts).toEqual({
      changedOutsideGit: 2,
      missingInAltinn: 1,
      unmanagedInAltinn: 1,
      deletedInAltinn: 1,
      total: 5,
    });
  });

  it('exit codes: plan 1 while a system is blocked, with or without --detailed-exitcode; drift 0 or 2', async () => {
    expect((await sysreg(client, ['plan', '--env', 'local'])).code).toBe(1);
    expect((await sysreg(client, ['plan', '--env', 'local', '--detailed-exitcode'])).code).toBe(1);
    expect((await sysreg(client, ['drift', '--env', 'local'])).code).toBe(0);
    expect((await sysreg(client, ['drift', '--env', 'local', '--detailed-exitcode'])).code).toBe(2);
  });

  it('as a child process too: exit 1 (blocked) with --detailed-exitcode and the same JSON plan', async () => {
    const inProcess = await sysreg(client, ['plan', '--env', 'local', '--format', 'json']);
    const child = await runCli(
      ['plan', '--env', 'local', '--format', 'json', '--detailed-exitcode'],
      repo.root,
      undefined,
      client.env,
    );
    expect(child.code).toBe(1);
    expect(child.stderr).toBe(
      'sysreg plan: 1 system(s) blocked, which apply will not carry out: 314159268_fjordsoft_integrasjon (id-burned).\n',
    );
    expect(child.stdout).toBe(inProcess.stdout);
    expect(scanForSecrets(child.stdout + child.stderr)).toEqual([]);
    const drift = await runCli(
      ['drift', '--env', 'local', '--detailed-exitcode'],
      repo.root,
      undefined,
      client.env,
    );
    expect(drift.code).toBe(2);
    expect(drift.stdout).toContain(HANDLAGET);
    expect(drift.stdout).not.toContain('\u001b[');
  });

  it('asks Maskinporten for one token per run', async () => {
    for (const verb of ['plan', 'drift']) {
      await clearRequestLog(altinn.url);
      const run = await sysreg(client, [verb, '--env', 'local', '--format', 'json']);
      expect(run.code).toBe(verb === 'plan' ? 1 : 0);
      const log = await readRequestLog(altinn.url);
      const registerReads = log.filter((entry) =>
        entry.path.startsWith('/authentication/api/v1/systemregister'),
      );
      // The list, 5 reads (4 listed-or-named ids and the burned one), and the token.
      expect(registerReads.filter((entry) => !entry.path.endsWith('/changelog'))).toHaveLength(6);
      // Drift also reads the changelog of each drifted system, with the same token.
      const changelogReads = registerReads.filter((entry) => entry.path.endsWith('/changelog'));
      if (verb === 'drift') expect(changelogReads.length).toBeGreaterThan(0);
      else expect(changelogReads).toEqual([]);
      expect(await countTokenRequests()).toBe(1);
    }
  });

  it('--out writes the JSON plan that --format json prints, and apply can read it back', async () => {
    const json = await sysreg(client, ['plan', '--env', 'local', '--format', 'json']);
    const text = await sysreg(client, ['plan', '--env', 'local', '--out', 'out/plan.json']);
    expect(text.code).toBe(1);
    const written = await readFile(path.join(repo.root, 'out', 'plan.json'), 'utf8');
    expect(written).toBe(json.stdout);
    const parsed = parsePlanJson(written);
    expect(parsed.ok && parsed.plan.checksum).toBe(parsePlanOutput(json).checksum);
  });

  it('--out to a place that cannot be written is an error naming the file, exit 1', async () => {
    await repo.write('blocker', 'a file, not a folder');
    const run = await sysreg(client, ['plan', '--env', 'local', '--out', 'blocker/plan.json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('blocker/plan.json');
    expect(run.stderr).not.toContain('internal error');
  });

  it('text: every change, the unmanaged system, what a blocked id means; colour only on a TTY without NO_COLOR', async () => {
    const plain = await sysreg(client, ['plan', '--env', 'local']);
    expect(plain.stdout).not.toContain('\u001b[');
    for (const id of [KLIENTPORTAL, LONN, REGNSKAP, INTEGRASJON, HANDLAGET])
      expect(plain.stdout).toContain(id);
    expect(plain.stdout).toContain('unmanaged');
    expect(plain.stdout).toContain('can never be created again');
    const tty = await sysreg(client, ['plan', '--env', 'local'], { isTTY: true });
    expect(tty.stdout).toContain('\u001b[');
    const noColor = await sysreg(client, ['plan', '--env', 'local'], { isTTY: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
    expect(noColor.stdout).toBe(plain.stdout);
    const drift = await sysreg(client, ['drift', '--env', 'local'], { isTTY: true });
    expect(drift.stdout).toContain('\u001b[');
  });

  it('markdown: headline counts and a section per system, for plan and drift', async () => {
    const plan = await sysreg(client, ['plan', '--env', 'local', '--format', 'markdown']);
    expect(plan.stdout).toMatch(/^#/);
    expect(plan.stdout.match(/<details>/g)?.length).toBeGreaterThanOrEqual(4);
    const drift = await sysreg(client, ['drift', '--env', 'local', '--format', 'markdown']);
    expect(drift.stdout).toContain(
      '**2 changed outside git · 1 missing in Altinn · 1 deleted in Altinn · 1 unmanaged',
    );
    for (const id of [KLIENTPORTAL, LONN, REGNSKAP, INTEGRASJON, HANDLAGET])
      expect(drift.stdout).toContain(`<code>${escapeHtmlText(id)}</code>`);
  });

  it('drift --out writes the JSON report', async () => {
    const json = await sysreg(client, ['drift', '--env', 'local', '--format', 'json']);
    const run = await sysreg(client, [
      'drift',
      '--env',
      'local',
      '--out',
      'out/drift.json',
      '--detailed-exitcode',
    ]);
    expect(run.code).toBe(2);
    expect(await readFile(path.join(repo.root, 'out', 'drift.json'), 'utf8')).toBe(json.stdout);
  });

  it('prune from sysreg.config.yaml turns the unmanaged system into a delete; drift is unchanged', async () => {
    await writeLocalConfig(repo, altinn.url, 'prune: true\n');
    try {
      const plan = parsePlanOutput(await sysreg(client, ['plan', '--env', 'local', '--format', 'json']));
      const pruned = plan.changes.find((change) => change.systemId === HANDLAGET);
      expect(pruned).toMatchObject({ action: 'delete', deleteCause: 'prune', phase: 2, file: null });
      expect(plan.unmanaged).toEqual([]);
      expect(plan.counts).toMatchObject({ delete: 1, unmanaged: 0, changes: 5 });
      const drift = parseDriftOutput(await sysreg(client, ['drift', '--env', 'local', '--format', 'json']));
      expect(drift.counts.unmanagedInAltinn).toBe(1);
    } finally {
      await writeLocalConfig(repo, altinn.url);
    }
  });
});

describe('unmanaged systems alone', () => {
  it('are shown by plan but do not make it exit 2; drift counts them', async () => {
    const { client } = await createExamples('local');
    await seedSystems(altinn.url, [makeLiveSystem(EXAMPLE_VENDOR, 'handlaget')]);
    const plan = await sysreg(client, ['plan', '--env', 'local', '--detailed-exitcode']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain(HANDLAGET);
    expect(plan.stdout).toContain('No changes. Altinn matches git.');
    const drift = await sysreg(client, ['drift', '--env', 'local', '--detailed-exitcode']);
    expect(drift.code).toBe(2);
    expect(drift.stdout).toContain(HANDLAGET);
  });
});

describe('errors', () => {
  it('an unreachable Altinn is exit 1 with a message, no stack trace', async () => {
    const client = await resetLocalAltinn(altinn.url);
    for (const verb of ['plan', 'drift']) {
      const run = await sysreg(client, [verb, '--env', 'local', '--detailed-exitcode'], {
        env: { SYSREG_ALTINN_URL: 'http://127.0.0.1:9' },
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`^sysreg ${verb}: `));
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout).toBe('');
    }
  });

  it('invalid files stop plan and drift with their diagnostics, even when Altinn is unreachable', async () => {
    const client = await resetLocalAltinn(altinn.url);
    const broken = await repo.write('systems/314159268_broken.yaml', 'id: 314159268_broken\nname: [\n');
    try {
      for (const url of [altinn.url, 'http://127.0.0.1:9']) {
        for (const verb of ['plan', 'drift']) {
          const run = await sysreg(client, [verb, '--env', 'local', '--format', 'json'], {
            env: { SYSREG_ALTINN_URL: url },
          });
          expect(run.code).toBe(1);
          expect(run.stdout).toBe('');
          expect(run.stderr).toContain('systems/314159268_broken.yaml:');
          expect(run.stderr).toContain('the system files have errors');
        }
      }
    } finally {
      await rm(broken);
    }
  });

  it('missing credentials are exit 1 naming the variables', async () => {
    const client = await resetLocalAltinn(altinn.url);
    const run = await sysreg(client, ['plan', '--env', 'local', '--detailed-exitcode'], {
      env: { MASKINPORTEN_PRIVATE_KEY: '' },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('MASKINPORTEN_PRIVATE_KEY');
  });

  it('an unknown environment or format is exit 1 with the choices', async () => {
    const client = await resetLocalAltinn(altinn.url);
    const env = await sysreg(client, ['plan', '--env', 'staging']);
    expect(env.code).toBe(1);
    expect(env.stderr).toContain("unknown environment 'staging'");
    const format = await sysreg(client, ['drift', '--env', 'local', '--format', 'yaml']);
    expect(format.code).toBe(1);
    expect(format.stderr).toContain('text, markdown, json');
  });
});

describe('secrets', () => {
  it('nothing the CLI printed in these tests holds a key, an assertion or a token', () => {
    expect(runs.length).toBeGreaterThan(20);
    expect(runs.flatMap((run) => run.secrets)).toEqual([]);
  });
});
