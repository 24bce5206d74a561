/**
 * `validate --report github`: annotations, the job summary and the outputs. Hands them only to the
 * runner (actions-runner.ts), never to the API, so it needs no token and loads no HTTP code: validate
 * runs on every pull request, forks included, and must start fast.
 */
import type { CommandContext } from '../model/command.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { DiagnosticsReport } from '../systems/render-diagnostics.ts';
import { readActionsContext } from './actions-environment.ts';
import { createActionsRunner, createInertLogOutput } from './actions-runner.ts';
import { diagnosticAnnotations, diagnosticsReportAnnotations } from './annotations.ts';
import { parseReportTarget } from './report-target.ts';
import { renderValidationSummary } from './validation-summary.ts';

/** For validate's `--report`, from this module so validate loads one module lazily. */
export { createInertLogOutput, parseReportTarget };

/** `validate --format github`: the annotations and the summary notice, with no other report. */
export function printDiagnosticsAnnotations(report: DiagnosticsReport): void {
  createActionsRunner().annotate(diagnosticsReportAnnotations(report));
}

export async function reportValidationToGitHub(
  context: Pick<CommandContext, 'env'>,
  input: { diagnostics: readonly Diagnostic[]; fileCount: number },
): Promise<void> {
  const { diagnostics, fileCount } = input;
  await readActionsContext(context.env);
  const runner = createActionsRunner();
  runner.annotate(diagnosticAnnotations(diagnostics));
  await runner.appendJobSummary(renderValidationSummary(diagnostics, fileCount));
  runner.setOutputs({
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  });
}
