import type { RegisterSystemRequest } from '../model/wire.ts';
import type { SystemSpec } from '../model/system.ts';

/** The body of POST/PUT: every field explicit, as the file writes it (Altinn normalises on its side). */
export function buildRegisterRequest(spec: SystemSpec): RegisterSystemRequest {
  return {
    id: spec.id,
    vendor: { ID: spec.vendor.ID },
    name: { ...spec.name },
    description: { ...spec.description },
    rights: (spec.rights ?? []).map((right) =>
      right.action === undefined || right.action === null
        ? { resource: right.resource.map((pair) => ({ id: pair.id, value: pair.value })) }
        : {
            action: right.action,
            resource: right.resource.map((pair) => ({ id: pair.id, value: pair.value })),
          },
    ),
    accessPackages: (spec.accessPackages ?? []).map((item) => ({ urn: item.urn })),
    clientId: [...(spec.clientId ?? [])],
    allowedRedirectUrls: [...(spec.allowedRedirectUrls ?? [])],
    isVisible: spec.isVisible ?? true,
  };
}
