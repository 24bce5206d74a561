import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  collectCatalogueReferences,
  fetchCatalogue
} from "./chunk-7SQ2OXUT.js";
import {
  openAltinnConnection
} from "./chunk-NL67VIKX.js";
import {
  VALIDATE_USAGE,
  parseValidateArguments,
  runValidation
} from "./chunk-QN2H46T5.js";

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
      return { files, catalogue, catalogueSource: "live", checkResources: true };
    });
  }
};

export {
  restrictToEnvironment,
  fetchEnvironmentCatalogue,
  command
};
