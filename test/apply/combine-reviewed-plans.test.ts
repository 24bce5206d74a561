/**
 * A sync that applies several merged pull requests holds each system to the last reviewed plan that
 * changed it, or to what the last plan saw; the combined plan counts what it holds and is safe only
 * when every plan was.
 */
import { describe, expect, it } from 'vitest';
import { combineReviewedPlans } from '../../src/apply/combine-reviewed-plans.ts';
import type { LiveLookup } from '../../src/model/live-state.ts';
import type { SystemSpec } from '../../src/model/system.ts';
import { createPlan } from '../../src/plan/plan.ts';
import { DEFAULT_PLAN_SETTINGS } from '../../src/plan/plan-types.ts';
import type { Plan } from '../../src/plan/plan-types.ts';
import { buildDesired, buildLiveState, buildSpec, found, storeAsAltinn } from '../support/system-builders.ts';

const kept = buildSpec('kept');
const edited = buildSpec('edited');
const added = buildSpec('added');
const foreign = buildSpec('foreign');
const live: Record<string, LiveLookup> = {
  [kept.id]: found(storeAsAltinn(kept)),
  [edited.id]: found(storeAsAltinn(edited)),
  [foreign.id]: found(storeAsAltinn(foreign)),
};

function planFor(desired: SystemSpec[], commit: string): Plan {
  return createPlan({
    desired: desired.map(buildDesired),
    live: buildLiveState(live),
    settings: DEFAULT_PLAN_SETTINGS,
    environment: 'tt02',
    commit,
  });
}

describe('combineReviewedPlans', () => {
  it('needs a plan, and one plan is itself', () => {
    expect(() => combineReviewedPlans([])).toThrow('combineReviewedPlans needs at least one plan');
    const only = planFor([kept], 'c1');
    expect(combineReviewedPlans([only])).toBe(only);
  });

  it('holds each system to the last plan that changed it, and the rest to what the last plan saw', () => {
    // First pull request: edits `edited` and adds `added`; `kept` is in sync, `foreign` unmanaged.
    const first = planFor([kept, { ...edited, isVisible: false }, added], 'c1');
    // Second: edits `edited` again (another value) and leaves `added` out; `kept` is in sync.
    const second = planFor([kept, { ...edited, name: { ...edited.name, en: 'Renamed' } }], 'c2');
    const combined = combineReviewedPlans([first, second]);

    const changeOf = (plan: Plan, id: string) => plan.changes.find((change) => change.systemId === id);
    const bySystem = [...combined.changes].sort((a, b) => a.systemId.localeCompare(b.systemId));
    expect(bySystem).toEqual([changeOf(first, added.id), changeOf(second, edited.id)]);
    expect(combined.unchanged).toEqual([
      { systemId: kept.id, file: `systems/${kept.id}.yaml`, note: 'in-sync' },
    ]);
    expect(combined.unmanaged.map((system) => system.systemId)).toEqual([foreign.id]);
    expect(combined.counts).toEqual({
      create: 1,
      update: 1,
      delete: 0,
      blocked: 0,
      noop: 1,
      unmanaged: 1,
      changes: 2,
    });
    expect(combined.checksum).toBe(`${first.checksum}+${second.checksum}`);
    expect(combined.commit).toBe('c2');
    expect(combined.safety).toEqual({ safe: true, reasons: [] });
  });

  it('a system one plan changed and a later one found in sync is held to the change', () => {
    const first = planFor([{ ...kept, isVisible: false }], 'c1');
    const second = planFor([kept], 'c2');
    const combined = combineReviewedPlans([first, second]);
    expect(combined.changes.map((change) => change.systemId)).toEqual([kept.id]);
    expect(combined.unchanged).toEqual([]);
    expect(combined.counts).toMatchObject({ update: 1, noop: 0, changes: 1 });
  });

  it('counts deletes and blocked changes, and is unsafe when any plan was, with every reason', () => {
    const deleting = planFor([{ ...kept, isDeleted: true }], 'c1');
    const burned = createPlan({
      desired: [buildDesired(added)],
      live: buildLiveState({ [added.id]: found(storeAsAltinn(added, { deleted: true })) }),
      settings: DEFAULT_PLAN_SETTINGS,
      environment: 'tt02',
    });
    const unsafe: Plan = { ...burned, safety: { safe: false, reasons: ['Too much.'] } };
    const combined = combineReviewedPlans([deleting, unsafe]);
    expect(combined.counts).toMatchObject({ delete: 1, blocked: 1, changes: 2, create: 0, update: 0 });
    expect(combined.safety).toEqual({ safe: false, reasons: ['Too much.'] });
    const bothUnsafe = combineReviewedPlans([
      unsafe,
      { ...deleting, safety: { safe: false, reasons: ['Also.'] } },
    ]);
    expect(bothUnsafe.safety).toEqual({ safe: false, reasons: ['Too much.', 'Also.'] });
  });
});
