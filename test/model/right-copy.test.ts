/**
 * "A null action is dropped" is decided in one place (copyRight): the request body, a file from a
 * live system, the canonical form and the local Altinn's replies all carry a right the same way.
 */
import { describe, expect, it } from 'vitest';
import { specFromLive } from '../../src/adopt/spec-from-live.ts';
import { renderLiveSystem, renderSystemDTO, type StoredSystem } from '../../src/emulator/register-state.ts';
import { canonicalFromLive, canonicalFromSpec } from '../../src/model/canonical.ts';
import type { Right, SystemSpec } from '../../src/model/system.ts';
import type { LiveSystem } from '../../src/model/wire.ts';
import { buildRegisterRequest } from '../../src/plan/request-body.ts';

const pair = { id: 'urn:altinn:resource', value: 'app_x' };
const RIGHTS = [
  { action: null, resource: [pair] },
  { resource: [pair, { id: 'urn:altinn:resource', value: 'app_y' }] },
  { action: 'read', resource: [pair] },
] as unknown as Right[];
const EXPECTED: Right[] = [
  { resource: [pair] },
  { resource: [pair, { id: 'urn:altinn:resource', value: 'app_y' }] },
  { action: 'read', resource: [pair] },
];

const spec: SystemSpec = {
  id: '314159265_x',
  vendor: { ID: '0192:314159265' },
  name: { nb: 'X', nn: 'X', en: 'X' },
  description: { nb: 'X', nn: 'X', en: 'X' },
  rights: RIGHTS,
  accessPackages: [],
  clientId: ['c1', ''],
  allowedRedirectUrls: [],
  isVisible: true,
  isDeleted: false,
};

describe('a right without an action', () => {
  it('is carried the same way by every path', () => {
    const live: LiveSystem = { ...spec };
    expect(buildRegisterRequest(spec).rights).toEqual(EXPECTED);
    expect(specFromLive(live).rights).toEqual(EXPECTED);
    expect(canonicalFromSpec(spec).rights).toEqual(canonicalFromLive({ ...live, rights: EXPECTED }).rights);
    for (const right of canonicalFromSpec(spec).rights)
      expect(Object.hasOwn(right, 'action')).toBe(right.action !== undefined);
  });

  it('the local Altinn returns it as the client reads it', () => {
    const stored: StoredSystem = {
      internalId: 'i-1',
      id: spec.id,
      vendorOrgNumber: '314159265',
      name: spec.name,
      description: spec.description,
      rights: RIGHTS,
      accessPackages: [],
      clientId: ['c1'],
      allowedRedirectUrls: [],
      isVisible: true,
      isDeleted: false,
    };
    expect(renderLiveSystem(stored).rights).toEqual(EXPECTED);
    expect(renderSystemDTO(stored).rights).toEqual(EXPECTED);
  });
});
