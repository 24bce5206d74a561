import {
  runValidation
} from "./chunk-O6E3MLC2.js";
import {
  collectCatalogueReferences,
  fetchCatalogue
} from "./chunk-4EZJHFKE.js";
import {
  openAltinnConnection
} from "./chunk-O7WPZCOJ.js";

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
function runOnlineValidation(context, validation) {
  const { environment } = validation;
  return runValidation(context, validation, async (loaded) => {
    const files = loaded.map((file) => restrictToEnvironment(file, environment));
    const catalogue = await fetchEnvironmentCatalogue(context, {
      environment,
      altinnUrl: validation.altinnUrl,
      references: collectCatalogueReferences(files)
    });
    return { files, catalogue, catalogueSource: "live", checkResources: true };
  });
}

export {
  restrictToEnvironment,
  fetchEnvironmentCatalogue,
  runOnlineValidation
};
