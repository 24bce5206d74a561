/**
 * Kill -9 during apply, then apply again: the real CLI runs as a child process against the local
 * Altinn in this process, and is killed once a seeded number of its writes has reached Altinn. The
 * next run must converge with nothing lost or duplicated.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../src/emulator/fault-injector.ts';
import type { SystemSpec } from '../../src/model/system.ts';
import { findCreatesOfExistingIds } from '../support/creates-of-existing-ids.ts';
import { listStoredSystems, seedSystems, setFaults } from '../support/local-altinn.ts';
import {
  buildSystemSpec,
  holdsSpec,
  REGISTER_VENDOR_PATH,
  startApplyBench,
  toLiveSystem,
} from './apply-fixtures.ts';
import type { ApplyBench } from './apply-fixtures.ts';

const CLI = path.resolve(import.meta.dirname, '..', '..', 'src', 'cli.ts');

let bench: ApplyBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

const CREATES = 20;
const UPDATES = 6;

async function setUpRepo(bench: ApplyBench): Promise<SystemSpec[]> {
  const specs: SystemSpec[] = [];
  for (let index = 0; index < CREATES; index += 1) specs.push(buildSystemSpec(`new${index}`));
  for (let index = 0; index < UPDATES; index += 1) {
    const before = buildSystemSpec(`old${index}`);
    await seedSystems(bench.altinn.url, [toLiveSystem(before)]);
    specs.push({ ...before, description: { ...before.description, en: `Rewritten ${index}` } });
  }
  for (const spec of specs) await bench.writeSystem(spec);
  // A resumed run sees fewer changes over more managed systems (the creates that landed), and can
  // cross the safety share the first run stayed under; these tests are about resuming, not safety.
  await bench.writeConfig('safety:\n  maxChangeShare: 1\n');
  return specs;
}

/** Starts `sysreg apply` as a child and kills it with SIGKILL once `killAfterWrites` writes reached Altinn. */
async function applyAndKill(bench: ApplyBench, killAfterWrites: number): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, [CLI, 'apply', '--env', 'local', '--concurrency', '3'], {
    cwd: bench.repo.root,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', CI: 'true', ...bench.client.env },
    stdio: 'ignore',
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  const deadline = Date.now() + 20_000;
  let finished = false;
  void exited.then(() => (finished = true));
  while (!finished && Date.now() < deadline) {
    if ((await bench.writes()).length >= killAfterWrites) {
      child.kill('SIGKILL');
      break;
    }
    await sleep(5);
  }
  if (!finished && Date.now() >= deadline) child.kill('SIGKILL');
  return exited;
}

describe('apply killed with -9', () => {
  for (const seed of [3, 17, 41]) {
    it(`converges on the next run, nothing lost or duplicated (seed ${seed})`, async () => {
      bench = await startApplyBench();
      const specs = await setUpRepo(bench);
      // Slow answers spread the run out, so the kill lands mid-flight.
      await setFaults(bench.altinn.url, { latencyMs: 40 });
      // At most 3 writes are in flight at the kill (they land all the same): leave work for the next run.
      const killAfter = 1 + Math.floor(createSeededRandom(seed)() * (CREATES + UPDATES - 5));
      const signal = await applyAndKill(bench, killAfter);
      expect(signal).toBe('SIGKILL');
      await sleep(200);
      const writesBeforeKill = (await bench.writes()).length;
      expect(writesBeforeKill).toBeGreaterThanOrEqual(killAfter);
      expect(writesBeforeKill).toBeLessThan(CREATES + UPDATES);

      await setFaults(bench.altinn.url, {});
      const again = await bench.sysreg('apply', '--env', 'local');
      expect(again.code, again.stdout + again.stderr.slice(-3000)).toBe(0);
      expect(again.stdout).toContain('Verified');

      const stored = new Map(
        (await listStoredSystems(bench.altinn.url)).map((system) => [system.id, system]),
      );
      expect(stored.size).toBe(specs.length);
      for (const spec of specs) expect(holdsSpec(stored.get(spec.id), spec), spec.id).toBe(true);
      const writes = await bench.writes();
      const posts = writes.filter((entry) => entry.method === 'POST' && entry.path === REGISTER_VENDOR_PATH);
      // Every create landed exactly once across both runs; none hit an id that existed.
      expect(posts.filter((entry) => entry.status === 200)).toHaveLength(CREATES);
      expect(writes.filter((entry) => entry.status !== 200)).toEqual([]);
      // Directly, by the log's systemId: no POST for a seeded id, nor for one a POST before it created.
      const seeded = specs.slice(CREATES).map((spec) => spec.id);
      expect(findCreatesOfExistingIds(writes, seeded)).toEqual([]);
      expect(new Set(posts.map((entry) => entry.systemId))).toEqual(
        new Set(specs.slice(0, CREATES).map((spec) => spec.id)),
      );
      const third = await bench.sysreg('apply', '--env', 'local');
      expect(third.code).toBe(0);
      expect(third.stdout).toContain('nothing to apply');
    }, 60_000);
  }
});

describe('apply interrupted with SIGINT', () => {
  it('starts nothing new, reports what it did, and the next run finishes', async () => {
    bench = await startApplyBench();
    const specs = await setUpRepo(bench);
    await setFaults(bench.altinn.url, { latencyMs: 40 });
    const child = spawn(process.execPath, [CLI, 'apply', '--env', 'local', '--concurrency', '2'], {
      cwd: bench.repo.root,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', CI: 'true', ...bench.client.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 20_000;
    while ((await bench.writes()).length < 4 && Date.now() < deadline) await sleep(5);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('sysreg apply: SIGINT: stopping');
    expect(stdout).toMatch(
      /^sysreg apply in local: interrupted by SIGINT; \d+ applied, 0 failed, \d+ not started of 26 planned/m,
    );
    expect(stdout).toMatch(/not started: (create|update) of 314159268_\w+$/m);
    expect(stdout).toContain('Apply was stopped before the end, so nothing is verified');
    // Nothing failed, so nothing tells the user to fix a failure.
    expect(stdout).not.toContain('after fixing what failed');
    expect(stdout).toContain('Not done: run apply again to finish');
    // Every write it started came back: none was cut off mid-flight.
    await sleep(100);
    const writes = await bench.writes();
    expect(writes.every((entry) => entry.status === 200)).toBe(true);
    const applied = (stdout.match(/^ {2}(created|updated) /gm) ?? []).length;
    expect(applied).toBe(writes.length);
    expect(applied).toBeLessThan(specs.length);

    await setFaults(bench.altinn.url, {});
    const again = await bench.sysreg('apply', '--env', 'local');
    expect(again.code).toBe(0);
    const stored = new Map((await listStoredSystems(bench.altinn.url)).map((system) => [system.id, system]));
    for (const spec of specs) expect(holdsSpec(stored.get(spec.id), spec), spec.id).toBe(true);
  }, 60_000);
});
