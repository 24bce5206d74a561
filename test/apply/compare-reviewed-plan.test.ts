/** The reviewed-plan check tells progress (a reviewed change already true in Altinn) from staleness. */
import { describe, expect, it } from 'vitest';
import { compareWithReviewedPlan } from '../../src/apply/compare-reviewed-plan.ts';
import type { SystemSpec } from '../../src/model/system.ts';
import type { LiveState } from '../../src/model/live-state.ts';
import { createPlan } from '../../src/plan/plan.ts';
import { DEFAULT_PLAN_SETTINGS } from '../../src/plan/plan-types.ts';
import { buildDesired, buildLiveState, buildSpec, found, storeAsAltinn } from '../support/system-builders.ts';

function planFor(specs: SystemSpec[], live: LiveState) {
  return createPlan({
    desired: specs.map(buildDesired),
    live,
    settings: DEFAULT_PLAN_SETTINGS,
    environment: 'tt02',
  });
}

const ESCAPED = ['https://kvittering.example/v%c3%a6r/cb', 'https://kvittering.example/%7Euser'];

describe('compareWithReviewedPlan', () => {
  it('counts a reviewed update that Altinn already holds as done, escapes and set order aside', () => {
    const before = buildSpec('done', { clientId: ['a'] });
    const after = { ...before, clientId: ['b', 'a'], allowedRedirectUrls: ESCAPED };
    const reviewed = planFor([after], buildLiveState({ [before.id]: found(storeAsAltinn(before)) }));
    expect(reviewed.changes.map((change) => change.action)).toEqual(['update']);
    // A run cut short got this far: Altinn holds the update (lists reordered, URLs unescaped).
    const live = buildLiveState({ [before.id]: found(storeAsAltinn(after)) });
    const fresh = planFor([after], live);
    expect(fresh.changes).toEqual([]);
    expect(compareWithReviewedPlan(reviewed, fresh, live).differences).toEqual([]);
  });

  it('finds a reviewed update that was never applied stale when git now agrees with Altinn', () => {
    const before = buildSpec('undone', { clientId: ['a'] });
    const after = { ...before, clientId: ['a', 'b'] };
    const live = buildLiveState({ [before.id]: found(storeAsAltinn(before)) });
    const reviewed = planFor([after], live);
    // git went back to what Altinn holds: nothing to do now, and the reviewed update is not done.
    const fresh = planFor([before], live);
    expect(fresh.changes).toEqual([]);
    expect(compareWithReviewedPlan(reviewed, fresh, live).differences).toEqual([
      { systemId: before.id, reviewed: 'update (clientId)', now: 'nothing (in sync)' },
    ]);
  });

  it('finds a reviewed create stale when another system now stands under its id', () => {
    const wanted = buildSpec('new', { clientId: ['x'] });
    const reviewed = planFor([wanted], buildLiveState({}));
    const other = { ...wanted, clientId: ['y'] };
    const live = buildLiveState({ [wanted.id]: found(storeAsAltinn(other)) });
    const fresh = planFor([other], live);
    expect(compareWithReviewedPlan(reviewed, fresh, live).differences).toEqual([
      { systemId: wanted.id, reviewed: 'create', now: 'nothing (in sync)' },
    ]);
  });
});
