/**
 * A live system in the shape of a system file, for `import` and `drift --accept`: a missing list is
 * `[]`, a null right action and anything Altinn adds beyond the model are left out. Values stay as
 * Altinn stores them (URLs normalised by it), in its order. Pure.
 */
import type { LiveSystem } from '../model/wire.ts';
import type { SystemSpec } from '../model/system.ts';

export function specFromLive(live: LiveSystem): SystemSpec {
  return {
    id: live.id,
    vendor: { ID: live.vendor.ID },
    name: { ...live.name },
    description: { ...live.description },
    rights: (live.rights ?? []).map((right) => ({
      ...(right.action === undefined || right.action === null ? {} : { action: right.action }),
      resource: (right.resource ?? []).map((pair) => ({ id: pair.id, value: pair.value })),
    })),
    accessPackages: (live.accessPackages ?? []).map((accessPackage) => ({ urn: accessPackage.urn })),
    clientId: (live.clientId ?? []).filter((clientId) => clientId !== ''),
    allowedRedirectUrls: [...(live.allowedRedirectUrls ?? [])],
    isVisible: live.isVisible ?? true,
    isDeleted: live.isDeleted === true,
  };
}
