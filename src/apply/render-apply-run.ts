/**
 * An apply run for people (text) and machines (canonical JSON), and the progress lines shown while
 * it runs: a counter rewritten in place on a terminal, one quiet line per system in CI.
 */
import { findValidationCodeHelp } from '../altinn/error-codes.ts';
import { stringifyCanonicalJson } from '../model/canonical-json.ts';
import { escapeTerminalText } from '../systems/terminal-text.ts';
import type { ApplyProgress, SystemApplyResult } from './apply-plan.ts';
import { summariseApplyRun } from './apply-run.ts';
import type { ApplyRun } from './apply-run.ts';

const PAST_TENSE: Record<SystemApplyResult['action'], string> = {
  create: 'created',
  update: 'updated',
  delete: 'deleted',
  blocked: 'blocked',
};

const SKIP_WORDS: Record<NonNullable<SystemApplyResult['reason']>, string> = {
  blocked: 'blocked',
  'dependency-not-applied': 'waits for a change that was not applied',
  'not-in-reviewed-plan': 'not in the reviewed plan',
  aborted: 'not started',
};

export function renderApplyRunJson(run: ApplyRun): string {
  return `${stringifyCanonicalJson(summariseApplyRun(run), 2)}\n`;
}

/** One line per system: what happened to it. */
export function describeResult(result: SystemApplyResult): string {
  const id = escapeTerminalText(result.systemId);
  if (result.outcome === 'applied') {
    const note = result.message ? ` (${escapeTerminalText(result.message)})` : '';
    return `${PAST_TENSE[result.action]} ${id}${note}`;
  }
  if (result.outcome === 'skipped') {
    const message = escapeTerminalText(result.message ?? '');
    // "skipped blocked of X: blocked." said nothing twice; a blocked system says why it is blocked.
    if (result.action === 'blocked') return `blocked ${id}: ${message}`.trimEnd();
    if (result.reason === 'aborted') return `not started: ${result.action} of ${id}`;
    const why = result.reason ? SKIP_WORDS[result.reason] : 'skipped';
    return `skipped ${result.action} of ${id}: ${why}. ${message}`.trimEnd();
  }
  const status =
    result.status === null || result.status === undefined ? 'no answer' : `HTTP ${result.status}`;
  const codes = result.codes && result.codes.length > 0 ? ` ${result.codes.join(', ')}` : '';
  return `FAILED ${result.action} of ${id} (${status}${codes}): ${escapeTerminalText(result.message ?? '')}`;
}

export function renderApplyRunText(run: ApplyRun): string {
  const lines: string[] = [];
  const environment = escapeTerminalText(run.environment);
  switch (run.status) {
    case 'stale-plan':
      lines.push(
        `sysreg apply: nothing applied in ${environment}. The plan changed since review (reviewed ${run.reviewedChecksum}, now ${run.plan.checksum}):`,
      );
      for (const difference of run.differences) {
        lines.push(
          `  ${escapeTerminalText(difference.systemId)}: reviewed ${difference.reviewed}; now ${difference.now}`,
        );
      }
      lines.push('Make a new plan, have it reviewed, and apply that.');
      return `${lines.join('\n')}\n`;
    case 'refused':
      lines.push(
        `sysreg apply: nothing applied in ${environment}. The plan above needs more than was given:`,
      );
      for (const reason of run.refusal) lines.push(`  ${reason}`);
      return `${lines.join('\n')}\n`;
    case 'cancelled':
      return `sysreg apply: cancelled; nothing applied in ${environment}.\n`;
    default:
      break;
  }
  const report = run.report;
  if (!report || report.counts.total === 0) {
    return `sysreg apply in ${environment}: nothing to apply; Altinn matches git.\n`;
  }
  const { counts } = report;
  const seconds = (report.durationMs / 1000).toFixed(1);
  const notStarted = report.results.filter((result) => result.reason === 'aborted').length;
  const skipped = counts.skipped - notStarted;
  const tally = [
    `${counts.applied} applied`,
    `${counts.failed} failed`,
    ...(skipped > 0 || !run.interruption ? [`${skipped} skipped`] : []),
    ...(run.interruption ? [`${notStarted} not started`] : []),
  ].join(', ');
  const headline = run.interruption ? `${escapeTerminalText(run.interruption)}; ` : '';
  lines.push(
    `sysreg apply in ${environment}: ${headline}${tally} of ${counts.total} planned, in ${seconds} s.`,
  );
  for (const result of report.results) {
    lines.push(`  ${describeResult(result)}`);
    if (result.outcome === 'failed') lines.push(...explainCodes(result.codes ?? []));
  }
  if (run.verificationError) lines.push(escapeTerminalText(run.verificationError));
  else if (run.verification) {
    if (run.verification.clean) {
      lines.push(
        `Verified: a fresh plan is empty for the ${run.verification.checked} system(s) apply wrote to.`,
      );
    } else {
      lines.push(
        `Not verified: a fresh plan still has changes for ${run.verification.remaining.length} of the ${run.verification.checked} system(s) apply wrote to:`,
      );
      for (const remaining of run.verification.remaining) {
        lines.push(
          `  ${escapeTerminalText(remaining.systemId)}: ${remaining.action}. ${escapeTerminalText(remaining.why)}`,
        );
      }
    }
  }
  lines.push(closingLine(run, counts.failed));
  return `${lines.join('\n')}\n`;
}

/** What each AUTH.VLD code means and how to fix it, as the README's troubleshooting says. */
function explainCodes(codes: readonly string[]): string[] {
  return [...new Set(codes)].flatMap((code) => {
    const help = findValidationCodeHelp(code);
    return help ? [`      ${code}: ${help.meaning} Fix: ${help.fix}`] : [];
  });
}

/** What to do next, naming the real cause: a failure, an interruption, or changes left skipped. */
function closingLine(run: ApplyRun, failed: number): string {
  if (run.exitCode === 0) return 'Done: Altinn matches git for every system in the plan.';
  if (failed > 0) {
    return 'Not done: run apply again after fixing what failed; it picks up where this run stopped.';
  }
  if (run.interruption) return 'Not done: run apply again to finish; it picks up where this run stopped.';
  if (run.verificationError) {
    return 'Not done: nothing is verified; run apply again, it changes nothing that is already right.';
  }
  if (run.verification && !run.verification.clean) {
    return 'Not done: Altinn does not yet hold what was written (above); run plan to see what is left.';
  }
  return 'Not done: the changes skipped above were not applied; see why beside each.';
}

/** Writes progress: a counter rewritten in place on a terminal, or one line per system in CI. */
export function createProgressPrinter(
  output: { write(text: string): unknown },
  options: { tty: boolean },
): (progress: ApplyProgress) => void {
  const failed = { count: 0 };
  return (progress) => {
    if (progress.result.outcome === 'failed') failed.count += 1;
    if (!options.tty) {
      output.write(`[${progress.done}/${progress.total}] ${describeResult(progress.result)}\n`);
      return;
    }
    const failures = failed.count > 0 ? `, ${failed.count} failed` : '';
    output.write(`\r\u001b[2KApplying: ${progress.done}/${progress.total} done${failures}`);
    if (progress.done === progress.total) output.write('\n');
  };
}
