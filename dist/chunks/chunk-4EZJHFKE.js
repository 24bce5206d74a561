import {
  RESOURCE_ATTRIBUTE_ID,
  environmentsOf,
  resolveSpec
} from "./chunk-TWCSMN77.js";
import {
  compareStrings
} from "./chunk-BLFSHPJ3.js";

// src/altinn/catalogue-client.ts
async function fetchCatalogue(client, options) {
  const call = options.signal ? { signal: options.signal } : {};
  const [resources, accessPackages] = await Promise.all([
    Promise.all([...new Set(options.resourceIds)].map((id) => client.lookupResource(id, call))),
    Promise.all([...new Set(options.accessPackageUrns)].map((urn) => client.lookupAccessPackage(urn, call)))
  ]);
  return {
    resources: resources.filter((record) => record !== void 0),
    accessPackages: accessPackages.filter((record) => record !== void 0)
  };
}
async function pullCatalogue(client, options) {
  const call = options.signal ? { signal: options.signal } : {};
  const [accessPackages, resources] = await Promise.all([
    client.exportAccessPackages(call),
    Promise.all([...new Set(options.resourceIds)].map((id) => client.lookupResource(id, call)))
  ]);
  return {
    accessPackages,
    resources: resources.filter((record) => record !== void 0)
  };
}

// src/systems/catalogue-references.ts
function collectCatalogueReferences(files) {
  const resourceIds = /* @__PURE__ */ new Set();
  const accessPackageUrns = /* @__PURE__ */ new Set();
  for (const file of files) {
    const document = file.document ?? file.draft;
    if (!document) continue;
    for (const environment of [void 0, ...environmentsOf(document)]) {
      const spec = resolveSpec(document, environment);
      if (spec.isDeleted) continue;
      for (const right of spec.rights) {
        for (const pair of right.resource) if (pair.id === RESOURCE_ATTRIBUTE_ID) resourceIds.add(pair.value);
      }
      for (const accessPackage of spec.accessPackages) accessPackageUrns.add(accessPackage.urn);
    }
  }
  return {
    resourceIds: [...resourceIds].sort(compareStrings),
    accessPackageUrns: [...accessPackageUrns].sort(compareStrings)
  };
}

export {
  fetchCatalogue,
  pullCatalogue,
  collectCatalogueReferences
};
