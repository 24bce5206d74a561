/**
 * The catalogue entries a set of system files refers to, in the base and every environment: what
 * `validate --env` looks up in the live environment to build the Catalogue the same rules then check.
 */
import { environmentsOf, resolveSpec } from './environments.ts';
import type { ParsedSystemFile } from './parsed-file.ts';
import { RESOURCE_ATTRIBUTE_ID } from './rules-model.ts';
import { compareText } from './sort-diagnostics.ts';

export interface CatalogueReferences {
  /** Resource ids named in rights (attribute `urn:altinn:resource`), sorted, each once. */
  resourceIds: string[];
  /** Access package urns, sorted, each once. */
  accessPackageUrns: string[];
}

export function collectCatalogueReferences(files: readonly ParsedSystemFile[]): CatalogueReferences {
  const resourceIds = new Set<string>();
  const accessPackageUrns = new Set<string>();
  for (const file of files) {
    const document = file.document ?? file.draft;
    if (!document) continue;
    for (const environment of [undefined, ...environmentsOf(document)]) {
      const spec = resolveSpec(document, environment);
      if (spec.isDeleted) continue; // absent there: nothing is checked against its catalogue
      for (const right of spec.rights) {
        for (const pair of right.resource) if (pair.id === RESOURCE_ATTRIBUTE_ID) resourceIds.add(pair.value);
      }
      for (const accessPackage of spec.accessPackages) accessPackageUrns.add(accessPackage.urn);
    }
  }
  return {
    resourceIds: [...resourceIds].sort(compareText),
    accessPackageUrns: [...accessPackageUrns].sort(compareText),
  };
}
