/**
 * What git wants, for one environment: discovers and loads `systems/`, runs the offline rules, and
 * resolves each valid file for the environment. Commands that talk to Altinn refuse to go on while
 * any file has errors, so a plan is never computed from a half-understood repository.
 */
import { DEFAULT_CATALOGUE } from '../../catalogue/default-catalogue.ts';
import type { Diagnostic } from '../../model/diagnostic.ts';
import { discoverSystemFiles } from '../../systems/discover.ts';
import { resolveEnvironment, type ParsedSystem } from '../../systems/environments.ts';
import { loadSystemFiles } from '../../systems/load.ts';
import type { DesiredSystem } from '../../model/system.ts';
import type { ParsedSystemFile } from '../../systems/parsed-file.ts';
import { hasErrors } from '../../systems/render-diagnostics.ts';
import { sortDiagnostics, validateSystems } from '../../systems/validate.ts';

export interface DesiredState {
  /** Every file read, valid or not. */
  files: ParsedSystemFile[];
  /** Offline diagnostics of every file, sorted. */
  diagnostics: Diagnostic[];
  /** True when `diagnostics` holds an error: `desired` is then empty and must not be planned. */
  invalid: boolean;
  /** Each system as git wants it in the environment. */
  desired: DesiredSystem[];
  /** File path → text, for rendering diagnostics with their source line. */
  sources: Map<string, string>;
}

export async function loadDesiredState(root: string, environment: string): Promise<DesiredState> {
  const discovered = discoverSystemFiles(root, []);
  const files = loadSystemFiles(discovered.files);
  const diagnostics = sortDiagnostics([
    ...discovered.diagnostics,
    ...validateSystems(files, { catalogue: DEFAULT_CATALOGUE }),
  ]);
  const sources = new Map(files.map((file) => [file.file, file.text]));
  const invalid = hasErrors(diagnostics);
  const desired = invalid
    ? []
    : files
        .filter((file): file is ParsedSystem => file.document !== undefined)
        .map((file) => resolveEnvironment(file, environment));
  return { files, diagnostics, invalid, desired, sources };
}
