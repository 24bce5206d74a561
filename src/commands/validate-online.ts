/**
 * `sysreg validate --env NAME`: the offline rules, run against what one environment's Altinn has.
 * The files are seen as that environment sees them (the base with its overrides); the resources
 * and access packages they name are looked up there (§3.3), and the same rules then run with the
 * resource checks on, so diagnostics and positions are the offline ones. Kept apart from
 * validate.ts so that the offline check never loads HTTP or token code.
 */
import { fetchCatalogue } from '../altinn/catalogue-client.ts';
import type { Catalogue } from '../catalogue/default-catalogue.ts';
import { collectCatalogueReferences, type CatalogueReferences } from '../systems/catalogue-references.ts';
import type { SystemDocument } from '../model/system.ts';
import type { ParsedSystemFile } from '../systems/parsed-file.ts';
import type { CommandContext } from '../model/command.ts';
import { openAltinnConnection } from './shared/altinn-connection.ts';
import { runValidation, type ValidateArguments } from './shared/run-validation.ts';

/**
 * The file as `environment` sees it: the overrides of other environments dropped, so their
 * resources are not looked up in the wrong environment. Positions still point into the file.
 */
export function restrictToEnvironment(file: ParsedSystemFile, environment: string): ParsedSystemFile {
  const restrict = (document: SystemDocument): SystemDocument => {
    const overrides = document.environments[environment];
    return { ...document, environments: overrides ? { [environment]: overrides } : {} };
  };
  return {
    ...file,
    ...(file.document ? { document: restrict(file.document) } : {}),
    ...(file.draft ? { draft: restrict(file.draft) } : {}),
  };
}

/** Looks the references up in the environment; what does not exist there is left out. */
export async function fetchEnvironmentCatalogue(
  context: Pick<CommandContext, 'cwd' | 'env'>,
  options: { environment: string; altinnUrl?: string | undefined; references: CatalogueReferences },
): Promise<Catalogue> {
  const { connection } = await openAltinnConnection(context, options);
  try {
    return await fetchCatalogue(connection.client, options.references);
  } finally {
    await connection.close();
  }
}

/** `validate --env NAME`: the offline run, with the files and catalogue as `environment` has them. */
export function runOnlineValidation(
  context: CommandContext,
  validation: ValidateArguments & { environment: string },
): Promise<number> {
  const { environment } = validation;
  return runValidation(context, validation, async (loaded) => {
    const files = loaded.map((file) => restrictToEnvironment(file, environment));
    const catalogue = await fetchEnvironmentCatalogue(context, {
      environment,
      altinnUrl: validation.altinnUrl,
      references: collectCatalogueReferences(files),
    });
    return { files, catalogue, catalogueSource: 'live', checkResources: true };
  });
}
