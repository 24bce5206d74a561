/**
 * `--report github` for plan, apply and drift: one call each, made after the command has its result
 * (validate's, which needs no API, is in report-validation.ts). Reads the Actions environment from
 * the command's `env`, hands annotations, summary and outputs to the runner (actions-runner.ts) and
 * writes a one-line account of what was posted to its stderr. Any failure is a GitHubReportError (exit 1, token redacted), so a plan that could not
 * be posted fails the job.
 */
import type { CommandContext } from '../model/command.ts';
import type { DriftReport } from '../plan/drift.ts';
import type { Plan } from '../plan/plan-types.ts';
import { renderDriftMarkdown } from '../plan/render-markdown.ts';
import type { ApplyRun } from '../apply/apply-run.ts';
import type { ApplyAccount } from './apply-report.ts';
import { buildApplyReport, describeApplyRun } from './apply-report.ts';
import type { DriftIssueResult } from './drift-issue.ts';
import { buildPlanReport } from './plan-report.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { toDiagnosticAnnotation } from './annotations.ts';
import { createActionsRunner, type ActionsRunner } from './actions-runner.ts';
import type { ApplyReportResult, GitHubReporter, PlanReportResult } from './report.ts';
import { createGitHubReporterFromEnvironment } from './report.ts';
import { readActionsContext, requireToken } from './actions-environment.ts';

export { createInertLogOutput } from './actions-runner.ts';
export { parseReportTarget } from './report-target.ts';

/**
 * The report's context with the runner it reports through, its workflow commands (annotations) on
 * stdout, except beside `--format json`, whose stdout must stay parseable; the runner reads stderr too.
 */
export function withWorkflowCommandsBeside<C extends Pick<CommandContext, 'env' | 'stderr'>>(
  context: C,
  format: string,
): C & { runner: ActionsRunner } {
  return { ...context, runner: createActionsRunner(format === 'json' ? 'stderr' : 'stdout') };
}

/** `runner`: the step's own (createActionsRunner) unless given. */
type ReportContext = Pick<CommandContext, 'env' | 'stderr'> & { runner?: ActionsRunner };

function openReporter(context: ReportContext, runner = runnerOf(context)): Promise<GitHubReporter> {
  return createGitHubReporterFromEnvironment(context.env, runner);
}

function runnerOf(context: ReportContext): ActionsRunner {
  return context.runner ?? createActionsRunner();
}

/**
 * plan: annotations on the lines behind each change, the job summary and outputs; on a pull request
 * also the sticky comment, with changes to files the pull request does not touch flagged.
 */
export async function reportPlanToGitHub(
  context: ReportContext,
  plan: Plan,
  options: {
    planFile?: string | undefined;
    /** Errors found against the environment (unknown resources), annotated on their lines. */
    diagnostics?: readonly Diagnostic[];
  } = {},
): Promise<PlanReportResult> {
  const runner = runnerOf(context);
  const reporter = await openReporter(context, runner);
  runner.annotate((options.diagnostics ?? []).map(toDiagnosticAnnotation));
  const report = buildPlanReport(plan, {
    commit: reporter.context.pullRequest?.headSha,
    planFile: options.planFile,
  });
  const result = await reporter.reportPlan(report);
  if (result.comment) {
    const pull = reporter.context.pullRequest?.number;
    const degraded = result.degraded ? ' (summary only: the plan is too long for a comment)' : '';
    context.stderr.write(`sysreg plan: plan comment ${result.comment.action} on #${pull}${degraded}.\n`);
  }
  if (result.unrelatedChanges.length > 0) {
    const ids = result.unrelatedChanges.map((change) => change.systemId).join(', ');
    context.stderr.write(
      `sysreg plan: ${result.unrelatedChanges.length} planned change(s) outside this pull request's files: ${ids}.\n`,
    );
  }
  return result;
}

/** apply: the per-system result as a comment on the merged pull request(s) of the commit. */
export async function reportApplyRunToGitHub(
  context: ReportContext,
  run: ApplyRun,
): Promise<ApplyReportResult> {
  return reportApplyToGitHub(context, describeApplyRun(run));
}

/** The same from an account of the apply already made (tests, other callers). */
export async function reportApplyToGitHub(
  context: ReportContext,
  account: ApplyAccount,
): Promise<ApplyReportResult> {
  const reporter = await openReporter(context);
  const result = await reporter.reportApply(buildApplyReport(account));
  context.stderr.write(
    result.pullRequests.length > 0
      ? `sysreg apply: result commented on ${result.pullRequests.map((n) => `#${n}`).join(', ')}.\n`
      : 'sysreg apply: no merged pull request is linked to this commit; the result is in the job summary.\n',
  );
  return result;
}

/**
 * apply reports after it has written, so whether it can report is checked before it writes: outside
 * an Actions job (or without a token) `apply --report github` refuses with nothing done.
 */
export async function requireApplyReportEnvironment(env: Record<string, string | undefined>): Promise<void> {
  requireToken(await readActionsContext(env));
}

/** drift: the rolling `sysreg-drift` issue, opened, updated or closed. */
export async function reportDriftToGitHub(
  context: ReportContext,
  report: DriftReport,
): Promise<DriftIssueResult> {
  const reporter = await openReporter(context);
  const result = await reporter.reportDrift({
    environment: report.environment,
    hasDrift: report.counts.total > 0,
    // Issue and job summary share one rendering; the full text report is in the run's log.
    markdown: renderDriftMarkdown(report, { fullPlanHint: 'the log of the drift run' }),
  });
  if (result.action !== 'none') {
    context.stderr.write(`sysreg drift: drift issue #${result.issueNumber} ${result.action}.\n`);
  }
  return result;
}
