/**
 * `sysreg apply --env NAME`: makes Altinn what git says. Re-plans against live state first; with
 * `--plan`, applies only if the fresh plan is the reviewed one. Deletes need `--allow-delete`, an
 * unsafe plan `--force`. Afterwards a fresh read verifies the result. Safe to run again: a re-run
 * finishes what a failed or killed run left, and changes nothing that is already right.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { createProgressPrinter, renderApplyRunJson, renderApplyRunText } from '../apply/render-apply-run.ts';
import { runApply } from '../apply/apply-run.ts';
import { combineReviewedPlans } from '../apply/combine-reviewed-plans.ts';
import type { ApplyRun } from '../apply/apply-run.ts';
import { DEFAULT_CONCURRENCY } from '../altinn/transport.ts';
import type { TransportOptions } from '../altinn/transport.ts';
import { parsePlanJson } from '../plan/render-json.ts';
import type { Plan } from '../plan/plan-types.ts';
import { renderPlanText } from '../plan/render-text.ts';
import { UsageError, resolveFileArgument } from '../model/command.ts';
import { interruptedExitCode } from './interruption.ts';
import type { Command, CommandContext, Output } from '../model/command.ts';
import { declareAltinnOptions, pickFormat, type AltinnOptions } from './shared/altinn-options.ts';
import { collectRepeated } from './shared/command-line.ts';
import { askToApply, decideApplyConsent } from './shared/confirm.ts';
import { compareWithAltinn } from './shared/live-comparison.ts';
import { wantsColor } from './shared/color.ts';
import { writeOutputFile } from './shared/output-file.ts';

const APPLY_FORMATS = ['text', 'json'] as const;
type ApplyFormat = (typeof APPLY_FORMATS)[number];

const MAX_CONCURRENCY = 64;

/**
 * Apply reads every system before planning and again to verify, and one read that runs out of
 * attempts fails the whole read. So it allows more attempts than the default, within the same total
 * time budget per request; writes are never repeated blindly either way (a POST is read first).
 */
const APPLY_RETRY = { maxAttempts: 8 };

interface ApplyOptions extends AltinnOptions {
  plan?: string[];
  allowDelete?: boolean;
  force?: boolean;
  format?: string;
  out?: string;
  concurrency?: string;
  requestTimeout?: string;
  report?: string;
  yes?: boolean;
}

export interface ApplyCommandOptions {
  environment: string;
  altinnUrl?: string | undefined;
  reviewedPlan?: Plan;
  allowDelete: boolean;
  force: boolean;
  concurrency: number;
  requestTimeoutMs?: number;
  /** Where to show the fresh plan before applying, if anywhere. */
  planOutput?: Output;
  /** Where to show progress, if anywhere: a counter when it is a terminal, else a line per system. */
  progressOutput?: Output;
  signal?: AbortSignal;
  /** Asked after the plan is shown and before the first write (a terminal without --yes). */
  confirm?: (plan: Plan) => Promise<boolean>;
}

/**
 * The command's core, callable in-process: connect, re-plan, apply, verify, close. Shows the plan
 * and progress where the options say; returns the run for the caller to render.
 */
export async function executeApply(context: CommandContext, options: ApplyCommandOptions): Promise<ApplyRun> {
  const transport: TransportOptions = {
    concurrency: options.concurrency,
    retry: APPLY_RETRY,
    ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
  };
  if (options.reviewedPlan && options.reviewedPlan.environment !== options.environment) {
    throw new UsageError(
      `the reviewed plan is for ${options.reviewedPlan.environment}, not ${options.environment}.`,
    );
  }
  const comparison = await compareWithAltinn(context, {
    environment: options.environment,
    altinnUrl: options.altinnUrl,
    transport,
  });
  const { planOutput, progressOutput } = options;
  try {
    return await runApply(
      {
        client: comparison.connection.client,
        desired: comparison.desiredState.desired,
        live: comparison.live,
        settings: { prune: comparison.config.prune, safety: comparison.config.safety },
        environment: options.environment,
        commit: comparison.commit,
      },
      {
        allowDelete: options.allowDelete,
        force: options.force,
        concurrency: options.concurrency,
        ...(options.reviewedPlan ? { reviewedPlan: options.reviewedPlan } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.confirm ? { confirm: options.confirm } : {}),
        ...(planOutput
          ? {
              onPlan: (plan: Plan) => {
                if (plan.counts.changes > 0)
                  planOutput.write(
                    renderPlanText(plan, {
                      color: wantsColor(context),
                      uncommittedChanges: comparison.uncommitted,
                      permissions: { allowDelete: options.allowDelete, force: options.force },
                    }),
                  );
              },
            }
          : {}),
        ...(progressOutput
          ? { onProgress: createProgressPrinter(progressOutput, { tty: Boolean(progressOutput.isTTY) }) }
          : {}),
      },
    );
  } finally {
    await comparison.connection.close();
  }
}

export async function readReviewedPlan(cwd: string, file: string): Promise<Plan> {
  const target = isAbsolute(file) ? file : join(cwd, file);
  let text: string;
  try {
    text = await readFile(target, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read the plan file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  const parsed = parsePlanJson(text);
  if (!parsed.ok) throw new UsageError(`${file}: ${parsed.message}`);
  return parsed.plan;
}

/** Several reviewed plans, in merge order, as one; all must be for one environment. */
export async function readReviewedPlans(cwd: string, files: readonly string[]): Promise<Plan> {
  const plans = await Promise.all(files.map((file) => readReviewedPlan(cwd, file)));
  const environments = [...new Set(plans.map((plan) => plan.environment))];
  if (environments.length > 1) {
    throw new UsageError(`the reviewed plans are for different environments: ${environments.join(', ')}.`);
  }
  return combineReviewedPlans(plans);
}

function readPositiveInteger(value: string | undefined, flag: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < 1 || number > max) {
    throw new UsageError(`${flag} must be a whole number from 1 to ${max}, got '${value}'.`);
  }
  return number;
}

function readSeconds(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || seconds <= 0 || seconds > 600) {
    throw new UsageError(`${flag} must be a number of seconds above 0 and at most 600, got '${value}'.`);
  }
  return Math.round(seconds * 1000);
}

export const command: Command<ApplyOptions> = {
  name: 'apply',
  declare(commandLine) {
    commandLine.usage('--env NAME [options]').description(
      `Makes Altinn match systems/: creates (POST), updates (PUT of the whole document) and, with
--allow-delete, deletes. Plans against live Altinn first. Runs with bounded concurrency, continues
past a failed system, then verifies with a fresh read that nothing is left to do. Running it again
finishes what a failed or interrupted run left and changes nothing that is already right.`,
    );
    declareAltinnOptions(commandLine, { systemsFolder: true });
    commandLine
      .option(
        '--plan <file>',
        'The reviewed plan (from plan --out). Apply only if the fresh plan is the same for every system it covers; otherwise apply nothing. Give it once per merged pull request, in merge order, to apply several: each system is held to the plan of the last one that changed it.',
        collectRepeated,
      )
      .option(
        '--allow-delete',
        'Carry out deletes (a deleted id can never be used again). Without it, a plan that deletes is refused as a whole.',
      )
      .option('--force', 'Apply a plan above the safety threshold.')
      .option(
        '-y, --yes',
        'Apply without asking. On a terminal apply shows the plan and asks first; where no one can answer (not a terminal, --format json) it needs --yes, except in CI (CI=true) and with a reviewed --plan.',
      )
      .option('--format <fmt>', 'text (default) or json (the run report, for machines).')
      .option(
        '--out <file>',
        'Also write the run report as JSON, as --format json prints it; written before anything is printed, so a closed output cannot lose it.',
      )
      .option(
        '--concurrency <n>',
        `Requests in flight at once (default ${DEFAULT_CONCURRENCY}, at most ${MAX_CONCURRENCY}).`,
      )
      .option('--request-timeout <sec>', 'Give up on one attempt after this many seconds (default 30).')
      .option(
        '--report <target>',
        'github: also report to GitHub from an Actions job: the per-system result as a comment on the merged pull request(s) of the commit, job summary, outputs.',
      )
      .addHelpText(
        'after',
        `
Exit status: 0 when everything planned was applied and verified (or nothing was to do);
1 otherwise, including a refused or stale plan and blocked changes.`,
      );
  },
  async run(context, { options: values }) {
    const environment = values.env;
    const format: ApplyFormat = pickFormat(values.format, APPLY_FORMATS);
    const consent = decideApplyConsent(context, {
      yes: values.yes === true,
      reviewedPlan: (values.plan?.length ?? 0) > 0,
      format,
    });
    const concurrency = readPositiveInteger(values.concurrency, '--concurrency', MAX_CONCURRENCY);
    const requestTimeoutMs = readSeconds(values.requestTimeout, '--request-timeout');
    // Loaded only when asked for; the target is checked before anything is written.
    const github = values.report === undefined ? undefined : await import('../github/report-command.ts');
    github?.parseReportTarget(values.report);
    // The report comes after the writes; a job that cannot take it must fail before them.
    await github?.requireApplyReportEnvironment(context.env);
    const reviewedPlan = values.plan?.length
      ? await readReviewedPlans(
          context.cwd,
          values.plan.map((file) => resolveFileArgument(context, file)),
        )
      : undefined;
    // In Actions, printed names must not act as workflow commands; JSON stays byte-exact.
    const log = github && format === 'text' ? github.createInertLogOutput(context.stdout) : context.stdout;
    const progress = github ? github.createInertLogOutput(context.stderr) : context.stderr;
    const report = github
      ? (run: ApplyRun) =>
          github.reportApplyRunToGitHub(github.withWorkflowCommandsBeside(context, format), run)
      : undefined;
    // Ctrl-C, a cancelled CI job or a closed terminal (src/commands/interruption.ts): the reads stop
    // at once, no change starts after it, and the run reports what it did.
    return applyAndReport(
      context,
      format,
      { log, ...(report ? { report } : {}), ...(values.out ? { outFile: values.out } : {}) },
      {
        environment,
        altinnUrl: values.altinnUrl,
        ...(reviewedPlan ? { reviewedPlan } : {}),
        allowDelete: values.allowDelete === true,
        force: values.force === true,
        concurrency: concurrency ?? DEFAULT_CONCURRENCY,
        ...(requestTimeoutMs !== undefined ? { requestTimeoutMs } : {}),
        // The JSON report owns stdout; people read the plan and progress on stderr then.
        planOutput: format === 'json' ? progress : log,
        progressOutput: progress,
        ...(context.signal ? { signal: context.signal } : {}),
        ...(consent === 'ask'
          ? {
              confirm: () =>
                askToApply(
                  context,
                  `Apply the changes above to ${environment}? Nothing is written otherwise.`,
                ),
            }
          : {}),
      },
    );
  },
};

async function applyAndReport(
  context: CommandContext,
  format: ApplyFormat,
  output: { log: Output; report?: (run: ApplyRun) => Promise<unknown>; outFile?: string },
  options: ApplyCommandOptions,
): Promise<number> {
  let run: ApplyRun;
  try {
    run = await executeApply(context, options);
  } catch (error) {
    const interrupted = interruptedExitCode(options.signal);
    if (interrupted === undefined) throw error;
    context.stderr.write(
      `sysreg apply: ${describeInterruption(options.signal)} before anything was applied; 0 applied, nothing started.\n`,
    );
    return interrupted;
  }
  // Written before anything is printed, so a closed output cannot lose the report.
  if (output.outFile) await writeOutputFile(context, output.outFile, renderApplyRunJson(run));
  output.log.write(format === 'json' ? renderApplyRunJson(run) : renderApplyRunText(run));
  // After the run is printed: a report that fails fails the command, the log still shows the run.
  await output.report?.(run);
  return interruptedExitCode(options.signal) ?? run.exitCode;
}

function describeInterruption(signal: AbortSignal | undefined): string {
  return signal?.reason instanceof Error ? signal.reason.message : 'interrupted';
}
