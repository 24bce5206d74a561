/**
 * The resource registry and access-package metadata that the register looks up while validating
 * (shared/altinn-system-register.md §3.3), seeded from a `Catalogue` and extendable via `/_emulator/`.
 */
import { createHash } from 'node:crypto';
import type { AccessPackageRecord, ResourceRecord } from '../model/wire.ts';
import type { Catalogue } from '../catalogue/default-catalogue.ts';
import type { HttpReply } from './http-reply.ts';
import { replyEmpty, replyJson } from './http-reply.ts';

const EXPORT_GROUP_ID = '0195e1a6-0000-7000-8000-000000000001';
const EXPORT_AREA_ID = '0195e1a6-0000-7000-8000-000000000002';

/** A stable id per urn (a UUID-shaped digest), so the export reads the same every time. */
function packageId(urn: string): string {
  const hex = createHash('sha256').update(urn).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export class CatalogueStore {
  private readonly resources = new Map<string, ResourceRecord>();
  private readonly packages = new Map<string, AccessPackageRecord>();

  constructor(catalogue: Catalogue) {
    this.addResources(catalogue.resources);
    this.addAccessPackages(catalogue.accessPackages);
  }

  findResource(identifier: string): ResourceRecord | undefined {
    return this.resources.get(identifier);
  }

  findAccessPackage(urn: string): AccessPackageRecord | undefined {
    return this.packages.get(urn);
  }

  addResources(records: ResourceRecord[]): void {
    for (const r of records)
      this.resources.set(r.identifier, { identifier: r.identifier, resourceType: r.resourceType });
  }

  addAccessPackages(records: AccessPackageRecord[]): void {
    for (const p of records) {
      this.packages.set(p.urn, { urn: p.urn, isDelegable: p.isDelegable, isAssignable: p.isAssignable });
    }
  }

  /** Back to a given catalogue (control API reset). */
  reset(catalogue: Catalogue): void {
    this.resources.clear();
    this.packages.clear();
    this.addResources(catalogue.resources);
    this.addAccessPackages(catalogue.accessPackages);
  }

  /**
   * `GET …/accesspackages/export` (§8.1): area groups of areas of packages, 204 when there are none.
   * The local Altinn keeps no areas, so every package sits in one area of one group; the package
   * records carry the fields the real `PackageDto` has.
   */
  exportAccessPackages(): HttpReply {
    const packages = [...this.packages.values()];
    if (packages.length === 0) return replyEmpty(204);
    const name = (urn: string) => urn.split(':').at(-1) ?? urn;
    return replyJson(200, [
      {
        id: EXPORT_GROUP_ID,
        name: 'Local Altinn',
        urn: 'accesspackage:areagroup:local',
        description: 'Every access package of the local Altinn.',
        type: 'Organization',
        areas: [
          {
            id: EXPORT_AREA_ID,
            name: 'Local Altinn',
            urn: 'accesspackage:area:local',
            description: 'Every access package of the local Altinn.',
            iconUrl: null,
            packages: packages.map((p) => ({
              id: packageId(p.urn),
              name: name(p.urn),
              urn: p.urn,
              description: name(p.urn),
              isDelegable: p.isDelegable,
              isAssignable: p.isAssignable,
              isResourcePolicyAvailable: true,
            })),
          },
        ],
      },
    ]);
  }

  toCatalogue(): Catalogue {
    return { resources: [...this.resources.values()], accessPackages: [...this.packages.values()] };
  }
}
