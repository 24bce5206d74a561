/**
 * What the reviewed-plan check covers and how it words a difference: every system the reviewed plan
 * names (changes, in-sync and unmanaged ones), in id order; progress (a reviewed delete or write
 * already true in Altinn) is no difference; anything else says what was reviewed and what is now.
 */
import { describe, expect, it } from 'vitest';
import { compareWithReviewedPlan } from '../../src/apply/compare-reviewed-plan.ts';
import type { LiveLookup, LiveState } from '../../src/model/live-state.ts';
import type { SystemSpec } from '../../src/model/system.ts';
import { createPlan } from '../../src/plan/plan.ts';
import { DEFAULT_PLAN_SETTINGS } from '../../src/plan/plan-types.ts';
import type { Plan } from '../../src/plan/plan-types.ts';
import { buildDesired, buildLiveState, buildSpec, found, storeAsAltinn } from '../support/system-builders.ts';

function planFor(desired: SystemSpec[], live: LiveState): Plan {
  return createPlan({
    desired: desired.map(buildDesired),
    live,
    settings: DEFAULT_PLAN_SETTINGS,
    environment: 'tt02',
  });
}

const synced = buildSpec('synced');
const edited = buildSpec('edited');
const loose = buildSpec('loose');
const doomed = buildSpec('doomed');

const before: Record<string, LiveLookup> = {
  [synced.id]: found(storeAsAltinn(synced)),
  [edited.id]: found(storeAsAltinn(edited)),
  [loose.id]: found(storeAsAltinn(loose)),
  [doomed.id]: found(storeAsAltinn(doomed)),
};

describe('compareWithReviewedPlan, coverage and words', () => {
  it('covers changes, in-sync and unmanaged systems, and no other', () => {
    const live = buildLiveState(before);
    const reviewed = planFor([synced, { ...edited, isVisible: false }], live);
    expect(reviewed.unmanaged.map((system) => system.systemId).sort()).toEqual([doomed.id, loose.id].sort());
    const { coveredIds, differences } = compareWithReviewedPlan(reviewed, reviewed, live);
    expect([...coveredIds].sort()).toEqual([doomed.id, edited.id, loose.id, synced.id].sort());
    expect(differences).toEqual([]);
  });

  it('finds every covered system that moved, in id order, saying what each was and is', () => {
    const live = buildLiveState(before);
    const reviewed = planFor([synced, { ...edited, isVisible: false }], live);
    // Now git also changes the in-sync system, describes the unmanaged one and deletes another.
    const fresh = planFor(
      [
        { ...synced, isVisible: false },
        { ...edited, isVisible: false },
        { ...loose, isVisible: false },
        { ...doomed, isDeleted: true },
      ],
      live,
    );
    expect(compareWithReviewedPlan(reviewed, fresh, live).differences).toEqual([
      { systemId: doomed.id, reviewed: 'nothing (unmanaged)', now: 'delete' },
      { systemId: loose.id, reviewed: 'nothing (unmanaged)', now: 'update (isVisible)' },
      { systemId: synced.id, reviewed: 'nothing (in sync)', now: 'update (isVisible)' },
    ]);
  });

  it('says which fields took other values when the same change has another substance', () => {
    const live = buildLiveState(before);
    const reviewed = planFor([{ ...edited, isVisible: false, name: { ...edited.name, en: 'A' } }], live);
    const fresh = planFor([{ ...edited, isVisible: false, name: { ...edited.name, en: 'B' } }], live);
    expect(compareWithReviewedPlan(reviewed, fresh, live).differences).toEqual([
      {
        systemId: edited.id,
        reviewed: 'update (name, isVisible)',
        now: 'update (name, isVisible), with other values for name (Altinn or git changed since review)',
      },
    ]);
  });

  it('names git when only the request body or file moved', () => {
    const live = buildLiveState(before);
    const reviewed = planFor([{ ...edited, isVisible: false }], live);
    const moved = buildDesired({ ...edited, isVisible: false });
    const fresh = createPlan({
      desired: [{ ...moved, file: 'systems/elsewhere.yaml' }],
      live,
      settings: DEFAULT_PLAN_SETTINGS,
      environment: 'tt02',
    });
    expect(compareWithReviewedPlan(reviewed, fresh, live).differences).toEqual([
      {
        systemId: edited.id,
        reviewed: 'update (isVisible)',
        now: 'update (isVisible), with another request body or file (git changed since review)',
      },
    ]);
  });

  it('counts a reviewed delete that happened as done, and one that did not as stale', () => {
    const live = buildLiveState(before);
    const reviewed = planFor([{ ...doomed, isDeleted: true }], live);
    expect(reviewed.changes.map((change) => change.action)).toEqual(['delete']);
    const afterDelete = buildLiveState({
      ...before,
      [doomed.id]: found(storeAsAltinn(doomed, { deleted: true })),
    });
    const fresh = planFor([{ ...doomed, isDeleted: true }], afterDelete);
    expect(compareWithReviewedPlan(reviewed, fresh, afterDelete).differences).toEqual([]);

    // git dropped the tombstone and Altinn still has the system: the delete is not done.
    const undone = planFor([], live);
    expect(compareWithReviewedPlan(reviewed, undone, live).differences).toEqual([
      { systemId: doomed.id, reviewed: 'delete', now: 'nothing (unmanaged)' },
    ]);
    // The system can no longer be read: nothing shows the delete happened.
    const unreadable = buildLiveState({ ...before, [doomed.id]: { status: 'forbidden' } });
    expect(compareWithReviewedPlan(reviewed, planFor([], unreadable), unreadable).differences).toEqual([
      { systemId: doomed.id, reviewed: 'delete', now: 'nothing (not in the plan)' },
    ]);
  });

  it('counts a reviewed create as done only when Altinn holds its body, not merely the id', () => {
    const fresh = buildSpec('fresh');
    const empty = buildLiveState({});
    const reviewed = planFor([fresh], empty);
    const landed = buildLiveState({ [fresh.id]: found(storeAsAltinn(fresh)) });
    expect(compareWithReviewedPlan(reviewed, planFor([fresh], landed), landed).differences).toEqual([]);
    const tombstoned = buildLiveState({ [fresh.id]: found(storeAsAltinn(fresh, { deleted: true })) });
    const burned = planFor([{ ...fresh, isDeleted: true }], tombstoned);
    expect(compareWithReviewedPlan(reviewed, burned, tombstoned).differences).toEqual([
      { systemId: fresh.id, reviewed: 'create', now: 'nothing (already deleted)' },
    ]);
  });

  it('words a blocked change with its reason, and never counts it as done', () => {
    const burnedSpec = buildSpec('burned');
    const live = buildLiveState({ [burnedSpec.id]: found(storeAsAltinn(burnedSpec, { deleted: true })) });
    const reviewed = planFor([burnedSpec], live);
    expect(reviewed.changes.map((change) => change.action)).toEqual(['blocked']);
    const fresh = planFor([{ ...burnedSpec, isDeleted: true }], live);
    expect(compareWithReviewedPlan(reviewed, fresh, live).differences).toEqual([
      { systemId: burnedSpec.id, reviewed: 'blocked (id-burned)', now: 'nothing (already deleted)' },
    ]);
  });
});
