/**
 * The table of desired/live pairs behind the golden plans: every change kind, every normalisation,
 * every blocked reason, client-id moves, unmanaged systems and prune.
 */
import type { LiveLookup } from '../../src/model/live-state.ts';
import type { PlanInput } from '../../src/plan/plan-types.ts';
import { DEFAULT_SAFETY_SETTINGS } from '../../src/plan/safety.ts';
import type { DesiredSystem } from '../../src/model/system.ts';
import { buildDesired, buildLiveState, buildSpec, found, storeAsAltinn } from '../support/system-builders.ts';

export interface PlanCase {
  name: string;
  /** What the case shows, for whoever reads a failing golden. */
  about: string;
  input: PlanInput;
}

function planInput(
  desired: DesiredSystem[],
  systems: Record<string, LiveLookup>,
  options: { prune?: boolean; listedIds?: string[] } = {},
): PlanInput {
  return {
    desired,
    live: buildLiveState(systems, options.listedIds ? { listedIds: options.listedIds } : {}),
    settings: { prune: options.prune ?? false, safety: DEFAULT_SAFETY_SETTINGS },
    environment: 'tt02',
    commit: '4f2c1e9',
  };
}

const alpha = buildSpec('alpha');
const beta = buildSpec('beta');

export const PLAN_CASES: PlanCase[] = [
  {
    name: 'create',
    about: 'A file with no live system is created, with the whole request body.',
    input: planInput([buildDesired(alpha)], {}),
  },
  {
    name: 'update-scalars-and-language-maps',
    about: 'isVisible flips, one language changes, one extra language was added in Altinn.',
    input: planInput([buildDesired(alpha)], {
      [alpha.id]: found(
        storeAsAltinn({
          ...alpha,
          isVisible: false,
          name: { ...alpha.name, en: 'Old name' },
          description: { ...alpha.description, se: 'Sámegiella' },
        }),
      ),
    }),
  },
  {
    name: 'update-sets',
    about: 'Items added and removed in every set field; order alone never shows.',
    input: planInput(
      [
        buildDesired({
          ...alpha,
          clientId: ['client-alpha', 'client-alpha-2'],
          rights: [
            { resource: [{ id: 'urn:altinn:resource', value: 'ske-krav-og-betalinger' }] },
            { action: 'read', resource: [{ id: 'urn:altinn:resource', value: 'app_skd_mva' }] },
          ],
          accessPackages: [],
          allowedRedirectUrls: ['https://alpha.example.no/callback', 'https://alpha.example.no/v2'],
        }),
      ],
      {
        [alpha.id]: found(
          storeAsAltinn({
            ...alpha,
            clientId: ['client-alpha', 'client-old'],
            allowedRedirectUrls: ['https://alpha.example.no/callback', 'https://alpha.example.no/old'],
          }),
        ),
      },
    ),
  },
  {
    name: 'normalisations-are-not-changes',
    about:
      'Trailing slash, host case, default port, escapes Altinn decodes, reordered lists and maps, missing lists, empty client ids: an empty plan.',
    input: planInput(
      [
        buildDesired({
          ...alpha,
          rights: [],
          accessPackages: [],
          clientId: ['b-client', 'a-client', ''],
          allowedRedirectUrls: [
            'https://Alpha.Example.NO:443',
            'https://alpha.example.no/my%20path?q=1',
            'https://alpha.example.no/%7Euser',
          ],
        }),
      ],
      {
        [alpha.id]: found({
          id: alpha.id,
          vendor: { ID: alpha.vendor.ID },
          name: { nn: alpha.name.nn ?? '', en: alpha.name.en ?? '', nb: alpha.name.nb ?? '' },
          description: { ...alpha.description },
          isDeleted: false,
          clientId: ['a-client', 'b-client'],
          isVisible: true,
          allowedRedirectUrls: [
            'https://alpha.example.no/~user',
            'https://alpha.example.no/my path?q=1',
            'https://alpha.example.no/',
          ],
        }),
      },
    ),
  },
  {
    name: 'invalid-url-diffs-as-written',
    about: 'A value that is not a URL is kept as written and shows as a change instead of failing the plan.',
    input: planInput([buildDesired({ ...alpha, allowedRedirectUrls: ['alpha.example.no/callback'] })], {
      [alpha.id]: found(storeAsAltinn(alpha)),
    }),
  },
  {
    name: 'delete-tombstone',
    about: 'A file marked isDeleted whose system is live is deleted, with what that costs.',
    input: planInput([buildDesired({ ...alpha, isDeleted: true })], {
      [alpha.id]: found(storeAsAltinn(alpha)),
    }),
  },
  {
    name: 'tombstones-already-done',
    about: 'A tombstone already deleted live, and one never created, are both no-ops.',
    input: planInput(
      [buildDesired({ ...alpha, isDeleted: true }), buildDesired({ ...beta, isDeleted: true })],
      {
        [alpha.id]: found(storeAsAltinn(alpha, { deleted: true })),
        [beta.id]: { status: 'absent' },
      },
    ),
  },
  {
    name: 'blocked-id-burned',
    about: 'A live file whose id was deleted in Altinn cannot be created again.',
    input: planInput([buildDesired(alpha)], { [alpha.id]: found(storeAsAltinn(alpha, { deleted: true })) }),
  },
  {
    name: 'blocked-foreign-vendor',
    about:
      "An id another vendor owns (GET answered 403, or the live vendor differs), a file naming a vendor that is not the caller; a tombstone for another vendor's id is a no-op.",
    input: planInput(
      [
        buildDesired(alpha),
        buildDesired(beta),
        buildDesired(buildSpec('gamma', { vendor: { ID: '0192:310000001' } })),
        buildDesired(buildSpec('delta', { isDeleted: true })),
      ],
      {
        [alpha.id]: { status: 'forbidden' },
        [beta.id]: found(storeAsAltinn({ ...beta, vendor: { ID: '0192:310000001' } })),
        '991825827_delta': { status: 'forbidden' },
      },
    ),
  },
  {
    name: 'blocked-client-id-held-outside-repo',
    about: 'A claimed client id is held by a live system that no file describes.',
    input: planInput([buildDesired({ ...alpha, clientId: ['client-alpha', 'client-stray'] })], {
      [alpha.id]: found(storeAsAltinn(alpha)),
      '991825827_stray': found(storeAsAltinn(buildSpec('stray', { clientId: ['client-stray'] }))),
    }),
  },
  {
    name: 'blocked-client-id-cascade',
    about:
      'alpha is blocked on a client id held outside the repo, so beta, which waits for alpha to release client-alpha, is blocked too.',
    input: planInput(
      [
        buildDesired({ ...alpha, clientId: ['client-stray'] }),
        buildDesired(buildSpec('beta', { clientId: ['client-alpha'] })),
      ],
      {
        [alpha.id]: found(storeAsAltinn(alpha)),
        '991825827_stray': found(storeAsAltinn(buildSpec('stray', { clientId: ['client-stray'] }))),
      },
    ),
  },
  {
    name: 'client-id-moves',
    about:
      'alpha gives client-shared to a new system gamma (released before claimed); tombstoned delta releases client-delta, which beta claims, so that delete runs first.',
    input: (() => {
      const shared = buildSpec('alpha', { clientId: ['client-alpha', 'client-shared'] });
      const delta = buildSpec('delta', { clientId: ['client-delta'] });
      return planInput(
        [
          buildDesired(buildSpec('alpha')),
          buildDesired(buildSpec('beta', { clientId: ['client-beta', 'client-delta'] })),
          buildDesired(buildSpec('gamma', { clientId: ['client-shared'] })),
          buildDesired({ ...delta, isDeleted: true }),
          buildDesired({ ...buildSpec('epsilon'), isDeleted: true }),
        ],
        {
          [shared.id]: found(storeAsAltinn(shared)),
          [beta.id]: found(storeAsAltinn(beta)),
          [delta.id]: found(storeAsAltinn(delta)),
          '991825827_epsilon': found(storeAsAltinn(buildSpec('epsilon'))),
        },
      );
    })(),
  },
  {
    name: 'client-id-ring',
    about:
      'alpha, beta and gamma hand their client ids on in a ring; beta keeps client-kept, so it breaks the ring with a planned first write that releases client-beta and keeps client-kept.',
    input: (() => {
      const ring = [
        buildSpec('alpha', { clientId: ['client-alpha'] }),
        buildSpec('beta', { clientId: ['client-beta', 'client-kept'] }),
        buildSpec('gamma', { clientId: ['client-gamma'] }),
      ];
      const wanted = [['client-beta'], ['client-gamma', 'client-kept'], ['client-alpha']];
      return planInput(
        ring.map((spec, index) => buildDesired({ ...spec, clientId: wanted[index] ?? [] })),
        Object.fromEntries(ring.map((spec) => [spec.id, found(storeAsAltinn(spec))])),
      );
    })(),
  },
  {
    name: 'unmanaged',
    about:
      'Live systems of the vendor that no file describes are listed, not touched, not counted as changes.',
    input: planInput([buildDesired(alpha)], {
      [alpha.id]: found(storeAsAltinn(alpha)),
      '991825827_legacy': found(storeAsAltinn(buildSpec('legacy'))),
      '991825827_hidden': found(storeAsAltinn(buildSpec('hidden', { isVisible: false }))),
    }),
  },
  {
    name: 'prune',
    about:
      'With prune, unmanaged systems become deletes, and a claim on their client id waits for the delete.',
    input: planInput(
      [buildDesired({ ...alpha, clientId: ['client-alpha', 'client-legacy'] })],
      {
        [alpha.id]: found(storeAsAltinn(alpha)),
        '991825827_legacy': found(storeAsAltinn(buildSpec('legacy'))),
      },
      { prune: true },
    ),
  },
  {
    name: 'unsafe',
    about: 'Updating 4 and deleting 4 of 12 managed systems is more than 30%: unsafe, still shown in full.',
    input: (() => {
      const specs = Array.from({ length: 12 }, (_, index) => buildSpec(`s${String(index).padStart(2, '0')}`));
      const desired = specs.map((spec, index) =>
        buildDesired(
          index < 4 ? { ...spec, isVisible: false } : index < 8 ? { ...spec, isDeleted: true } : spec,
        ),
      );
      return planInput(
        desired,
        Object.fromEntries(specs.map((spec) => [spec.id, found(storeAsAltinn(spec))])),
      );
    })(),
  },
];
