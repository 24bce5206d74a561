/**
 * The executor's scheduling and failure handling, with a recording client in place of HTTP (the
 * scenario tests cover the same paths over HTTP): phases, dependsOn, the concurrency bound, client-id
 * swaps, continuing past failures, and the create rules checked before a write is sent.
 */
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/apply-plan.ts';
import type { ApplyClient } from '../../src/apply/apply-plan.ts';
import { AltinnError } from '../../src/altinn/errors.ts';
import type { RegisterSystemRequest } from '../../src/model/wire.ts';
import type { LiveLookup } from '../../src/model/live-state.ts';
import { createPlan } from '../../src/plan/plan.ts';
import { DEFAULT_PLAN_SETTINGS } from '../../src/plan/plan-types.ts';
import type { Plan } from '../../src/plan/plan-types.ts';
import type { SystemSpec } from '../../src/model/system.ts';
import { buildDesired, buildLiveState, buildSpec, found, storeAsAltinn } from '../support/system-builders.ts';

interface Call {
  method: 'create' | 'update' | 'delete';
  id: string;
  clientId?: string[];
  started: number;
  ended?: number;
}

/** A client that records each call, keeps at most what a register would, and fails on request. */
function createRecordingClient(options: { delayMs?: number; failOn?: Set<string> } = {}) {
  const calls: Call[] = [];
  let clock = 0;
  let inFlight = 0;
  let peak = 0;
  const run = async (call: Omit<Call, 'started'>): Promise<void> => {
    const entry: Call = { ...call, started: (clock += 1) };
    calls.push(entry);
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 1));
    inFlight -= 1;
    entry.ended = clock += 1;
    if (options.failOn?.has(call.id)) {
      throw new AltinnError({
        status: 400,
        method: 'PUT',
        path: `/vendor/${call.id}`,
        body: JSON.stringify({ validationErrors: [{ code: 'AUTH.VLD-00004', title: 'client id taken' }] }),
        contentType: 'application/problem+json',
      });
    }
  };
  const client: ApplyClient = {
    async createSystem(body: RegisterSystemRequest) {
      await run({ method: 'create', id: body.id, clientId: body.clientId });
      return { internalId: 'guid', confirmedByRead: false };
    },
    async updateSystem(id: string, body: RegisterSystemRequest) {
      await run({ method: 'update', id, clientId: body.clientId });
    },
    async deleteSystem(id: string) {
      await run({ method: 'delete', id });
    },
  };
  return { client, calls, peak: () => peak };
}

function planFor(desired: SystemSpec[], live: SystemSpec[], deleted: SystemSpec[] = []): Plan {
  const systems: Record<string, LiveLookup> = {};
  for (const spec of live) systems[spec.id] = found(storeAsAltinn(spec));
  for (const spec of deleted) systems[spec.id] = found(storeAsAltinn(spec, { deleted: true }));
  return createPlan({
    desired: desired.map(buildDesired),
    live: buildLiveState(systems),
    settings: DEFAULT_PLAN_SETTINGS,
    environment: 'tt02',
  });
}

describe('applyPlan', () => {
  it('keeps at most `concurrency` changes in flight, and uses them', async () => {
    const specs = Array.from({ length: 30 }, (_, index) => buildSpec(`c${index}`));
    const { client, calls, peak } = createRecordingClient({ delayMs: 5 });
    const report = await applyPlan(planFor(specs, []), { client, concurrency: 4 });
    expect(report.counts).toEqual({ total: 30, applied: 30, skipped: 0, failed: 0 });
    expect(calls).toHaveLength(30);
    expect(peak()).toBe(4);
  });

  it('runs writes, then deletes, then claims of what the deletes released', async () => {
    const giver = buildSpec('giver', { clientId: ['moved', 'kept'] });
    const doomed = buildSpec('doomed', { clientId: ['freed'] });
    const plain = buildSpec('plain');
    const desired = [
      { ...giver, clientId: ['kept'] },
      { ...doomed, isDeleted: true },
      buildSpec('taker', { clientId: ['moved'] }),
      buildSpec('heir', { clientId: ['freed'] }),
      { ...plain, isVisible: false },
    ];
    const plan = planFor(desired, [giver, doomed, plain]);
    const { client, calls } = createRecordingClient();
    const report = await applyPlan(plan, { client, concurrency: 8 });
    expect(report.counts.applied).toBe(5);
    const at = (id: string) => calls.find((call) => call.id === `991825827_${id}`) as Call;
    expect(at('taker').started).toBeGreaterThan(at('giver').ended as number);
    for (const write of ['giver', 'taker', 'plain']) {
      expect(at('doomed').started).toBeGreaterThan(at(write).ended as number);
    }
    expect(at('heir').started).toBeGreaterThan(at('doomed').ended as number);
  });

  it('continues past a failed system and skips what waited for it', async () => {
    const giver = buildSpec('giver', { clientId: ['moved'] });
    const plan = planFor(
      [{ ...giver, clientId: [] }, buildSpec('taker', { clientId: ['moved'] }), buildSpec('other')],
      [giver],
    );
    const { client, calls } = createRecordingClient({ failOn: new Set(['991825827_giver']) });
    const report = await applyPlan(plan, { client });
    const byId = Object.fromEntries(report.results.map((result) => [result.systemId.split('_')[1], result]));
    expect(byId.giver).toMatchObject({ outcome: 'failed', status: 400, codes: ['AUTH.VLD-00004'] });
    expect(byId.taker).toMatchObject({ outcome: 'skipped', reason: 'dependency-not-applied' });
    expect(byId.other).toMatchObject({ outcome: 'applied' });
    expect(calls.map((call) => call.id).sort()).toEqual(['991825827_giver', '991825827_other']);
    expect(report.counts).toEqual({ total: 3, applied: 1, skipped: 1, failed: 1 });
  });

  it('swaps client ids between two systems in three writes instead of deadlocking', async () => {
    const left = buildSpec('left', { clientId: ['a', 'shared'] });
    const right = buildSpec('right', { clientId: ['b'] });
    const plan = planFor(
      [
        { ...left, clientId: ['b', 'shared'] },
        { ...right, clientId: ['a'] },
      ],
      [left, right],
    );
    expect(plan.changes.map((change) => change.dependsOn.length)).toEqual([1, 1]);
    const { client, calls } = createRecordingClient();
    const report = await applyPlan(plan, { client });
    expect(report.counts.applied).toBe(2);
    // One of them first writes only the ids it keeps (releasing what the other wants), the other
    // then takes it, and the first finally takes the rest. No write claims an id held elsewhere.
    expect(calls).toHaveLength(3);
    const holders = new Map<string, string>([
      ['a', left.id],
      ['shared', left.id],
      ['b', right.id],
    ]);
    for (const call of calls) {
      for (const id of call.clientId ?? [])
        expect(holders.get(id) ?? call.id, `${call.id} claims ${id}`).toBe(call.id);
      for (const [id, holder] of [...holders]) if (holder === call.id) holders.delete(id);
      for (const id of call.clientId ?? []) holders.set(id, call.id);
    }
    expect(Object.fromEntries(holders)).toEqual({ a: right.id, b: left.id, shared: left.id });
    expect(calls[0]?.id).toBe(calls[2]?.id);
    const twice = report.results.find((result) => result.systemId === calls[0]?.id);
    expect(twice?.message).toContain('two writes');
  });

  it('sends no write the plan does not hold: updates that wait on each other without an interim write are skipped', async () => {
    const left = buildSpec('left', { clientId: ['a'] });
    const right = buildSpec('right', { clientId: ['b'] });
    const plan = planFor(
      [
        { ...left, clientId: ['b'] },
        { ...right, clientId: ['a'] },
      ],
      [left, right],
    );
    const { interimRelease: _planned, ...unbroken } = plan.changes.find((change) => change.interimRelease)!;
    const handMade = {
      ...plan,
      changes: plan.changes.map((change) => (change.systemId === unbroken.systemId ? unbroken : change)),
    };
    const { client, calls } = createRecordingClient();
    const report = await applyPlan(handMade, { client });
    expect(calls).toEqual([]);
    expect(report.results.map((result) => result.reason)).toEqual([
      'dependency-not-applied',
      'dependency-not-applied',
    ]);
  });

  it('carries out deletes and skips blocked changes: whether deletes may run was decided before', async () => {
    const doomed = buildSpec('doomed');
    const burned = buildSpec('burned');
    const plan = planFor([{ ...doomed, isDeleted: true }, burned, buildSpec('fresh')], [doomed], [burned]);
    const { client, calls } = createRecordingClient();
    const report = await applyPlan(plan, { client });
    expect(
      report.results.map((result) => `${result.action} ${result.outcome} ${result.reason ?? ''}`),
    ).toEqual(['create applied ', 'delete applied ', 'blocked skipped blocked']);
    expect(calls.map((call) => call.method)).toEqual(['create', 'delete']);
  });

  it('stops starting changes once aborted and reports the rest as stopped', async () => {
    const specs = Array.from({ length: 10 }, (_, index) => buildSpec(`s${index}`));
    const controller = new AbortController();
    const { client, calls } = createRecordingClient({ delayMs: 2 });
    const report = await applyPlan(planFor(specs, []), {
      client,
      concurrency: 2,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.done === 2) controller.abort();
      },
    });
    expect(calls.length).toBeLessThan(10);
    expect(report.counts.skipped).toBe(10 - calls.length);
    expect(report.results.filter((result) => result.reason === 'aborted')).toHaveLength(10 - calls.length);
  });
});
