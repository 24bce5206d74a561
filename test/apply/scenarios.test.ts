/**
 * `sysreg apply` scenarios over HTTP against the local Altinn: the real command, in-process, with a
 * scratch repository. Each asserts what Altinn holds afterwards and which writes reached it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LiveSystem } from '../../src/model/wire.ts';
import type { SystemSpec } from '../../src/model/system.ts';
import { listStoredSystems, seedSystems } from '../support/local-altinn.ts';
import {
  buildSystemSpec,
  holdsSpec,
  REGISTER_VENDOR_PATH,
  startApplyBench,
  toLiveSystem,
} from './apply-fixtures.ts';
import type { ApplyBench } from './apply-fixtures.ts';

let bench: ApplyBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

async function setUp(): Promise<ApplyBench> {
  bench = await startApplyBench();
  return bench;
}

async function stored(bench: ApplyBench): Promise<Map<string, LiveSystem>> {
  return new Map((await listStoredSystems(bench.altinn.url)).map((system) => [system.id, system]));
}

async function expectPlanEmpty(bench: ApplyBench): Promise<void> {
  const plan = await bench.sysreg('plan', '--env', 'local', '--detailed-exitcode');
  expect(plan.stderr).toBe('');
  expect(plan.code).toBe(0);
}

interface RunJson {
  status: string;
  exitCode: number;
  refusal: string[];
  differences: { systemId: string; reviewed: string; now: string }[];
  report: {
    counts: { applied: number; failed: number; skipped: number; total: number };
    results: { systemId: string; action: string; outcome: string; reason?: string; codes?: string[] }[];
  } | null;
  verification: { clean: boolean; checked: number } | null;
}

async function applyJson(
  bench: ApplyBench,
  ...flags: string[]
): Promise<{ code: number; run: RunJson; stderr: string }> {
  const result = await bench.sysreg('apply', '--env', 'local', '--format', 'json', ...flags);
  return { code: result.code, run: JSON.parse(result.stdout) as RunJson, stderr: result.stderr };
}

describe('sysreg apply', () => {
  it('creates every system, verifies, and a second run changes nothing', async () => {
    const bench = await setUp();
    const specs = ['alpha', 'beta', 'gamma'].map((name) => buildSystemSpec(name));
    for (const spec of specs) await bench.writeSystem(spec);

    const first = await bench.sysreg('apply', '--env', 'local');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('3 applied, 0 failed, 0 skipped of 3 planned');
    expect(first.stdout).toContain('Verified: a fresh plan is empty for the 3 system(s)');
    const live = await stored(bench);
    for (const spec of specs) expect(holdsSpec(live.get(spec.id), spec)).toBe(true);
    const writes = await bench.writes();
    expect(writes.map((entry) => `${entry.method} ${entry.status}`)).toEqual(Array(3).fill('POST 200'));

    const second = await bench.sysreg('apply', '--env', 'local');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('nothing to apply');
    expect(await bench.writes()).toHaveLength(3);
  });

  it('updates every updatable field with a PUT of the whole document', async () => {
    const bench = await setUp();
    const changes: [string, Partial<SystemSpec>][] = [
      ['name', { name: { nb: 'Nytt navn', nn: 'Nytt namn', en: 'New name', se: 'Ođđa namma' } }],
      ['description', { description: { nb: 'Ny', nn: 'Ny', en: 'New' } }],
      [
        'rights',
        {
          rights: [
            { resource: [{ id: 'urn:altinn:resource', value: 'ske-krav-og-betalinger' }] },
            {
              action: 'read',
              resource: [{ id: 'urn:altinn:resource', value: 'app_ttd_endring-av-navn-v2' }],
            },
          ],
        },
      ],
      ['accessPackages', { accessPackages: [{ urn: 'urn:altinn:accesspackage:lonn' }] }],
      ['clientId', { clientId: ['fresh-client-1', 'fresh-client-2'] }],
      [
        'allowedRedirectUrls',
        { allowedRedirectUrls: ['https://new.example/cb', 'https://new.example/other'] },
      ],
      ['isVisible', { isVisible: false }],
    ];
    const specs: SystemSpec[] = [];
    for (const [field, override] of changes) {
      const before = buildSystemSpec(`upd-${field.toLowerCase()}`);
      const after = { ...before, ...override };
      specs.push(after);
      await seedSystems(bench.altinn.url, [toLiveSystem(before)]);
      await bench.writeSystem(after);
    }
    // And one system where every field changes at once.
    const allBefore = buildSystemSpec('upd-all');
    const allAfter: SystemSpec = { ...allBefore };
    for (const [, override] of changes) Object.assign(allAfter, override);
    allAfter.clientId = ['all-new-client'];
    specs.push(allAfter);
    await seedSystems(bench.altinn.url, [toLiveSystem(allBefore)]);
    await bench.writeSystem(allAfter);

    const { code, run } = await applyJson(bench);
    expect(code).toBe(0);
    expect(run.report?.counts).toEqual({ total: 8, applied: 8, failed: 0, skipped: 0 });
    expect(run.report?.results.every((result) => result.action === 'update')).toBe(true);
    expect(run.verification).toEqual({ checked: 8, clean: true, remaining: [] });
    const live = await stored(bench);
    for (const spec of specs) expect(holdsSpec(live.get(spec.id), spec), spec.id).toBe(true);
    expect((await bench.writes()).map((entry) => entry.method)).toEqual(Array(8).fill('PUT'));
    await expectPlanEmpty(bench);
  });

  it('refuses deletes without --allow-delete, showing the plan, and deletes with it', async () => {
    const bench = await setUp();
    const doomed = buildSystemSpec('doomed');
    const bare = buildSystemSpec('bare', { clientId: [] });
    const kept = buildSystemSpec('kept');
    await seedSystems(bench.altinn.url, [toLiveSystem(doomed), toLiveSystem(bare), toLiveSystem(kept)]);
    await bench.writeSystem({ ...doomed, isDeleted: true });
    await bench.writeSystem({ ...bare, isDeleted: true });
    await bench.writeSystem({ ...kept, name: { ...kept.name, en: 'Kept, renamed' } });

    const refused = await bench.sysreg('apply', '--env', 'local');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('- delete 314159268_doomed');
    expect(refused.stdout).toContain('~ update 314159268_kept');
    expect(refused.stdout).toContain('Run with --allow-delete to apply it.');
    expect(refused.stdout).toContain('nothing applied');
    expect(await bench.writes()).toEqual([]);

    const { code, run } = await applyJson(bench, '--allow-delete');
    expect(code).toBe(0);
    expect(run.report?.counts).toEqual({ total: 3, applied: 3, failed: 0, skipped: 0 });
    const live = await stored(bench);
    expect(live.get(doomed.id)?.isDeleted).toBe(true);
    expect(live.get(bare.id)?.isDeleted).toBe(true);
    // Writes before deletes; the system without client ids answers 400 and is read back as deleted (§4.1).
    const writes = (await bench.writes()).map(
      (entry) => `${entry.method} ${entry.path.slice(REGISTER_VENDOR_PATH.length)} ${entry.status}`,
    );
    expect(writes[0]).toBe('PUT /314159268_kept 200');
    expect(writes.slice(1).sort()).toEqual(['DELETE /314159268_bare 400', 'DELETE /314159268_doomed 200']);
    await expectPlanEmpty(bench);
  });

  it('moves a client id between two systems: release first, then claim', async () => {
    const bench = await setUp();
    const giver = buildSystemSpec('giver', { clientId: ['moving-client', 'giver-own'] });
    const taker = buildSystemSpec('taker', { clientId: ['taker-own'] });
    await seedSystems(bench.altinn.url, [toLiveSystem(giver), toLiveSystem(taker)]);
    const newcomer = buildSystemSpec('newcomer', { clientId: ['giver-own'] });
    await bench.writeSystem({ ...giver, clientId: [] });
    await bench.writeSystem({ ...taker, clientId: ['taker-own', 'moving-client'] });
    await bench.writeSystem(newcomer);

    const { code, run } = await applyJson(bench, '--concurrency', '8');
    expect(code).toBe(0);
    expect(run.report?.counts.applied).toBe(3);
    const writes = (await bench.writes()).map(
      (entry) => `${entry.method} ${entry.path.slice(REGISTER_VENDOR_PATH.length)}`,
    );
    expect(writes[0]).toBe('PUT /314159268_giver');
    expect(writes.slice(1).sort()).toEqual(['POST ', 'PUT /314159268_taker']);
    const live = await stored(bench);
    expect(live.get(taker.id)?.clientId.sort()).toEqual(['moving-client', 'taker-own']);
    expect(live.get(newcomer.id)?.clientId).toEqual(['giver-own']);
    expect(live.get(giver.id)?.clientId).toEqual([]);
    expect((await bench.writes()).every((entry) => entry.status === 200)).toBe(true);
  });

  it('swaps client ids between two systems without Altinn ever refusing a claim', async () => {
    const bench = await setUp();
    const left = buildSystemSpec('left', { clientId: ['left-id'] });
    const right = buildSystemSpec('right', { clientId: ['right-id'] });
    await seedSystems(bench.altinn.url, [toLiveSystem(left), toLiveSystem(right)]);
    await bench.writeSystem({ ...left, clientId: ['right-id'] });
    await bench.writeSystem({ ...right, clientId: ['left-id'] });

    const { code, run } = await applyJson(bench);
    expect(code).toBe(0);
    expect(run.report?.counts.applied).toBe(2);
    const writes = await bench.writes();
    expect(writes.map((entry) => `${entry.method} ${entry.status}`)).toEqual(Array(3).fill('PUT 200'));
    const live = await stored(bench);
    expect(live.get(left.id)?.clientId).toEqual(['right-id']);
    expect(live.get(right.id)?.clientId).toEqual(['left-id']);
  });

  it('moves a client id from a deleted system to a new one: delete, then create', async () => {
    const bench = await setUp();
    const old = buildSystemSpec('old', { clientId: ['handed-on'] });
    await seedSystems(bench.altinn.url, [toLiveSystem(old)]);
    await bench.writeSystem({ ...old, isDeleted: true });
    await bench.writeSystem(buildSystemSpec('successor', { clientId: ['handed-on'] }));

    const { code, run } = await applyJson(bench, '--allow-delete');
    expect(code).toBe(0);
    expect(run.report?.results.map((result) => `${result.action} ${result.outcome}`)).toEqual([
      'delete applied',
      'create applied',
    ]);
    expect((await bench.writes()).map((entry) => `${entry.method} ${entry.status}`)).toEqual([
      'DELETE 200',
      'POST 200',
    ]);
  });

  it('skips a burned id, applies the rest, and exits 1 saying why', async () => {
    const bench = await setUp();
    const burned = buildSystemSpec('burned', { clientId: [] });
    await seedSystems(bench.altinn.url, [toLiveSystem(burned, { isDeleted: true })]);
    await bench.writeSystem(burned);
    await bench.writeSystem(buildSystemSpec('fine'));

    const result = await bench.sysreg('apply', '--env', 'local');
    expect(result.code).toBe(1);
    // A sentence that says why, and no advice to fix a failure when nothing failed.
    expect(result.stdout).toContain('  blocked 314159268_burned: The id 314159268_burned was deleted');
    expect(result.stdout).toContain('can never be created again');
    expect(result.stdout).not.toContain('skipped blocked of');
    expect(result.stdout).not.toContain('after fixing what failed');
    expect(result.stdout).toContain('Not done: the changes skipped above were not applied');
    expect(result.stdout).toContain('created 314159268_fine');
    const writes = await bench.writes();
    expect(writes.map((entry) => `${entry.method} ${entry.status}`)).toEqual(['POST 200']);
    expect(writes.flatMap((entry) => entry.codes ?? [])).not.toContain('AUTH.VLD-00002');
  });

  it('refuses an unsafe plan without --force and applies it with --force', async () => {
    const bench = await setUp();
    await bench.writeConfig('safety:\n  maxChangeShare: 0.3\n  minSystemsForShare: 3\n');
    const specs = ['one', 'two', 'three', 'four'].map((name) => buildSystemSpec(name));
    await seedSystems(
      bench.altinn.url,
      specs.map((spec) => toLiveSystem(spec)),
    );
    for (const spec of specs.slice(0, 2)) await bench.writeSystem({ ...spec, isVisible: false });
    for (const spec of specs.slice(2)) await bench.writeSystem(spec);

    const refused = await bench.sysreg('apply', '--env', 'local');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('~ update 314159268_one');
    expect(refused.stdout).toMatch(/updates 2 of 4 managed systems, more than 30%\. Run with --force/);
    expect(await bench.writes()).toEqual([]);

    const forced = await applyJson(bench, '--force');
    expect(forced.code).toBe(0);
    expect(forced.run.report?.counts.applied).toBe(2);
    await expectPlanEmpty(bench);
  });

  it('refuses a reviewed plan that went stale, and applies a current one', async () => {
    const bench = await setUp();
    const a = buildSystemSpec('reviewed-a');
    const b = buildSystemSpec('reviewed-b');
    await seedSystems(bench.altinn.url, [toLiveSystem(a)]);
    await bench.writeSystem({ ...a, description: { ...a.description, en: 'Reviewed text' } });
    await bench.writeSystem(b);
    const planned = await bench.sysreg('plan', '--env', 'local', '--out', 'plan.json');
    expect(planned.code).toBe(0);

    // Someone edits the system in Altinn after review: the plan's "before" no longer holds.
    await seedSystems(bench.altinn.url, [toLiveSystem(a, { isVisible: false })]);
    const stale = await applyJson(bench, '--plan', 'plan.json');
    expect(stale.code).toBe(1);
    expect(stale.run.status).toBe('stale-plan');
    expect(stale.run.differences).toEqual([
      {
        systemId: a.id,
        reviewed: 'update (description)',
        now: 'update (description, isVisible)',
      },
    ]);
    expect(await bench.writes()).toEqual([]);
    const text = await bench.sysreg('apply', '--env', 'local', '--plan', 'plan.json');
    expect(text.stdout).toContain('The plan changed since review');

    // Put it back: the reviewed plan holds again and is applied.
    await seedSystems(bench.altinn.url, [toLiveSystem(a)]);
    const applied = await applyJson(bench, '--plan', 'plan.json');
    expect(applied.code).toBe(0);
    expect(applied.run.report?.counts.applied).toBe(2);
  });

  it('refuses a reviewed plan when git changed since review, and a plan edited after review', async () => {
    const bench = await setUp();
    const a = buildSystemSpec('git-a');
    await bench.writeSystem(a);
    await bench.sysreg('plan', '--env', 'local', '--out', 'plan.json');
    await bench.writeSystem({ ...a, clientId: ['swapped-client'] });
    const stale = await applyJson(bench, '--plan', 'plan.json');
    expect(stale.code).toBe(1);
    expect(stale.run.differences[0]?.now).toContain('git changed since review');

    const file = path.join(bench.repo.root, 'plan.json');
    const edited = (await readFile(file, 'utf8')).replace('git-a-client', 'evil-client');
    await writeFile(file, edited);
    const tampered = await bench.sysreg('apply', '--env', 'local', '--plan', 'plan.json');
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('do not match its checksum');
    expect(await bench.writes()).toEqual([]);
  });

  it('finishes a reviewed plan that an earlier run applied in part, and leaves unreviewed systems alone', async () => {
    const bench = await setUp();
    const first = buildSystemSpec('part-1');
    const second = buildSystemSpec('part-2');
    await bench.writeSystem(first);
    await bench.writeSystem(second);
    await bench.sysreg('plan', '--env', 'local', '--out', 'plan.json');
    // An earlier run created the first system, then died.
    await seedSystems(bench.altinn.url, [toLiveSystem(first)]);
    // Another pull request added a system after this plan was reviewed.
    const later = buildSystemSpec('later');
    await bench.writeSystem(later);

    const { code, run } = await applyJson(bench, '--plan', 'plan.json');
    expect(code).toBe(0);
    expect(
      run.report?.results.map((result) =>
        `${result.systemId} ${result.outcome} ${result.reason ?? ''}`.trim(),
      ),
    ).toEqual([`${later.id} skipped not-in-reviewed-plan`, `${second.id} applied`]);
    const live = await stored(bench);
    expect(live.has(later.id)).toBe(false);
    expect(holdsSpec(live.get(second.id), second)).toBe(true);
  });
});

describe('sysreg apply, arguments', () => {
  it('explains bad flags and plan files without touching Altinn', async () => {
    const bench = await setUp();
    const noEnv = await bench.sysreg('apply');
    expect(noEnv.code).toBe(1);
    expect(noEnv.stderr).toContain('--env is required');
    const badConcurrency = await bench.sysreg('apply', '--env', 'local', '--concurrency', '0');
    expect(badConcurrency.stderr).toContain('--concurrency must be a whole number from 1 to 64');
    const badTimeout = await bench.sysreg('apply', '--env', 'local', '--request-timeout', 'soon');
    expect(badTimeout.stderr).toContain('--request-timeout must be a number of seconds');
    const missing = await bench.sysreg('apply', '--env', 'local', '--plan', 'nowhere.json');
    expect(missing.stderr).toContain('cannot read the plan file nowhere.json: ENOENT');
    await bench.writeSystem(buildSystemSpec('elsewhere'));
    await bench.sysreg('plan', '--env', 'local', '--out', 'plan.json');
    const plan = JSON.parse(await readFile(path.join(bench.repo.root, 'plan.json'), 'utf8')) as {
      environment: string;
    };
    plan.environment = 'tt02';
    await writeFile(path.join(bench.repo.root, 'tt02-plan.json'), JSON.stringify(plan));
    const wrongEnvironment = await bench.sysreg('apply', '--env', 'local', '--plan', 'tt02-plan.json');
    expect(wrongEnvironment.code).toBe(1);
    expect(wrongEnvironment.stderr).toContain('the reviewed plan is for tt02, not local');
    expect(await bench.writes()).toEqual([]);
  });

  it('applies a reviewed plan with escaped redirect URLs, then applies it again as already done', async () => {
    const bench = await setUp();
    const spec = buildSystemSpec('escaped', {
      allowedRedirectUrls: [
        'https://kvittering.example/v%c3%a6r/cb',
        'https://kvittering.example/%7Euser',
        'https://kvittering.example/%41pp',
      ],
    });
    await bench.writeSystem(spec);
    expect((await bench.sysreg('plan', '--env', 'local', '--out', 'plan.json')).code).toBe(0);
    const first = await applyJson(bench, '--plan', 'plan.json');
    expect(first.code, first.stderr).toBe(0);
    expect(first.run.report?.counts.applied).toBe(1);
    expect(first.run.verification?.clean).toBe(true);
    // Altinn stored the URLs un-escaped; the same reviewed plan is done, not stale.
    expect((await stored(bench)).get(spec.id)?.allowedRedirectUrls).toContain(
      'https://kvittering.example/vær/cb',
    );
    const again = await applyJson(bench, '--plan', 'plan.json');
    expect(again.run.differences).toEqual([]);
    expect(again.run.status).toBe('nothing-to-apply');
    expect(again.code).toBe(0);
  });

  it('judges a resumed reviewed plan by the safety verdict it was reviewed with', async () => {
    const bench = await setUp();
    const creates = Array.from({ length: 6 }, (_, index) => buildSystemSpec(`fresh${index}`));
    const updates: SystemSpec[] = [];
    for (let index = 0; index < 5; index += 1) {
      const before = buildSystemSpec(`kept${index}`);
      await seedSystems(bench.altinn.url, [toLiveSystem(before)]);
      updates.push({ ...before, description: { ...before.description, en: `Rewritten ${index}` } });
    }
    for (const spec of [...creates, ...updates]) await bench.writeSystem(spec);
    expect((await bench.sysreg('plan', '--env', 'local', '--out', 'plan.json')).code).toBe(0);
    const reviewed = JSON.parse(await readFile(path.join(bench.repo.root, 'plan.json'), 'utf8')) as {
      safety: { safe: boolean };
    };
    // 5 updates of 5 managed systems: under the 10-system floor, so safe.
    expect(reviewed.safety.safe).toBe(true);

    // The run was killed after its creates landed: now 5 of 11 managed systems are updates.
    await seedSystems(
      bench.altinn.url,
      creates.map((spec) => toLiveSystem(spec)),
    );
    const unreviewed = await applyJson(bench);
    expect(unreviewed.run.status).toBe('refused');
    expect(unreviewed.run.refusal.join(' ')).toContain('--force');

    const resumed = await applyJson(bench, '--plan', 'plan.json');
    expect(resumed.run.refusal).toEqual([]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.run.report?.counts).toMatchObject({ applied: 5, failed: 0 });
    const now = await stored(bench);
    for (const spec of [...creates, ...updates])
      expect(holdsSpec(now.get(spec.id), spec), spec.id).toBe(true);
  });
});
