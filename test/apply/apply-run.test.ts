/**
 * `runApply`, the core of `sysreg apply`, against a register held in memory: which status each way a
 * run can end gets, what its exit code says, that nothing is written when it must not be, and what the
 * verification after the writes finds.
 */
import { describe, expect, it } from 'vitest';
import { runApply, summariseApplyRun } from '../../src/apply/apply-run.ts';
import type { ApplyRunOptions } from '../../src/apply/apply-run.ts';
import { readLiveState } from '../../src/altinn/read-live-state.ts';
import { createPlan } from '../../src/plan/plan.ts';
import { DEFAULT_PLAN_SETTINGS } from '../../src/plan/plan-types.ts';
import type { Plan, PlanSettings } from '../../src/plan/plan-types.ts';
import type { SystemSpec } from '../../src/model/system.ts';
import { createInMemoryRegister } from '../support/in-memory-register.ts';
import type { InMemoryRegister } from '../support/in-memory-register.ts';
import { buildDesired, buildSpec, storeAsAltinn } from '../support/system-builders.ts';

const ENVIRONMENT = 'tt02';
const NO_FLAGS: ApplyRunOptions = { allowDelete: false, force: false };

async function edgesFor(register: InMemoryRegister, desired: SystemSpec[], settings?: PlanSettings) {
  const live = await readLiveState(register.client, {
    environment: ENVIRONMENT,
    repoIds: desired.map((spec) => spec.id),
  });
  return {
    client: register.client,
    desired: desired.map(buildDesired),
    live,
    settings: settings ?? DEFAULT_PLAN_SETTINGS,
    environment: ENVIRONMENT,
  };
}

async function planFor(register: InMemoryRegister, desired: SystemSpec[]): Promise<Plan> {
  const edges = await edgesFor(register, desired);
  return createPlan({ ...edges });
}

const alpha = buildSpec('alpha');
const beta = buildSpec('beta');

describe('runApply', () => {
  it('applies the plan, verifies it with a fresh read, and exits 0', async () => {
    const register = createInMemoryRegister([storeAsAltinn(beta)]);
    const desired = [alpha, { ...beta, isVisible: false }];
    const seen: Plan[] = [];
    const run = await runApply(
      { ...(await edgesFor(register, desired)), commit: 'abc1234' },
      { ...NO_FLAGS, onPlan: (plan) => seen.push(plan) },
    );
    expect(run).toMatchObject({
      formatVersion: 1,
      environment: ENVIRONMENT,
      commit: 'abc1234',
      status: 'applied',
      exitCode: 0,
      reviewedChecksum: null,
      differences: [],
      refusal: [],
      verification: { checked: 2, clean: true, remaining: [] },
      verificationError: null,
      interruption: null,
    });
    expect(seen).toEqual([run.plan]);
    expect(run.report?.counts).toEqual({ total: 2, applied: 2, skipped: 0, failed: 0 });
    expect(register.writes).toEqual([
      { method: 'create', id: alpha.id },
      { method: 'update', id: beta.id },
    ]);
    expect(register.systems.get(beta.id)?.isVisible).toBe(false);
  });

  it('says there was nothing to apply when Altinn already matches git, and writes nothing', async () => {
    const register = createInMemoryRegister([storeAsAltinn(alpha)]);
    const run = await runApply(await edgesFor(register, [alpha]), NO_FLAGS);
    expect(run).toMatchObject({ status: 'nothing-to-apply', exitCode: 0, verification: null });
    expect(run.report?.results).toEqual([]);
    expect(run.commit).toBeNull();
    expect(register.writes).toEqual([]);
  });

  it('refuses a delete without --allow-delete, naming the flag, and writes nothing', async () => {
    const register = createInMemoryRegister([storeAsAltinn(alpha)]);
    const edges = await edgesFor(register, [{ ...alpha, isDeleted: true }]);
    const refused = await runApply(edges, { ...NO_FLAGS, force: true });
    expect(refused.status).toBe('refused');
    expect(refused.exitCode).toBe(1);
    expect(refused.refusal).toEqual([
      'The plan deletes 1 system; a deleted id can never be used again. Run with --allow-delete to apply it.',
    ]);
    expect(refused.report).toBeNull();
    expect(register.writes).toEqual([]);

    const allowed = await runApply(edges, { ...NO_FLAGS, allowDelete: true });
    expect(allowed).toMatchObject({ status: 'applied', exitCode: 0 });
    expect(register.writes).toEqual([{ method: 'delete', id: alpha.id }]);
  });

  it('refuses an unsafe plan without --force, and applies it with', async () => {
    const specs = Array.from({ length: 10 }, (_, index) => buildSpec(`s${index}`));
    const register = createInMemoryRegister(specs.map((spec) => storeAsAltinn(spec)));
    const edges = await edgesFor(
      register,
      specs.map((spec, index) => (index < 4 ? { ...spec, isVisible: false } : spec)),
    );
    const refused = await runApply(edges, { ...NO_FLAGS, allowDelete: true });
    expect(refused.status).toBe('refused');
    expect(refused.refusal).toEqual([
      'The plan updates 4 of 10 managed systems, more than 30%. Run with --force to apply it.',
    ]);
    expect(register.writes).toEqual([]);
    const forced = await runApply(edges, { ...NO_FLAGS, force: true });
    expect(forced).toMatchObject({ status: 'applied', exitCode: 0 });
    expect(register.writes).toHaveLength(4);
  });

  it('judges a resumed reviewed plan by the verdict it was reviewed with', async () => {
    // Reviewed: 3 updates of 10 managed systems, safe. After the run was cut short, the fresh plan
    // has the same updates; with a stricter share it would be unsafe, but the review decided.
    const specs = Array.from({ length: 10 }, (_, index) => buildSpec(`s${index}`));
    const register = createInMemoryRegister(specs.map((spec) => storeAsAltinn(spec)));
    const desired = specs.map((spec, index) => (index < 3 ? { ...spec, isVisible: false } : spec));
    const reviewed = await planFor(register, desired);
    expect(reviewed.safety.safe).toBe(true);
    const strict: PlanSettings = {
      prune: false,
      safety: { maxChangeShare: 0.1, minSystemsForShare: 10 },
    };
    const fresh = await edgesFor(register, desired, strict);
    const unreviewed = await runApply(fresh, NO_FLAGS);
    expect(unreviewed.status).toBe('refused');
    const resumed = await runApply(fresh, { ...NO_FLAGS, reviewedPlan: reviewed });
    expect(resumed).toMatchObject({ status: 'applied', exitCode: 0, reviewedChecksum: reviewed.checksum });
  });

  it('applies nothing when the plan changed since review, and says what changed', async () => {
    const register = createInMemoryRegister([storeAsAltinn(alpha)]);
    const reviewed = await planFor(register, [{ ...alpha, isVisible: false }]);
    const run = await runApply(await edgesFor(register, [{ ...alpha, name: { ...alpha.name, en: 'New' } }]), {
      ...NO_FLAGS,
      reviewedPlan: reviewed,
    });
    expect(run.status).toBe('stale-plan');
    expect(run.exitCode).toBe(1);
    expect(run.differences).toHaveLength(1);
    expect(run.differences[0]?.systemId).toBe(alpha.id);
    expect(run.report).toBeNull();
    expect(register.writes).toEqual([]);
  });

  it('applies only what the reviewed plan covers; the rest waits for its own review', async () => {
    const register = createInMemoryRegister([storeAsAltinn(alpha)]);
    const reviewed = await planFor(register, [{ ...alpha, isVisible: false }]);
    const run = await runApply(await edgesFor(register, [{ ...alpha, isVisible: false }, beta]), {
      ...NO_FLAGS,
      reviewedPlan: reviewed,
    });
    expect(run).toMatchObject({ status: 'applied', exitCode: 0 });
    expect(run.report?.results.map((result) => [result.systemId, result.outcome, result.reason])).toEqual([
      [alpha.id, 'applied', undefined],
      [beta.id, 'skipped', 'not-in-reviewed-plan'],
    ]);
    expect(register.writes).toEqual([{ method: 'update', id: alpha.id }]);
    expect(run.verification).toEqual({ checked: 1, clean: true, remaining: [] });
  });

  it('asks before the first write and applies nothing unless the answer is yes', async () => {
    const register = createInMemoryRegister([]);
    const edges = await edgesFor(register, [alpha]);
    const asked: string[] = [];
    const cancelled = await runApply(edges, {
      ...NO_FLAGS,
      confirm: async (plan) => {
        asked.push(plan.checksum);
        return false;
      },
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', exitCode: 1, report: null });
    expect(asked).toHaveLength(1);
    expect(register.writes).toEqual([]);
    const confirmed = await runApply(edges, { ...NO_FLAGS, confirm: async () => true });
    expect(confirmed).toMatchObject({ status: 'applied', exitCode: 0 });
    expect(register.writes).toEqual([{ method: 'create', id: alpha.id }]);
  });

  it('does not ask when the plan has only blocked changes, which it cannot make', async () => {
    const register = createInMemoryRegister([storeAsAltinn(alpha, { deleted: true })]);
    let asked = false;
    const run = await runApply(await edgesFor(register, [alpha]), {
      ...NO_FLAGS,
      confirm: async () => (asked = true),
    });
    expect(asked).toBe(false);
    expect(run.status).toBe('nothing-to-apply');
    // A blocked change is not done: the exit code says so.
    expect(run.exitCode).toBe(1);
    expect(run.report?.results[0]).toMatchObject({ outcome: 'skipped', reason: 'blocked' });
  });

  it('asks when a blocked change stands beside one it can make', async () => {
    const burned = buildSpec('burned');
    const register = createInMemoryRegister([storeAsAltinn(burned, { deleted: true })]);
    let asked = 0;
    const run = await runApply(await edgesFor(register, [alpha, burned]), {
      ...NO_FLAGS,
      confirm: async () => (asked += 1) > 1,
    });
    expect(asked).toBe(1);
    expect(run.status).toBe('cancelled');
    expect(register.writes).toEqual([]);
  });

  it('exits 1 with what Altinn still differs in when the verification finds a change left', async () => {
    // This Altinn keeps every system visible, whatever it is sent.
    const register = createInMemoryRegister([storeAsAltinn(alpha)], {
      storeAs: (request) => ({ ...structuredClone(request), isVisible: true, isDeleted: false }),
    });
    const run = await runApply(await edgesFor(register, [{ ...alpha, isVisible: false }]), NO_FLAGS);
    expect(run.status).toBe('applied');
    expect(run.exitCode).toBe(1);
    expect(run.verification?.clean).toBe(false);
    expect(run.verification?.remaining).toEqual([
      {
        systemId: alpha.id,
        action: 'update (isVisible)',
        why: expect.stringContaining('Altinn still differs after a update it accepted') as unknown,
      },
    ]);
  });

  it('exits 1 and says nothing is verified when the read after apply fails', async () => {
    const register = createInMemoryRegister([]);
    const edges = await edgesFor(register, [alpha]);
    const client = register.client;
    const createSystem = client.createSystem.bind(client);
    client.createSystem = async (body, options) => {
      const created = await createSystem(body, options);
      register.failReadsWith = new Error('connection reset');
      return created;
    };
    const run = await runApply(edges, NO_FLAGS);
    expect(run.report?.counts.applied).toBe(1);
    expect(run.verification).toBeNull();
    expect(run.verificationError).toBe(
      'The read after apply failed, so nothing is verified: connection reset',
    );
    expect(run.exitCode).toBe(1);
  });

  it('stopped by a signal: the reason is kept, nothing is verified, and the exit code is 1', async () => {
    const register = createInMemoryRegister([]);
    const controller = new AbortController();
    const edges = await edgesFor(register, [alpha, beta]);
    const run = await runApply(edges, {
      ...NO_FLAGS,
      concurrency: 1,
      signal: controller.signal,
      onProgress: () => controller.abort(new Error('interrupted by SIGINT')),
    });
    expect(run.interruption).toBe('interrupted by SIGINT');
    expect(run.verificationError).toBe(
      'Apply was stopped before the end, so nothing is verified; run it again to finish.',
    );
    expect(run.verification).toBeNull();
    expect(run.exitCode).toBe(1);
    expect(run.report?.counts).toEqual({ total: 2, applied: 1, skipped: 1, failed: 0 });
    expect(register.writes).toHaveLength(1);
  });

  it('summarises a run for machines with the plan by checksum, counts and safety only', async () => {
    const register = createInMemoryRegister([]);
    const run = await runApply(await edgesFor(register, [alpha]), NO_FLAGS);
    const summary = summariseApplyRun(run);
    expect(summary.plan).toEqual({
      checksum: run.plan.checksum,
      counts: run.plan.counts,
      safety: run.plan.safety,
    });
    expect({ ...summary, plan: run.plan }).toEqual(run);
  });
});
