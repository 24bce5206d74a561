/**
 * `validate --report github`: annotations, the job summary and the outputs. Writes only to the
 * step's stdout and files, never to the API, so it needs no token and loads no HTTP code: validate
 * runs on every pull request, forks included, and must start fast.
 */
import type { CommandContext } from '../model/command.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { readActionsContext } from './actions-environment.ts';
import { formatDiagnosticAnnotation } from './annotations.ts';
import { appendJobSummary } from './job-summary.ts';
import { writeOutputs } from './outputs.ts';
import { createInertLogOutput } from './inert-log.ts';
import { parseReportTarget } from './report-target.ts';
import { renderValidationSummary } from './validation-summary.ts';

/** For validate's `--report`, from this module so validate loads one module lazily. */
export { createInertLogOutput, parseReportTarget };

export async function reportValidationToGitHub(
  context: Pick<CommandContext, 'env' | 'stdout'>,
  input: { diagnostics: readonly Diagnostic[]; fileCount: number },
): Promise<void> {
  const { diagnostics, fileCount } = input;
  const actions = await readActionsContext(context.env);
  context.stdout.write(diagnostics.map(formatDiagnosticAnnotation).join(''));
  await appendJobSummary(actions.stepSummaryPath, renderValidationSummary(diagnostics, fileCount));
  await writeOutputs(actions.outputPath, {
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  });
}
