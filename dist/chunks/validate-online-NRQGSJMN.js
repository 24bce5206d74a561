import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  openAltinnConnection
} from "./chunk-V4O7UAFV.js";
import "./chunk-I3QDYHMD.js";
import "./chunk-GXJ3DS7S.js";
import "./chunk-BWGYRILG.js";
import {
  VALIDATE_USAGE,
  parseValidateArguments,
  runValidation
} from "./chunk-NYSZLGIF.js";
import {
  RESOURCE_ATTRIBUTE_ID,
  environmentsOf,
  resolveSpec
} from "./chunk-7NOI2AF5.js";
import "./chunk-PNURGIQ4.js";
import "./chunk-G6XEQELQ.js";
import "./chunk-3VVXVFR3.js";
import "./chunk-7XM6UA5P.js";
import "./chunk-PD2XGLPH.js";
import {
  compareText
} from "./chunk-KBDEQPMX.js";
import "./chunk-K4IDP6GV.js";
import "./chunk-UEDY57WB.js";
import "./chunk-DFEVOAXM.js";
import "./chunk-PFLRPMBQ.js";

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

// src/systems/catalogue-references.ts
function collectCatalogueReferences(files) {
  const resourceIds = /* @__PURE__ */ new Set();
  const accessPackageUrns = /* @__PURE__ */ new Set();
  for (const file of files) {
    const document = file.document ?? file.draft;
    if (!document) continue;
    for (const environment of [void 0, ...environmentsOf(document)]) {
      const spec = resolveSpec(document, environment);
      for (const right of spec.rights) {
        for (const pair of right.resource) if (pair.id === RESOURCE_ATTRIBUTE_ID) resourceIds.add(pair.value);
      }
      for (const accessPackage of spec.accessPackages) accessPackageUrns.add(accessPackage.urn);
    }
  }
  return {
    resourceIds: [...resourceIds].sort(compareText),
    accessPackageUrns: [...accessPackageUrns].sort(compareText)
  };
}

// src/commands/validate-online.ts
function restrictToEnvironment(file, environment) {
  const restrict = (document) => {
    const overrides = document.environments[environment];
    return { ...document, environments: overrides ? { [environment]: overrides } : {} };
  };
  return {
    ...file,
    ...file.document ? { document: restrict(file.document) } : {},
    ...file.draft ? { draft: restrict(file.draft) } : {}
  };
}
async function fetchEnvironmentCatalogue(context, options) {
  const { connection } = await openAltinnConnection(context, options);
  try {
    return await fetchCatalogue(connection.client, options.references);
  } finally {
    await connection.close();
  }
}
var command = {
  name: "validate",
  summary: "Check system files against the register rules (offline, or online with --env).",
  usage: VALIDATE_USAGE,
  async run(context) {
    const parsed = parseValidateArguments(context.argv);
    const environment = parsed.environment;
    if (environment === void 0) return runValidation(context, parsed);
    return runValidation(context, parsed, async (loaded) => {
      const files = loaded.map((file) => restrictToEnvironment(file, environment));
      const catalogue = await fetchEnvironmentCatalogue(context, {
        environment,
        altinnUrl: parsed.altinnUrl,
        references: collectCatalogueReferences(files)
      });
      return { files, catalogue, checkResources: true };
    });
  }
};
export {
  command,
  fetchEnvironmentCatalogue,
  restrictToEnvironment
};
