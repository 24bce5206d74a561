import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalFromLive, canonicalFromSpec, normaliseRedirectUrl } from '../../src/model/canonical.ts';
import { diffCanonicalSystems } from '../../src/model/diff.ts';
import { buildSpec, storeAsAltinn, storeUrlAsDotNet } from '../support/system-builders.ts';

describe('normaliseRedirectUrl', () => {
  it.each([
    ['https://altinn.no', 'https://altinn.no/'],
    ['https://ALTINN.no:443/Path', 'https://altinn.no/Path'],
    ['https://altinn.no:8443/a', 'https://altinn.no:8443/a'],
    ['https://altinn.no/a%20b', 'https://altinn.no/a%20b'],
    ['https://altinn.no/a b', 'https://altinn.no/a%20b'],
    ['https://altinn.no/%7euser', 'https://altinn.no/~user'],
    ['https://altinn.no/x?q=a%2fb', 'https://altinn.no/x?q=a/b'],
    ['https://altinn.no/x?q=a%23b%3f%25', 'https://altinn.no/x?q=a%23b%3F%25'],
    ['https://altinn.no/%C3%A6%C3%B8%C3%A5', 'https://altinn.no/%C3%A6%C3%B8%C3%A5'],
    ['https://altinn.no/æøå', 'https://altinn.no/%C3%A6%C3%B8%C3%A5'],
    ['https://altinn.no/bad%FFescape', 'https://altinn.no/bad%FFescape'],
    ['vg.no', 'vg.no'],
    ['not a url at all', 'not a url at all'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseRedirectUrl(input)).toBe(expected);
  });

  it('is idempotent, and meets the .NET spelling, for any URL', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string()),
        (url) => {
          const once = normaliseRedirectUrl(url);
          expect(normaliseRedirectUrl(once)).toBe(once);
          expect(normaliseRedirectUrl(storeUrlAsDotNet(url))).toBe(once);
        },
      ),
    );
  });

  it('meets .NET Uri.ToString() for the same URL', () => {
    for (const url of [
      'https://Altinn.no',
      'https://altinn.no/my%20app/cb?x=1',
      'https://altinn.no/%7Eu',
      'https://altinn.no/cb?next=%2Fhome%26x%3D1',
      'https://altinn.no/%C3%A6?q=%23frag',
    ]) {
      expect(normaliseRedirectUrl(storeUrlAsDotNet(url))).toBe(normaliseRedirectUrl(url));
    }
  });
});

describe('canonical form', () => {
  it('treats missing lists as empty, ignores order, duplicates and vendor.authority', () => {
    const spec = buildSpec('alpha', {
      rights: [],
      accessPackages: [],
      clientId: ['b', 'a', 'a'],
      vendor: { ID: '0192:991825827', authority: 'iso6523-actorid-upis' } as { ID: string },
    });
    const live = storeAsAltinn({ ...spec, clientId: ['a', 'b'] });
    expect(live.rights).toBeUndefined();
    const desired = canonicalFromSpec(spec);
    expect(desired.clientId).toEqual(['a', 'b']);
    expect(desired.vendor).toEqual({ ID: '0192:991825827' });
    expect(canonicalFromLive(live)).toEqual(desired);
  });

  it('compares language maps as maps, but an added language is a change', () => {
    const spec = buildSpec('alpha');
    const reordered = canonicalFromLive(storeAsAltinn(spec));
    expect(diffCanonicalSystems(reordered, canonicalFromSpec(spec))).toEqual([]);
    const extra = canonicalFromSpec({ ...spec, name: { ...spec.name, se: 'Sámi' } });
    expect(diffCanonicalSystems(reordered, extra)).toEqual([
      { field: 'name', kind: 'languageMap', before: reordered.name, after: extra.name },
    ]);
  });

  it('keeps the order of attribute pairs inside a right, and an action distinguishes rights', () => {
    const pairs = [
      { id: 'urn:altinn:resource', value: 'a' },
      { id: 'urn:altinn:resource', value: 'b' },
    ];
    const one = canonicalFromSpec(buildSpec('x', { rights: [{ resource: pairs }] }));
    const swapped = canonicalFromSpec(buildSpec('x', { rights: [{ resource: [...pairs].reverse() }] }));
    const withAction = canonicalFromSpec(buildSpec('x', { rights: [{ action: 'read', resource: pairs }] }));
    expect(diffCanonicalSystems(one, swapped).map((c) => c.field)).toEqual(['rights']);
    const change = diffCanonicalSystems(one, withAction)[0];
    expect(change?.added).toEqual([{ action: 'read', resource: pairs }]);
    expect(change?.removed).toEqual([{ resource: pairs }]);
  });
});

describe('a partial live system', () => {
  it('plans without crashing when Altinn leaves out lists and the vendor', async () => {
    const { createPlan } = await import('../../src/plan/plan.ts');
    const { DEFAULT_PLAN_SETTINGS } = await import('../../src/plan/plan-types.ts');
    const spec = buildSpec('alpha');
    const partial = {
      id: spec.id,
      name: spec.name,
      description: spec.description,
      isDeleted: false,
      isVisible: true,
    };
    const plan = createPlan({
      desired: [
        {
          spec,
          file: `systems/${spec.id}.yaml`,
          fieldPositions: {},
        },
      ],
      live: {
        environment: 'tt02',
        vendorOrgNumber: '991825827',
        listedIds: [spec.id],
        systems: { [spec.id]: { status: 'found', system: partial as never } },
      },
      settings: DEFAULT_PLAN_SETTINGS,
      environment: 'tt02',
    });
    expect(plan.changes.map((change) => [change.action, change.blocked?.reason])).toEqual([
      ['blocked', 'foreign-vendor'],
    ]);
  });
});
