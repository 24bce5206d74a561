/**
 * The resource registry and access-package metadata that the register looks up while validating
 * (shared/altinn-system-register.md §3.3), seeded from a `Catalogue` and extendable via `/_emulator/`.
 */
import type { AccessPackageRecord, ResourceRecord } from '../model/wire.ts';
import type { Catalogue } from '../catalogue/default-catalogue.ts';

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

  toCatalogue(): Catalogue {
    return { resources: [...this.resources.values()], accessPackages: [...this.packages.values()] };
  }
}
