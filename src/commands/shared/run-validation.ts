/**
 * One validate run: discover and load the files, check them by the register's rules against a
 * catalogue (the shipped one offline, an environment's online), print, and return the exit code.
 * Shared by `validate` and `validate --env` (validate-online.ts), which differ only in the catalogue.
 */
import { DEFAULT_CATALOGUE, type Catalogue } from '../../catalogue/default-catalogue.ts';
import { loadCatalogueSnapshots, type LoadedSnapshots } from '../../catalogue/snapshot.ts';
import { discoverSystemFiles } from '../../systems/discover.ts';
import { loadSystemFiles } from '../../systems/load.ts';
import { hasErrors } from '../../systems/render-diagnostics.ts';
import { renderDiagnostics, type DiagnosticsFormat } from './diagnostics-format.ts';
import type { ParsedSystemFile } from '../../systems/parsed-file.ts';
import { sortDiagnostics, validateSystems } from '../../systems/validate.ts';
import { resolveFileArgument, type CommandContext } from '../../model/command.ts';
import { wantsColor } from './color.ts';

export interface ValidateArguments {
  paths: string[];
  format: DiagnosticsFormat;
  /** `--env`: check online against this environment. */
  environment: string | undefined;
  altinnUrl: string | undefined;
  /** `--report`: `github` to report into a GitHub Actions job. */
  report: string | undefined;
}

/** What the rules check against: the shipped snapshot offline, an environment's records online. */
export interface RuleCatalogue {
  /** The files as the rules should see them (online: restricted to one environment). */
  files: ParsedSystemFile[];
  catalogue: Catalogue;
  /** `live`: the environment's own records (online); else the built-in list. */
  catalogueSource: 'built-in' | 'live';
  checkResources: boolean;
  /** Offline: the snapshots in `.sysreg/`, and an error for each that cannot be read. */
  snapshots?: LoadedSnapshots;
}

export type CatalogueSource = (files: ParsedSystemFile[]) => Promise<RuleCatalogue>;

function offlineCatalogue(root: string): CatalogueSource {
  return async (files) => ({
    files,
    catalogue: DEFAULT_CATALOGUE,
    catalogueSource: 'built-in',
    checkResources: false,
    snapshots: loadCatalogueSnapshots(root),
  });
}

/** Discovers, loads and checks the files against the catalogue `source` gives; prints; returns the exit code. */
export async function runValidation(
  context: Pick<CommandContext, 'stdout' | 'cwd' | 'env' | 'workingDirectory'>,
  options: Pick<ValidateArguments, 'paths' | 'format'> & { report?: string | undefined },
  source: CatalogueSource = offlineCatalogue(context.cwd),
): Promise<number> {
  // Loaded only when asked for (and holding no API client), so a plain validate stays lean.
  const github =
    options.report === undefined && options.format !== 'github'
      ? undefined
      : await import('../../github/report-validation.ts');
  const reportTarget = github?.parseReportTarget(options.report);
  const discovered = discoverSystemFiles(
    context.cwd,
    options.paths.map((given) => resolveFileArgument(context, given)),
  );
  const loaded = loadSystemFiles(discovered.files);
  const { files, catalogue, catalogueSource, checkResources, snapshots } = await source(loaded);
  const diagnostics = sortDiagnostics([
    ...discovered.diagnostics,
    ...(snapshots?.diagnostics ?? []),
    ...validateSystems(files, {
      catalogue,
      catalogueSource,
      checkResources,
      ...(snapshots ? { snapshots: snapshots.snapshots } : {}),
    }),
  ]);
  const sources = new Map(files.map((file) => [file.file, file.text]));
  const fileCount = discovered.files.length + discovered.diagnostics.length;
  if (options.format === 'github') {
    // The GitHub report raises the annotations itself; raising them twice would double each one.
    if (reportTarget !== 'github') github?.printDiagnosticsAnnotations({ diagnostics, fileCount });
  } else {
    // In Actions, quoted YAML lines must not act as workflow commands; JSON stays byte-exact.
    const log =
      github && options.format === 'text' ? github.createInertLogOutput(context.stdout) : context.stdout;
    log.write(
      renderDiagnostics(options.format, { diagnostics, fileCount, sources, color: wantsColor(context) }),
    );
  }
  if (github && reportTarget === 'github') {
    await github.reportValidationToGitHub(context, { diagnostics, fileCount });
  }
  return hasErrors(diagnostics) ? 1 : 0;
}
