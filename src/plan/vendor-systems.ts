/** Whose system is whose: the caller's organisation, a live system's vendor, and the systems no file describes. */
import type { LiveSystem } from '../model/wire.ts';
import type { SystemSpec } from '../model/system.ts';
import type { LiveState } from '../model/live-state.ts';
import { canonicalFromLive } from '../model/canonical.ts';
import { compareStrings } from '../model/compare-strings.ts';
import type { UnmanagedSystem } from './plan-types.ts';

/** Live systems of the caller's vendor, not deleted, that no file describes; sorted by id. */
export function listUnmanagedSystems(describedIds: ReadonlySet<string>, live: LiveState): UnmanagedSystem[] {
  const ids = new Set<string>();
  for (const id of live.listedIds) ids.add(id);
  for (const [id, lookup] of Object.entries(live.systems)) {
    if (
      lookup.status === 'found' &&
      !lookup.system.isDeleted &&
      vendorOrgOf(lookup.system.vendor?.ID ?? '') === live.vendorOrgNumber
    ) {
      ids.add(id);
    }
  }
  const unmanaged: UnmanagedSystem[] = [];
  for (const id of [...ids].sort(compareStrings)) {
    if (describedIds.has(id)) continue;
    const lookup = live.systems[id];
    const system = lookup?.status === 'found' ? lookup.system : null;
    if (system?.isDeleted) continue;
    unmanaged.push({
      systemId: id,
      name: system ? canonicalFromLive(system).name : {},
      clientId: system ? canonicalFromLive(system).clientId : [],
    });
  }
  return unmanaged;
}

export function isSameVendor(live: LiveSystem, spec: SystemSpec): boolean {
  return live.vendor?.ID === spec.vendor.ID;
}

export function vendorOrgOf(vendorId: string): string {
  return vendorId.startsWith('0192:') ? vendorId.slice(5) : vendorId;
}
