/**
 * One classification of every system, git's against Altinn's, that the plan and the drift report are
 * two views of: the plan says what sync will do about each class, drift what happened outside git.
 * Whose system is whose is decided here once, so the two cannot disagree about a foreign vendor.
 */
import type { CanonicalSystem } from '../model/canonical.ts';
import { canonicalFromLive, canonicalFromSpec } from '../model/canonical.ts';
import type { LiveState } from '../model/live-state.ts';
import type { DesiredSystem } from '../model/system.ts';
import type { LiveSystem } from '../model/wire.ts';
import { compareStrings } from './compare-strings.ts';
import type { UnmanagedSystem } from './plan-types.ts';
import { isSameVendor, listUnmanagedSystems, vendorOrgOf } from './vendor-systems.ts';

export type SystemClass =
  /** Another vendor's id, or a file naming a vendor sysreg does not run as: never written. */
  | { kind: 'foreign-vendor'; message: string }
  /** A tombstone for a system this vendor never had (absent, or another vendor's): already true. */
  | { kind: 'never-created' }
  /** Wanted and not in Altinn. */
  | { kind: 'absent' }
  /** A tombstone for a system Altinn holds deleted: already true. */
  | { kind: 'already-deleted' }
  /** Wanted, but deleted in Altinn: the id can never be created again. */
  | { kind: 'id-burned' }
  /** A tombstone for a system still live. */
  | { kind: 'live-tombstoned'; live: LiveSystem; liveCanonical: CanonicalSystem }
  /** Live and wanted: the same, or not (the views diff `liveCanonical` against `canonical`). */
  | { kind: 'live'; live: LiveSystem; liveCanonical: CanonicalSystem };

export interface ClassifiedSystem {
  systemId: string;
  desired: DesiredSystem;
  canonical: CanonicalSystem;
  class: SystemClass;
}

export interface SystemClassification {
  /** One per described id, sorted by id; the first file by path wins when two name one id. */
  described: ClassifiedSystem[];
  /** Live systems of the caller's vendor that no file describes. */
  unmanaged: UnmanagedSystem[];
}

export function classifySystems(
  desired: readonly DesiredSystem[],
  live: LiveState,
  environment: string,
): SystemClassification {
  const described: ClassifiedSystem[] = [];
  for (const system of indexDesiredSystems(desired).values()) {
    const spec = system.spec;
    described.push({
      systemId: spec.id,
      desired: system,
      canonical: canonicalFromSpec(spec),
      class: classifyOne(system, live, environment),
    });
  }
  const describedIds = new Set(described.map((system) => system.systemId));
  return { described, unmanaged: listUnmanagedSystems(describedIds, live) };
}

function classifyOne(system: DesiredSystem, live: LiveState, environment: string): SystemClass {
  const { spec } = system;
  const id = spec.id;
  const lookup = live.systems[id] ?? { status: 'absent' };
  const ownedElsewhere =
    lookup.status === 'forbidden' || (lookup.status === 'found' && !isSameVendor(lookup.system, spec));
  const notTheCaller = vendorOrgOf(spec.vendor.ID) !== live.vendorOrgNumber;
  if (ownedElsewhere || notTheCaller) {
    if (spec.isDeleted) return { kind: 'never-created' };
    const message = ownedElsewhere
      ? `The id ${id} belongs to another vendor in ${environment}; this vendor cannot create or change it.`
      : `The file names vendor ${spec.vendor.ID}, but sysreg runs as organisation ${live.vendorOrgNumber} in ${environment}; a vendor can only write its own systems.`;
    return { kind: 'foreign-vendor', message };
  }
  if (lookup.status === 'absent') return spec.isDeleted ? { kind: 'never-created' } : { kind: 'absent' };
  const liveSystem = lookup.system;
  if (liveSystem.isDeleted) return spec.isDeleted ? { kind: 'already-deleted' } : { kind: 'id-burned' };
  const liveCanonical = canonicalFromLive(liveSystem);
  return { kind: spec.isDeleted ? 'live-tombstoned' : 'live', live: liveSystem, liveCanonical };
}

/**
 * One entry per id, whatever order the files came in. Two files with one id are a validation error
 * (the loader reports it); here the first by file path wins, so the result stays deterministic.
 */
export function indexDesiredSystems(desired: readonly DesiredSystem[]): Map<string, DesiredSystem> {
  const sorted = [...desired].sort(
    (a, b) => compareStrings(a.spec.id, b.spec.id) || compareStrings(a.file, b.file),
  );
  const byId = new Map<string, DesiredSystem>();
  for (const system of sorted) if (!byId.has(system.spec.id)) byId.set(system.spec.id, system);
  return byId;
}
