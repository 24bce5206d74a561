/**
 * `sysreg validate [paths…] [--format text|json|github]`: checks system files offline against the
 * register's rules and the shipped catalogue. Exit 0 when valid (warnings allowed), 1 otherwise.
 * Loads no HTTP or GitHub code, so it starts fast in every pull request.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_CATALOGUE } from '../catalogue/default-catalogue.ts';
import { discoverSystemFiles } from '../systems/discover.ts';
import { loadSystemFiles } from '../systems/load.ts';
import {
  DIAGNOSTICS_FORMATS,
  hasErrors,
  renderDiagnostics,
  type DiagnosticsFormat,
} from '../systems/render-diagnostics.ts';
import { sortDiagnostics, validateSystems } from '../systems/validate.ts';
import { UsageError, type Command } from './command.ts';

const USAGE = `Usage: sysreg validate [paths…] [--format text|json|github] [--report github]

Checks system files offline: YAML syntax, the schema, and the register's rules (AUTH.VLD codes),
in the base and in every environment a file names.

Arguments:
  paths…           Files or folders to check (default: every *.yaml and *.yml under systems/).

Options:
  --format <fmt>   text (default), json, or github (workflow annotations).
  --report github  Also report to GitHub from an Actions job: annotations, job summary, outputs.
  -h, --help       Show this help.

Exit status: 0 when valid (warnings allowed), 1 when any error is found.
`;

function parseValidateArguments(argv: string[]): {
  paths: string[];
  format: DiagnosticsFormat;
  report: string | undefined;
} {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { format: { type: 'string', default: 'text' }, report: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
  const format = parsed.values.format;
  if (!(DIAGNOSTICS_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format '${format}'; use one of ${DIAGNOSTICS_FORMATS.join(', ')}.`);
  }
  return { paths: parsed.positionals, format: format as DiagnosticsFormat, report: parsed.values.report };
}

export const command: Command = {
  name: 'validate',
  summary: 'Check system files offline against the register rules.',
  usage: USAGE,
  async run({ argv, stdout, env, cwd }) {
    const { paths, format, report } = parseValidateArguments(argv);
    // Loaded only when asked for, so a plain validate never pays for the GitHub stack.
    const github = report === undefined ? undefined : await import('../github/report-validation.ts');
    const reportTarget = github?.parseReportTarget(report);
    const discovered = await discoverSystemFiles(cwd, paths);
    const files = await loadSystemFiles(discovered.files);
    const diagnostics = sortDiagnostics([
      ...discovered.diagnostics,
      ...validateSystems(files, { catalogue: DEFAULT_CATALOGUE }),
    ]);
    const sources = new Map(files.map((file) => [file.file, file.text]));
    const fileCount = discovered.files.length + discovered.diagnostics.length;
    // The GitHub report writes the annotations itself; printing them twice would double each one.
    if (!(reportTarget === 'github' && format === 'github')) {
      // In Actions, quoted YAML lines must not act as workflow commands; JSON stays byte-exact.
      const log = github && format === 'text' ? github.createInertLogOutput(stdout) : stdout;
      log.write(renderDiagnostics(format, { diagnostics, fileCount, sources }));
    }
    if (github && reportTarget === 'github') {
      await github.reportValidationToGitHub({ env, stdout }, { diagnostics, fileCount });
    }
    return hasErrors(diagnostics) ? 1 : 0;
  },
};
