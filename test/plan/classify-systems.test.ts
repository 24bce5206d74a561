/**
 * Plan and drift are two views of one classification: a system the plan will not touch because it is
 * another vendor's is not drift to compare field by field, and the reverse.
 */
import { describe, expect, it } from 'vitest';
import { createDriftReport } from '../../src/plan/drift.ts';
import { createPlan } from '../../src/plan/plan.ts';
import { DEFAULT_PLAN_SETTINGS } from '../../src/plan/plan-types.ts';
import type { LiveLookup } from '../../src/model/live-state.ts';
import type { SystemSpec } from '../../src/model/system.ts';
import { buildDesired, buildLiveState, buildSpec, found, storeAsAltinn } from '../support/system-builders.ts';

const OTHER_VENDOR = { ID: '0192:999999999' };

interface Case {
  about: string;
  spec: SystemSpec;
  live: LiveLookup | undefined;
}

const renamed = (spec: SystemSpec): SystemSpec => ({
  ...spec,
  name: { ...spec.name, en: 'Renamed in Altinn' },
});

const theirs = buildSpec('theirs', { vendor: OTHER_VENDOR });
const taken = buildSpec('taken');

const FOREIGN: Case[] = [
  {
    about: 'the file names a vendor sysreg does not run as, and Altinn shows that vendor a changed system',
    spec: theirs,
    live: found(storeAsAltinn(renamed(theirs))),
  },
  {
    about: 'the file names a vendor sysreg does not run as, and Altinn has nothing',
    spec: theirs,
    live: undefined,
  },
  {
    about: 'the id holds another vendor’s system in Altinn',
    spec: taken,
    live: found(storeAsAltinn({ ...renamed(taken), vendor: OTHER_VENDOR })),
  },
  { about: 'Altinn refuses to show the id (403)', spec: taken, live: { status: 'forbidden' } },
];

function views(testCase: Case, isDeleted = false) {
  const input = {
    desired: [buildDesired({ ...testCase.spec, isDeleted })],
    live: buildLiveState(testCase.live ? { [testCase.spec.id]: testCase.live } : {}),
    settings: DEFAULT_PLAN_SETTINGS,
    environment: 'tt02',
  };
  return { plan: createPlan(input), drift: createDriftReport(input) };
}

describe('one classification for plan and drift', () => {
  for (const testCase of FOREIGN) {
    it(`treats a foreign-vendor system alike in both: ${testCase.about}`, () => {
      const { plan, drift } = views(testCase);
      expect(plan.changes.map((change) => [change.action, change.blocked?.reason])).toEqual([
        ['blocked', 'foreign-vendor'],
      ]);
      // Drift does not compare another vendor's fields: this vendor's system is simply not there.
      expect(drift.items.map((item) => [item.kind, item.fields])).toEqual([['missing-in-altinn', []]]);
      expect(drift.items[0]?.detail).toBe(plan.changes[0]?.blocked?.message);
    });

    it(`has nothing to do and no drift for a tombstone: ${testCase.about}`, () => {
      const { plan, drift } = views(testCase, true);
      expect(plan.changes).toEqual([]);
      expect(plan.unchanged.map((system) => system.note)).toEqual(['never-created']);
      expect(drift.items).toEqual([]);
    });
  }
});
