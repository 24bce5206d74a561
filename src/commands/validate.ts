/**
 * `sysreg validate [paths…] [--format text|json|github]`: checks system files offline against the
 * register's rules and the shipped catalogue. Exit 0 when valid (warnings allowed), 1 otherwise.
 * Loads no HTTP or GitHub code, so it starts fast in every pull request. `validate --env NAME` is
 * the same run against one environment's live catalogue; the CLI routes it to validate-online.ts.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_CATALOGUE, type Catalogue } from '../catalogue/default-catalogue.ts';
import { loadCatalogueSnapshots, type LoadedSnapshots } from '../catalogue/snapshot.ts';
import { discoverSystemFiles } from '../systems/discover.ts';
import { loadSystemFiles } from '../systems/load.ts';
import { hasErrors } from '../systems/render-diagnostics.ts';
import {
  DIAGNOSTICS_FORMATS,
  renderDiagnostics,
  type DiagnosticsFormat,
} from './shared/diagnostics-format.ts';
import type { ParsedSystemFile } from '../systems/parsed-file.ts';
import { sortDiagnostics, validateSystems } from '../systems/validate.ts';
import { UsageError, resolveFileArgument, type Command, type CommandContext } from '../model/command.ts';

export const VALIDATE_USAGE = `Usage: sysreg validate [paths…] [--format text|json|github] [--env NAME]
                       [--report github]

Checks system files offline: YAML syntax, the schema, and the register's rules (AUTH.VLD codes),
in the base and in every environment a file names.

With --env, online: the files as that environment sees them (the base with that environment's
overrides; other environments' overrides are left to their own run) are checked by the same rules
against the resources and access packages that environment's Altinn has, so a resource that does
not exist or cannot be delegated (AUTH.VLD-00003, 00017) and an unknown or undelegable access
package (00008) are found before apply. Needs the MASKINPORTEN_* variables like plan.

Arguments:
  paths…              Files or folders to check (default: every *.yaml and *.yml under systems/).

Options:
  --format <fmt>      text (default), json, or github (workflow annotations).
  --env <name>        Check online against this environment: tt02, prod, local, or one from
                      sysreg.config.yaml.
  --altinn-url <url>  Base URL of the local Altinn for --env local (default: $SYSREG_ALTINN_URL
                      or http://127.0.0.1:5101).
  --report github     Also report to GitHub from an Actions job: annotations, job summary, outputs
                      (with --format github too, each annotation is printed once).
  -h, --help          Show this help.

Exit status: 0 when valid (warnings allowed), 1 when any error is found, or when --env cannot
reach that environment's Altinn.
`;

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
    snapshots: await loadCatalogueSnapshots(root),
  });
}

export function parseValidateArguments(argv: string[]): ValidateArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        format: { type: 'string', default: 'text' },
        env: { type: 'string' },
        'altinn-url': { type: 'string' },
        report: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n\n${VALIDATE_USAGE}`);
  }
  const format = parsed.values.format;
  if (!(DIAGNOSTICS_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format '${format}'; use one of ${DIAGNOSTICS_FORMATS.join(', ')}.`);
  }
  const environment = parsed.values.env;
  if (environment !== undefined && environment.trim() === '') {
    throw new UsageError(`--env needs an environment name.\n\n${VALIDATE_USAGE}`);
  }
  return {
    paths: parsed.positionals,
    format: format as DiagnosticsFormat,
    environment,
    altinnUrl: parsed.values['altinn-url'],
    report: parsed.values.report,
  };
}

/** Discovers, loads and checks the files against the catalogue `source` gives; prints; returns the exit code. */
export async function runValidation(
  context: Pick<CommandContext, 'stdout' | 'cwd' | 'env' | 'workingDirectory'>,
  options: Pick<ValidateArguments, 'paths' | 'format'> & { report?: string | undefined },
  source: CatalogueSource = offlineCatalogue(context.cwd),
): Promise<number> {
  // Loaded only when asked for (and holding no API client), so a plain validate stays lean.
  const github = options.report === undefined ? undefined : await import('../github/report-validation.ts');
  const reportTarget = github?.parseReportTarget(options.report);
  const discovered = await discoverSystemFiles(
    context.cwd,
    options.paths.map((given) => resolveFileArgument(context, given)),
  );
  const loaded = await loadSystemFiles(discovered.files);
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
  // The GitHub report writes the annotations itself; printing them twice would double each one.
  if (!(reportTarget === 'github' && options.format === 'github')) {
    // In Actions, quoted YAML lines must not act as workflow commands; JSON stays byte-exact.
    const log =
      github && options.format === 'text' ? github.createInertLogOutput(context.stdout) : context.stdout;
    log.write(renderDiagnostics(options.format, { diagnostics, fileCount, sources }));
  }
  if (github && reportTarget === 'github') {
    await github.reportValidationToGitHub(context, { diagnostics, fileCount });
  }
  return hasErrors(diagnostics) ? 1 : 0;
}

export const command: Command = {
  name: 'validate',
  summary: 'Check system files against the register rules (offline, or online with --env).',
  usage: VALIDATE_USAGE,
  async run(context) {
    const parsed = parseValidateArguments(context.argv);
    if (parsed.environment !== undefined) {
      // src/cli.ts sends `validate --env` to validate-online.ts, so this module loads no HTTP code.
      throw new UsageError('--env is handled by the online check; run it through the sysreg CLI.');
    }
    return runValidation(context, parsed);
  },
};
