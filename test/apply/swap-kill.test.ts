/**
 * A client-id swap is three writes, all in the reviewed plan. The real CLI applies the reviewed plan
 * as a child process and is killed with -9 right after one of those writes landed (its answer held
 * back by a proxy, so nothing after it was sent); applying the same reviewed plan again must finish
 * the swap with exactly the writes that were left, and refuse a live state the plan never passes
 * through.
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/plan-types.ts';
import { listStoredSystems, seedSystems } from '../support/local-altinn.ts';
import { startWriteGate } from '../support/write-gate.ts';
import type { WriteGate } from '../support/write-gate.ts';
import { buildSystemSpec, startApplyBench, toLiveSystem } from './apply-fixtures.ts';
import type { ApplyBench } from './apply-fixtures.ts';

const CLI = path.resolve(import.meta.dirname, '..', '..', 'src', 'cli.ts');

let bench: ApplyBench | undefined;
let gate: WriteGate | undefined;
afterEach(async () => {
  await gate?.close();
  await bench?.close();
  gate = undefined;
  bench = undefined;
});

const left = buildSystemSpec('left', { clientId: ['left-id', 'kept-id'] });
const right = buildSystemSpec('right', { clientId: ['right-id'] });

/** Live left and right swap `left-id` and `right-id`; left keeps `kept-id` throughout. */
async function setUpSwap(): Promise<ApplyBench> {
  bench = await startApplyBench();
  await seedSystems(bench.altinn.url, [toLiveSystem(left), toLiveSystem(right)]);
  await bench.writeSystem({ ...left, clientId: ['right-id', 'kept-id'] });
  await bench.writeSystem({ ...right, clientId: ['left-id'] });
  // Tokens straight from the local Altinn (their audience is its own address); only writes pass the gate.
  await bench.writeConfig(
    `environments:\n  local:\n    maskinportenUrl: ${bench.altinn.url}/maskinporten/\n`,
  );
  return bench;
}

async function clientIdsInAltinn(bench: ApplyBench): Promise<Record<string, string[]>> {
  const stored = await listStoredSystems(bench.altinn.url);
  return Object.fromEntries(stored.map((system) => [system.id, [...system.clientId].sort()]));
}

/** Runs `sysreg apply --plan plan.json` as a child through `gate`; SIGKILL once the gate stopped a write. */
async function applyAndKillAtGate(bench: ApplyBench, gate: WriteGate): Promise<number | 'exited'> {
  const child = spawn(process.execPath, [CLI, 'apply', '--env', 'local', '--plan', 'plan.json'], {
    cwd: bench.repo.root,
    env: {
      PATH: process.env.PATH ?? '',
      NO_COLOR: '1',
      CI: 'true',
      ...bench.client.env,
      SYSREG_ALTINN_URL: gate.url,
    },
    stdio: 'ignore',
  });
  const exited = new Promise<'exited'>((resolve) => child.on('exit', () => resolve('exited')));
  const timeout = new Promise<'exited'>((resolve) => setTimeout(() => resolve('exited'), 20_000).unref());
  const first = await Promise.race([gate.stopped, exited, timeout]);
  child.kill('SIGKILL');
  await exited;
  return first;
}

const AFTER_WRITE: Record<number, Record<string, string[]>> = {
  // The interim release: left gives up left-id and keeps the id it keeps in git.
  1: { [left.id]: ['kept-id'], [right.id]: ['right-id'] },
  // Right takes the released id and gives up its own.
  2: { [left.id]: ['kept-id'], [right.id]: ['left-id'] },
  // Left takes right's old id: the swap is done.
  3: { [left.id]: ['kept-id', 'right-id'], [right.id]: ['left-id'] },
};

describe('a client-id swap killed with -9 after one of its writes', () => {
  it('lists every write of the swap in the reviewed plan, under its checksum', async () => {
    const bench = await setUpSwap();
    const shown = await bench.sysreg('plan', '--env', 'local', '--out', 'plan.json');
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('Client-id swap in two writes');
    const plan = JSON.parse(await readFile(path.join(bench.repo.root, 'plan.json'), 'utf8')) as Plan;
    const swapped = plan.changes.find((change) => change.systemId === left.id);
    expect(swapped?.interimRelease?.clientId).toEqual(['kept-id']);
    expect(plan.changes.find((change) => change.systemId === right.id)?.interimRelease).toBeUndefined();
    // The checksum covers the interim write: a plan file whose interim write was edited is refused.
    const file = path.join(bench.repo.root, 'plan.json');
    if (swapped?.interimRelease) swapped.interimRelease.clientId = ['kept-id', 'right-id'];
    await writeFile(file, JSON.stringify(plan));
    const tampered = await bench.sysreg('apply', '--env', 'local', '--plan', 'plan.json');
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('do not match its checksum');
    expect(await bench.writes()).toEqual([]);
  });

  for (const killedAfter of [1, 2, 3]) {
    it(`finishes the swap from the same reviewed plan when killed after write ${killedAfter} of 3`, async () => {
      const bench = await setUpSwap();
      expect((await bench.sysreg('plan', '--env', 'local', '--out', 'plan.json')).code).toBe(0);
      gate = await startWriteGate(bench.altinn.url, (write) =>
        write === killedAfter ? 'withhold' : 'answer',
      );
      expect(await applyAndKillAtGate(bench, gate)).toBe(killedAfter);
      expect(await clientIdsInAltinn(bench)).toEqual(AFTER_WRITE[killedAfter]);
      expect((await bench.writes()).length).toBe(killedAfter);

      const again = await bench.sysreg('apply', '--env', 'local', '--plan', 'plan.json');
      expect(again.code, again.stdout + again.stderr).toBe(0);
      expect(again.stdout).not.toContain('changed since review');
      expect(await clientIdsInAltinn(bench)).toEqual(AFTER_WRITE[3]);
      // Across both runs: the three writes of the plan, each once, in its order; none refused.
      const writes = await bench.writes();
      expect(writes.map((entry) => `${entry.method} ${entry.systemId} ${entry.status}`)).toEqual([
        `PUT ${left.id} 200`,
        `PUT ${right.id} 200`,
        `PUT ${left.id} 200`,
      ]);
    }, 60_000);
  }

  it('refuses the reviewed plan when Altinn moved to a state the plan never passes through', async () => {
    const bench = await setUpSwap();
    expect((await bench.sysreg('plan', '--env', 'local', '--out', 'plan.json')).code).toBe(0);
    gate = await startWriteGate(bench.altinn.url, (write) => (write === 1 ? 'withhold' : 'answer'));
    expect(await applyAndKillAtGate(bench, gate)).toBe(1);
    // Someone else gives left another client id while the swap is half done.
    await seedSystems(bench.altinn.url, [toLiveSystem({ ...left, clientId: ['kept-id', 'stranger-id'] })]);

    const again = await bench.sysreg('apply', '--env', 'local', '--plan', 'plan.json');
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('changed since review');
    expect((await bench.writes()).length).toBe(1);
  }, 60_000);
});
