/**
 * Per-environment absence through the real CLI, against two local Altinns (tt02 and prod): a pilot
 * that exists only in tt02, a system deleted only in tt02, drift where a file says absent but the
 * system is live, and import writing `environments.<env>.isDeleted` so that both plans are empty.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DriftReport } from '../../src/plan/drift.ts';
import type { Plan } from '../../src/plan/plan-types.ts';
import { REGISTER } from '../support/emulator-harness.ts';
import { createScratchRepo } from '../support/scratch-repo.ts';
import type { ScratchRepo } from '../support/scratch-repo.ts';
import { VENDOR_ORG, startAdoptAltinn } from './adopt-fixture.ts';
import type { AdoptAltinn, CliRun } from './adopt-fixture.ts';

type Environment = 'tt02' | 'prod';

const PILOT = `${VENDOR_ORG}_pilot`;
const altinns = new Map<Environment, AdoptAltinn>();
let repo: ScratchRepo;

const run = (environment: Environment, args: string[]): Promise<CliRun> =>
  altinns.get(environment)!.run([...args, '--env', environment], repo.root);

/** A valid file for PILOT, with `extra` YAML lines appended (an `isDeleted`, an `environments` block). */
const pilotFile = (...extra: string[]) =>
  [
    `id: ${PILOT}`,
    'vendor:',
    `  ID: "0192:${VENDOR_ORG}"`,
    'name: { nb: Pilot, nn: Pilot, en: Pilot }',
    'description: { nb: Ein pilot, nn: Ein pilot, en: A pilot }',
    'clientId: [pilot-client]',
    ...extra,
    '',
  ].join('\n');

const writePilot = (...extra: string[]) => repo.write(`systems/${PILOT}.yaml`, pilotFile(...extra));
const readPilot = () => readFile(path.join(repo.root, 'systems', `${PILOT}.yaml`), 'utf8');

async function planJson(environment: Environment): Promise<Plan> {
  const result = await run(environment, ['plan', '--format', 'json']);
  expect(result.stderr, environment).toBe('');
  expect(result.code, environment).toBe(0);
  return JSON.parse(result.stdout) as Plan;
}

async function driftJson(environment: Environment): Promise<DriftReport> {
  const result = await run(environment, ['drift', '--format', 'json']);
  expect(result.stderr, environment).toBe('');
  return JSON.parse(result.stdout) as DriftReport;
}

const actions = (plan: Plan) => plan.changes.map((change) => [change.systemId, change.action]);
const notes = (plan: Plan) => plan.unchanged.map((system) => [system.systemId, system.note]);

/** What the environment's register holds for PILOT: absent, live or deleted. */
async function stateOf(environment: Environment): Promise<'absent' | 'live' | 'deleted'> {
  const reply = await altinns.get(environment)!.harness.call('GET', `${REGISTER}/vendor/${PILOT}`);
  if (reply.status === 404) return 'absent';
  expect(reply.status).toBe(200);
  return (reply.json as { isDeleted: boolean }).isDeleted ? 'deleted' : 'live';
}

async function createPilot(environment: Environment): Promise<void> {
  await altinns.get(environment)!.create(PILOT, {
    name: { nb: 'Pilot', nn: 'Pilot', en: 'Pilot' },
    description: { nb: 'Ein pilot', nn: 'Ein pilot', en: 'A pilot' },
    rights: [],
    accessPackages: [],
    allowedRedirectUrls: [],
    clientId: ['pilot-client'],
  });
}

async function deletePilot(environment: Environment): Promise<void> {
  const reply = await altinns.get(environment)!.harness.call('DELETE', `${REGISTER}/vendor/${PILOT}`);
  expect(reply.status).toBe(200);
}

beforeEach(async () => {
  const [tt02, prod] = await Promise.all([startAdoptAltinn(), startAdoptAltinn()]);
  altinns.set('tt02', tt02).set('prod', prod);
  repo = await createScratchRepo();
  await repo.write(
    'sysreg.config.yaml',
    [
      'environments:',
      ...(['tt02', 'prod'] as const).flatMap((name) => [
        `  ${name}:`,
        `    platformUrl: ${altinns.get(name)!.url}`,
        `    maskinportenUrl: ${altinns.get(name)!.url}/maskinporten/`,
      ]),
      '',
    ].join('\n'),
  );
}, 30_000);

afterEach(async () => {
  await Promise.all([...altinns.values()].map((altinn) => altinn.close()));
  altinns.clear();
  await repo?.remove();
});

afterAll(() => altinns.clear());

describe('a pilot that exists only in tt02', () => {
  it('validates, plans a create in tt02 only, and apply leaves prod without it', async () => {
    await writePilot('isDeleted: true', 'environments:', '  tt02:', '    isDeleted: false');
    const validate = await run('tt02', ['validate']);
    expect(validate.stderr + validate.stdout).not.toMatch(/error/i);
    expect(validate.code).toBe(0);

    expect(actions(await planJson('tt02'))).toEqual([[PILOT, 'create']]);
    const prodPlan = await planJson('prod');
    expect(prodPlan.changes).toEqual([]);
    expect(notes(prodPlan)).toEqual([[PILOT, 'never-created']]);

    for (const environment of ['tt02', 'prod'] as const) {
      const applied = await run(environment, ['apply', '--yes']);
      expect(applied.code, environment).toBe(0);
    }
    expect(await stateOf('tt02')).toBe('live');
    expect(await stateOf('prod')).toBe('absent');
    for (const environment of ['tt02', 'prod'] as const) {
      expect((await planJson(environment)).changes, environment).toEqual([]);
      expect((await driftJson(environment)).items, environment).toEqual([]);
    }
  });
});

describe('a system deleted only in tt02', () => {
  it('plans a delete in tt02 that needs --allow-delete, and leaves prod untouched', async () => {
    await Promise.all([createPilot('tt02'), createPilot('prod')]);
    await writePilot('environments:', '  tt02:', '    isDeleted: true');

    const tt02Plan = await planJson('tt02');
    expect(actions(tt02Plan)).toEqual([[PILOT, 'delete']]);
    expect(tt02Plan.changes[0]?.deleteCause).toBe('tombstone');
    expect(notes(await planJson('prod'))).toEqual([[PILOT, 'in-sync']]);
    const text = await run('tt02', ['plan']);
    expect(text.stdout).toContain('Apply needs --allow-delete');

    const refused = await run('tt02', ['apply', '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.stderr + refused.stdout).toContain('--allow-delete');
    expect(await stateOf('tt02')).toBe('live');

    const deleted = await run('tt02', ['apply', '--yes', '--allow-delete']);
    expect(deleted.code).toBe(0);
    expect(await stateOf('tt02')).toBe('deleted');
    expect(await stateOf('prod')).toBe('live');
    const prodApply = await run('prod', ['apply', '--yes', '--allow-delete']);
    expect(prodApply.code).toBe(0);
    expect(await stateOf('prod')).toBe('live');
    expect(notes(await planJson('tt02'))).toEqual([[PILOT, 'already-deleted']]);
  });
});

describe('drift where the file says absent', () => {
  it('reports the live system in that environment only', async () => {
    await Promise.all([createPilot('tt02'), createPilot('prod')]);
    await writePilot('environments:', '  tt02:', '    isDeleted: true');

    const tt02 = await driftJson('tt02');
    expect(tt02.items.map((item) => [item.systemId, item.kind])).toEqual([[PILOT, 'changed-outside-git']]);
    expect(tt02.items[0]?.fields.map((field) => field.field)).toEqual(['isDeleted']);
    expect(tt02.items[0]?.detail).toContain('tt02');
    expect((await driftJson('prod')).items).toEqual([]);
    const exit = await run('tt02', ['drift', '--detailed-exitcode']);
    expect(exit.code).toBe(2);
  });
});

describe('import writes per-environment absence', () => {
  it('a pilot imported from tt02, then recorded as absent in prod: both plans empty', async () => {
    await createPilot('tt02');
    expect((await run('tt02', ['import'])).code).toBe(0);

    const absent = await run('prod', ['import', '--only', PILOT]);
    expect(absent.stderr).toBe('');
    expect(absent.code).toBe(0);
    expect(absent.stdout).toContain(`systems/${PILOT}.yaml: environments.prod: isDeleted (absent in prod)`);
    expect(await readPilot()).toMatch(/\nenvironments:\n {2}prod:\n {4}isDeleted: true\n$/);
    for (const environment of ['tt02', 'prod'] as const) {
      expect((await planJson(environment)).changes, environment).toEqual([]);
      expect((await driftJson(environment)).items, environment).toEqual([]);
    }
  });

  it('a system deleted in tt02 only, imported from both in either order: both plans empty', async () => {
    for (const order of [
      ['prod', 'tt02'],
      ['tt02', 'prod'],
    ] as const) {
      await rm(path.join(repo.root, 'systems', `${PILOT}.yaml`), { force: true });
      if ((await stateOf('tt02')) === 'absent') {
        await Promise.all([createPilot('tt02'), createPilot('prod')]);
        await deletePilot('tt02');
      }
      for (const environment of order) {
        const imported = await run(environment, ['import', '--only', PILOT]);
        expect(imported.stderr, `${order.join(' then ')}: ${environment}`).toBe('');
        expect(imported.code).toBe(0);
      }
      const text = await readPilot();
      if (order[0] === 'prod') expect(text).toMatch(/\n {2}tt02:\n {4}isDeleted: true\n$/);
      else expect(text).toMatch(/\nisDeleted: true\nenvironments:\n {2}prod:\n {4}isDeleted: false\n$/);
      for (const environment of ['tt02', 'prod'] as const) {
        const plan = await planJson(environment);
        expect(plan.changes, `${order.join(' then ')}: ${environment}`).toEqual([]);
        expect((await driftJson(environment)).items, environment).toEqual([]);
      }
    }
  });
});
