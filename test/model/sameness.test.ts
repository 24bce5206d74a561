/**
 * "Is this the same?" has one answer: the canonical comparison. The create read-back, the
 * reviewed-plan check and the local Altinn's stored form ask it through `holdsRequest` and
 * `storedRedirectUrl`; these tests hold them to the canonical diff the planner uses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalFromLive,
  canonicalFromRequest,
  canonicalFromSpec,
  holdsRequest,
  listDifferingFields,
  normaliseRedirectUrl,
  storedRedirectUrl,
} from '../../src/model/canonical.ts';
import { diffCanonicalSystems } from '../../src/model/diff.ts';
import type { SystemSpec } from '../../src/model/system.ts';
import { buildRegisterRequest } from '../../src/plan/request-body.ts';
import { buildSpec, storeAsAltinn, storeUrlAsDotNet } from '../support/system-builders.ts';

/** Escapes Altinn decodes when it stores a URL (issue #15). */
const ESCAPED_URLS = [
  'https://kvittering.example/v%c3%a6r/cb',
  'https://kvittering.example/%7Euser/cb',
  'https://kvittering.example/%41pp/cb',
  'https://kvittering.example/x%2Fy',
];

describe('one canonical comparison', () => {
  it('finds a stored system the same as its body: set order and URL escapes do not count', () => {
    const spec = buildSpec('same', { clientId: ['c1', 'c2'], allowedRedirectUrls: ESCAPED_URLS });
    const request = buildRegisterRequest(spec);
    const live = storeAsAltinn(spec);
    expect(live.clientId).toEqual(['c2', 'c1']);
    expect(live.allowedRedirectUrls).toContain('https://kvittering.example/vær/cb');
    expect(live.allowedRedirectUrls).toContain('https://kvittering.example/x/y');
    expect(holdsRequest(live, request)).toBe(true);
    expect(diffCanonicalSystems(canonicalFromLive(live), canonicalFromRequest(request))).toEqual([]);
  });

  it('finds another system different, naming the field', () => {
    const spec = buildSpec('other', { clientId: ['c1', 'c2'] });
    const live = storeAsAltinn({ ...spec, clientId: ['c1', 'c3'] });
    expect(holdsRequest(live, buildRegisterRequest(spec))).toBe(false);
    expect(listDifferingFields(canonicalFromLive(live), canonicalFromSpec(spec))).toEqual(['clientId']);
  });

  it('never finds a deleted system holding a body', () => {
    const spec = buildSpec('gone');
    expect(holdsRequest(storeAsAltinn(spec, { deleted: true }), buildRegisterRequest(spec))).toBe(false);
  });

  it('agrees with the canonical diff for any stored system and any edit of it', () => {
    const url = fc.oneof(fc.constantFrom(...ESCAPED_URLS), fc.webUrl({ withQueryParameters: true }));
    const edit = fc.constantFrom<(spec: SystemSpec) => SystemSpec>(
      (spec) => spec,
      (spec) => ({ ...spec, clientId: [...spec.clientId, 'added'] }),
      (spec) => ({ ...spec, clientId: spec.clientId.slice(1) }),
      (spec) => ({ ...spec, allowedRedirectUrls: spec.allowedRedirectUrls.map((u) => `${u}x`) }),
      (spec) => ({ ...spec, name: { ...spec.name, en: `${spec.name.en ?? ''}!` } }),
      (spec) => ({ ...spec, isVisible: !spec.isVisible }),
      (spec) => ({ ...spec, rights: [] }),
      (spec) => ({
        ...spec,
        accessPackages: [...spec.accessPackages, { urn: 'urn:altinn:accesspackage:x' }],
      }),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z0-9-]{1,12}$/), { minLength: 1, maxLength: 4 }),
        fc.array(url, { maxLength: 4 }),
        fc.boolean(),
        edit,
        (clientId, allowedRedirectUrls, isVisible, change) => {
          const spec = buildSpec('prop', { clientId, allowedRedirectUrls, isVisible });
          const live = storeAsAltinn(change(spec));
          const request = buildRegisterRequest(spec);
          const diff = diffCanonicalSystems(canonicalFromLive(live), canonicalFromSpec(spec));
          expect(holdsRequest(live, request)).toBe(diff.length === 0);
          if (change(spec) === spec) expect(holdsRequest(live, request)).toBe(true);
        },
      ),
    );
  });

  it('has the local Altinn store URLs as .NET does, in the form the planner compares', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom(...ESCAPED_URLS),
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
        ),
        (url) => {
          expect(storedRedirectUrl(url)).toBe(storeUrlAsDotNet(url));
          expect(normaliseRedirectUrl(storedRedirectUrl(url))).toBe(normaliseRedirectUrl(url));
        },
      ),
    );
  });
});
