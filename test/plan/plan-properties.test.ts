import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LiveLookup } from '../../src/model/live-state.ts';
import { createDriftReport } from '../../src/plan/drift.ts';
import { createPlan } from '../../src/plan/plan.ts';
import type { PlanInput } from '../../src/plan/plan-types.ts';
import { renderPlanJson } from '../../src/plan/render-json.ts';
import { DEFAULT_SAFETY_SETTINGS } from '../../src/plan/safety.ts';
import type { SystemSpec } from '../../src/model/system.ts';
import { buildDesired, buildLiveState, found, storeAsAltinn, VENDOR_ID } from '../support/system-builders.ts';

const NAMES = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'];
// Spellings that Altinn stores differently from how they are written, and one that is not a URL.
const URLS = [
  'https://app.example.no',
  'https://APP.example.no:443/cb',
  'https://app.example.no/my%20path',
  'https://app.example.no/~user?x=1',
  'https://app.example.no/%7Etilde',
  'https://app.example.no/cb?next=%2Fhome%26a%3D1%23x',
  'https://app.example.no/%C3%A6%C3%B8',
  'app.example.no/not-a-url',
];
const RESOURCES = ['ske-krav-og-betalinger', 'app_skd_mva', 'nav-aa-register'];
const PACKAGES = ['urn:altinn:accesspackage:skattegrunnlag', 'urn:altinn:accesspackage:regnskapsforer-lonn'];

const languageMapArbitrary = fc
  .record({ nb: fc.string(), nn: fc.string(), en: fc.string() })
  .chain((map) =>
    fc.option(fc.string(), { nil: undefined }).map((se) => (se === undefined ? map : { ...map, se })),
  );

function specArbitrary(name: string): fc.Arbitrary<SystemSpec> {
  return fc.record({
    id: fc.constant(`991825827_${name}`),
    vendor: fc.constant({ ID: VENDOR_ID }),
    name: languageMapArbitrary,
    description: languageMapArbitrary,
    rights: fc.uniqueArray(
      fc.record(
        {
          action: fc.constantFrom('read', 'write'),
          resource: fc.constantFrom(...RESOURCES).map((value) => [{ id: 'urn:altinn:resource', value }]),
        },
        { requiredKeys: ['resource'] },
      ),
      { maxLength: 3, selector: (right) => JSON.stringify(right) },
    ),
    accessPackages: fc.subarray(PACKAGES).map((urns) => urns.map((urn) => ({ urn }))),
    // Client ids are unique per system, as validation guarantees across files.
    clientId: fc.subarray([`${name}-1`, `${name}-2`, `${name}-3`]),
    allowedRedirectUrls: fc.subarray(URLS),
    isVisible: fc.boolean(),
    isDeleted: fc.boolean(),
  });
}

const specsArbitrary = fc
  .subarray(NAMES, { minLength: 1 })
  .chain((names) => fc.tuple(...names.map((name) => specArbitrary(name))));

function liveFromDesired(specs: SystemSpec[], absentTombstones: boolean[]): Record<string, LiveLookup> {
  const systems: Record<string, LiveLookup> = {};
  specs.forEach((spec, index) => {
    if (spec.isDeleted && absentTombstones[index]) systems[spec.id] = { status: 'absent' };
    else systems[spec.id] = found(storeAsAltinn(spec, { deleted: spec.isDeleted }));
  });
  return systems;
}

function input(desired: SystemSpec[], systems: Record<string, LiveLookup>, prune: boolean): PlanInput {
  return {
    desired: desired.map(buildDesired),
    live: buildLiveState(systems),
    settings: { prune, safety: DEFAULT_SAFETY_SETTINGS },
    environment: 'tt02',
    commit: 'abc',
  };
}

function shuffleInput(planInput: PlanInput, order: number[]): PlanInput {
  const permute = <T>(items: T[]): T[] =>
    items
      .map((item, index) => ({ item, key: order[index % order.length] ?? 0 }))
      .sort((a, b) => a.key - b.key)
      .map((x) => x.item);
  return {
    ...planInput,
    desired: permute(planInput.desired),
    live: {
      ...planInput.live,
      listedIds: permute(planInput.live.listedIds),
      systems: Object.fromEntries(permute(Object.entries(planInput.live.systems))),
    },
  };
}

describe('plan properties', () => {
  it('is empty for desired against a live state Altinn would store from it', () => {
    fc.assert(
      fc.property(specsArbitrary, fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (specs, absent) => {
        const plan = createPlan(input(specs, liveFromDesired(specs, absent), false));
        expect(plan.changes).toEqual([]);
        expect(plan.counts.changes).toBe(0);
        expect(plan.counts.noop).toBe(specs.length);
      }),
    );
  });

  it('gives the same plan and checksum for the same input, in any order', () => {
    fc.assert(
      fc.property(
        specsArbitrary,
        specsArbitrary,
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fc.boolean(),
        fc.array(fc.integer(), { minLength: 1, maxLength: 12 }),
        (desired, liveSpecs, deleted, prune, order) => {
          const systems: Record<string, LiveLookup> = {};
          liveSpecs.forEach((spec, index) => {
            systems[spec.id] = found(storeAsAltinn(spec, { deleted: deleted[index] ?? false }));
          });
          const planInput = input(desired, systems, prune);
          const first = createPlan(planInput);
          const again = createPlan(planInput);
          const shuffled = createPlan(shuffleInput(planInput, order));
          expect(again.checksum).toBe(first.checksum);
          expect(shuffled.checksum).toBe(first.checksum);
          expect(renderPlanJson(shuffled)).toBe(renderPlanJson(first));
        },
      ),
    );
  });

  it('orders every change after its phase and the changes it depends on', () => {
    fc.assert(
      fc.property(specsArbitrary, specsArbitrary, fc.boolean(), (desired, liveSpecs, prune) => {
        // Live systems hold client ids the desired side moves around.
        const systems: Record<string, LiveLookup> = {};
        liveSpecs.forEach((spec, index) => {
          const moved = { ...spec, clientId: [...spec.clientId, `${NAMES[(index + 1) % NAMES.length]}-1`] };
          systems[spec.id] = found(storeAsAltinn(moved));
        });
        const plan = createPlan(input(desired, systems, prune));
        const position = new Map(plan.changes.map((change, index) => [change.systemId, index]));
        const phases = plan.changes.map((change) => change.phase);
        // Phases run in order 1, 2, 3; blocked (0) come last and are never applied.
        expect(phases).toEqual([...phases].sort((a, b) => (a === 0 ? 4 : a) - (b === 0 ? 4 : b)));
        for (const [index, change] of plan.changes.entries()) {
          expect(change.phase).toBe(
            change.action === 'blocked' ? 0 : change.action === 'delete' ? 2 : change.phase === 3 ? 3 : 1,
          );
          if (change.phase === 3) {
            const waitsForDelete = change.dependsOn.some((id) => {
              const phase = plan.changes[position.get(id) ?? -1]?.phase;
              return phase === 2 || phase === 3;
            });
            expect(waitsForDelete).toBe(true);
          }
          for (const dependency of change.dependsOn) {
            expect(position.get(dependency)).toBeLessThan(index);
            const target = plan.changes[position.get(dependency) ?? -1];
            expect(target?.phase).toBeLessThanOrEqual(change.phase);
            expect(target?.phase).not.toBe(0);
          }
        }
      }),
      // Cycles need two deletes releasing to two writes; enough runs to meet that shape.
      { numRuns: 400 },
    );
  });
});

describe('seeded drift', () => {
  type SeedField =
    'name' | 'description' | 'clientId' | 'allowedRedirectUrls' | 'isVisible' | 'rights' | 'accessPackages';
  const seedArbitrary: fc.Arbitrary<SeedField> = fc.constantFrom(
    'name',
    'description',
    'clientId',
    'allowedRedirectUrls',
    'isVisible',
    'rights',
    'accessPackages',
  );

  /** Changes one field the way someone editing in Altinn's portal or API would. */
  function seedDrift(spec: SystemSpec, field: SeedField): SystemSpec {
    switch (field) {
      case 'name':
      case 'description':
        return { ...spec, [field]: { ...spec[field], en: `${spec[field].en ?? ''} (edited in Altinn)` } };
      case 'clientId':
        return { ...spec, clientId: [...spec.clientId, 'seeded-client'] };
      case 'allowedRedirectUrls':
        return { ...spec, allowedRedirectUrls: [...spec.allowedRedirectUrls, 'https://seeded.example.no/'] };
      case 'isVisible':
        return { ...spec, isVisible: !spec.isVisible };
      case 'rights':
        return {
          ...spec,
          rights: [...spec.rights, { resource: [{ id: 'urn:altinn:resource', value: 'seeded' }] }],
        };
      case 'accessPackages':
        return {
          ...spec,
          accessPackages: [...spec.accessPackages, { urn: 'urn:altinn:accesspackage:seeded' }],
        };
    }
  }

  it('shows exactly the seeded difference, in drift and in the plan', () => {
    fc.assert(
      fc.property(specsArbitrary, fc.nat(), seedArbitrary, (generated, pick, field) => {
        const specs = generated.map((spec) => ({ ...spec, isDeleted: false }));
        const target = specs[pick % specs.length] as SystemSpec;
        const systems = liveFromDesired(specs, []);
        systems[target.id] = found(storeAsAltinn(seedDrift(target, field)));
        const planInput = input(specs, systems, false);
        const report = createDriftReport(planInput);
        expect(report.items.map((item) => [item.systemId, item.kind])).toEqual([
          [target.id, 'changed-outside-git'],
        ]);
        expect(report.items[0]?.fields.map((change) => change.field)).toEqual([field]);
        const plan = createPlan(planInput);
        expect(plan.changes.map((change) => [change.systemId, change.action])).toEqual([
          [target.id, 'update'],
        ]);
        expect(plan.changes[0]?.fields.map((change) => change.field)).toEqual([field]);
      }),
    );
  });
});
