/**
 * Property: for random desired and live states (creates, updates, tombstones, and client ids moving
 * between systems in chains, swaps and through deletes), one apply against the local Altinn leaves a
 * fresh plan empty. Over HTTP; the emulator is reset between runs. Runs are kept few: each is real I/O.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runApply } from '../../src/apply/apply-run.ts';
import { connectToAltinn } from '../../src/altinn/connect.ts';
import { readLiveState } from '../../src/altinn/read-live-state.ts';
import { createPlan } from '../../src/plan/plan.ts';
import { DEFAULT_PLAN_SETTINGS } from '../../src/plan/plan-types.ts';
import type { SystemSpec } from '../../src/model/system.ts';
import type { LocalAltinn } from '../support/local-altinn.ts';
import { registerTestClient, seedSystems, startLocalAltinn } from '../support/local-altinn.ts';
import { buildDesired, buildSpec, VENDOR_ORG } from '../support/system-builders.ts';
import { toLiveSystem } from './apply-fixtures.ts';

const NAMES = ['a', 'b', 'c', 'd'];
const CLIENT_IDS = ['k1', 'k2', 'k3', 'k4', 'k5'];

const systemState = fc.record({
  tombstone: fc.boolean(),
  live: fc.boolean(),
  visibleInGit: fc.boolean(),
  visibleLive: fc.boolean(),
  renamedInGit: fc.boolean(),
});
/** For each client id, the index of the system that holds it (-1: none). */
const owners = fc.array(fc.integer({ min: -1, max: NAMES.length - 1 }), {
  minLength: CLIENT_IDS.length,
  maxLength: CLIENT_IDS.length,
});
const world = fc.record({
  systems: fc.array(systemState, { minLength: NAMES.length, maxLength: NAMES.length }),
  gitOwners: owners,
  liveOwners: owners,
  /** Half the time git hands each live client id on to the next system: swaps and rings. */
  rotation: fc.option(fc.integer({ min: 1, max: NAMES.length - 1 }), { freq: 1 }),
});

let altinn: LocalAltinn;
beforeAll(async () => {
  altinn = await startLocalAltinn();
});
afterAll(async () => {
  await altinn.close();
});

describe('apply, property', () => {
  it('random desired and live states: after apply the plan is empty', async () => {
    await fc.assert(
      fc.asyncProperty(world, async ({ systems, gitOwners: drawnGitOwners, liveOwners, rotation }) => {
        const gitOwners =
          rotation === null
            ? drawnGitOwners
            : liveOwners.map((owner) => (owner === -1 ? -1 : (owner + rotation) % NAMES.length));
        await fetch(`${altinn.url}/_emulator/reset`, { method: 'POST' });
        const client = await registerTestClient(altinn.url, { orgNumber: VENDOR_ORG });
        const idsOf = (owner: number[], index: number) => CLIENT_IDS.filter((_, id) => owner[id] === index);
        const desired: SystemSpec[] = [];
        const live: SystemSpec[] = [];
        systems.forEach((state, index) => {
          const name = NAMES[index] as string;
          const base = buildSpec(name, { clientId: [] });
          if (state.live)
            live.push({ ...base, clientId: idsOf(liveOwners, index), isVisible: state.visibleLive });
          desired.push(
            state.tombstone
              ? { ...base, isDeleted: true }
              : {
                  ...base,
                  clientId: idsOf(gitOwners, index),
                  isVisible: state.visibleInGit,
                  ...(state.renamedInGit ? { name: { ...base.name, en: `${name} renamed` } } : {}),
                },
          );
        });
        if (live.length > 0)
          await seedSystems(
            altinn.url,
            live.map((spec) => toLiveSystem(spec)),
          );
        const connection = await connectToAltinn({
          environment: 'local',
          env: client.env,
          altinnUrl: altinn.url,
        });
        try {
          const repoIds = desired.map((spec) => spec.id);
          const before = await readLiveState(connection.client, { environment: 'local', repoIds });
          const run = await runApply(
            {
              client: connection.client,
              desired: desired.map(buildDesired),
              live: before,
              settings: DEFAULT_PLAN_SETTINGS,
              environment: 'local',
            },
            { allowDelete: true, force: true },
          );
          const failures = run.report?.results.filter((result) => result.outcome !== 'applied') ?? [];
          expect(failures).toEqual([]);
          expect(run.exitCode).toBe(0);
          const after = await readLiveState(connection.client, { environment: 'local', repoIds });
          const plan = createPlan({
            desired: desired.map(buildDesired),
            live: after,
            settings: DEFAULT_PLAN_SETTINGS,
            environment: 'local',
          });
          expect(plan.changes).toEqual([]);
        } finally {
          await connection.close();
        }
      }),
      { numRuns: 30, seed: 20261121 },
    );
  }, 60_000);
});
