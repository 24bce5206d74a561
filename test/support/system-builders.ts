/**
 * Builders for planner inputs: a system spec, the desired system git gives, and the live system
 * Altinn would return after storing it (URLs as .NET keeps them, lists reordered, empty lists dropped).
 */
import type { LiveSystem } from '../../src/model/wire.ts';
import type { LiveLookup, LiveState } from '../../src/model/live-state.ts';
import type { DesiredSystem, FieldPosition, SystemSpec } from '../../src/model/system.ts';

export const VENDOR_ORG = '991825827';
export const VENDOR_ID = `0192:${VENDOR_ORG}`;

export function buildSpec(name: string, overrides: Partial<SystemSpec> = {}): SystemSpec {
  return {
    id: `${VENDOR_ORG}_${name}`,
    vendor: { ID: VENDOR_ID },
    name: { nb: `${name} nb`, nn: `${name} nn`, en: `${name} en` },
    description: { nb: `Om ${name}`, nn: `Om ${name}`, en: `About ${name}` },
    rights: [{ resource: [{ id: 'urn:altinn:resource', value: 'ske-krav-og-betalinger' }] }],
    accessPackages: [{ urn: 'urn:altinn:accesspackage:skattegrunnlag' }],
    clientId: [`client-${name}`],
    allowedRedirectUrls: [`https://${name}.example.no/callback`],
    isVisible: true,
    isDeleted: false,
    ...overrides,
  };
}

/** Field lines as a loader would record them for a file written in canonical order. */
const FIELD_LINES: Partial<Record<keyof SystemSpec, number>> = {
  id: 1,
  vendor: 2,
  name: 4,
  description: 8,
  rights: 12,
  accessPackages: 16,
  clientId: 18,
  allowedRedirectUrls: 20,
  isVisible: 22,
  isDeleted: 23,
};

export function buildDesired(spec: SystemSpec): DesiredSystem {
  const fieldPositions: Partial<Record<keyof SystemSpec, FieldPosition>> = {};
  for (const [field, line] of Object.entries(FIELD_LINES)) {
    fieldPositions[field as keyof SystemSpec] = { line, column: 1 };
  }
  return { spec, file: `systems/${spec.id}.yaml`, fieldPositions };
}

/** What GET /vendor/{id} returns after Altinn stored `spec` (shared/altinn-system-register.md §2.2). */
export function storeAsAltinn(spec: SystemSpec, options: { deleted?: boolean } = {}): LiveSystem {
  const live: LiveSystem = {
    id: spec.id,
    vendor: { ID: spec.vendor.ID },
    name: reverseKeys(spec.name),
    description: reverseKeys(spec.description),
    isDeleted: options.deleted ?? false,
    clientId: [...spec.clientId].reverse(),
    isVisible: spec.isVisible,
    allowedRedirectUrls: spec.allowedRedirectUrls.map(storeUrlAsDotNet).reverse(),
  };
  // Empty lists sent as null come back omitted.
  if (spec.rights.length > 0) live.rights = [...spec.rights].reverse();
  if (spec.accessPackages.length > 0) live.accessPackages = [...spec.accessPackages].reverse();
  return live;
}

/** .NET `Uri.ToString()`: normalised like WHATWG, with every escape but `%23`, `%3F`, `%25` decoded. */
export function storeUrlAsDotNet(url: string): string {
  try {
    return new URL(url).href.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run.replace(/%(23|3F|25)/gi, '%25$1')).replace(/%(23|3F|25)/gi, (kept) =>
          kept.toUpperCase(),
        );
      } catch {
        return run;
      }
    });
  } catch {
    return url;
  }
}

function reverseKeys(map: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).reverse());
}

export function buildLiveState(
  systems: Record<string, LiveLookup>,
  options: { listedIds?: string[]; vendorOrgNumber?: string } = {},
): LiveState {
  const listedIds =
    options.listedIds ??
    Object.entries(systems)
      .filter(([, lookup]) => lookup.status === 'found' && !lookup.system.isDeleted)
      .map(([id]) => id);
  return { environment: 'tt02', vendorOrgNumber: options.vendorOrgNumber ?? VENDOR_ORG, listedIds, systems };
}

export function found(system: LiveSystem): LiveLookup {
  return { status: 'found', system };
}
