/**
 * `sysreg drift --env NAME`: the same comparison as plan, seen from live Altinn: what changed
 * outside git, what is missing, unmanaged or deleted there.
 */
import { decideDriftExitCode, type DriftReport } from '../plan/drift.ts';
import { renderDriftJson } from '../plan/render-json.ts';
import { renderDriftMarkdown } from '../plan/render-markdown.ts';
import { renderDriftText } from '../plan/render-text.ts';
import { runAcceptDrift } from './shared/run-accept-drift.ts';
import type { Command } from '../model/command.ts';
import { UsageError } from '../model/command.ts';
import { declareAltinnOptions, pickFormat, type AltinnOptions } from './shared/altinn-options.ts';
import { collectRepeated } from './shared/command-line.ts';
import { compareWithAltinn, driftComparisonWithHistory } from './shared/live-comparison.ts';
import { wantsColor } from './shared/color.ts';
import { writeOutputFile } from './shared/output-file.ts';

const DRIFT_FORMATS = ['text', 'markdown', 'json'] as const;

interface DriftOptions extends AltinnOptions {
  accept?: boolean;
  intoBase?: boolean;
  only?: string[];
  format?: string;
  out?: string;
  detailedExitcode?: boolean;
  report?: string;
}

export const command: Command<DriftOptions> = {
  name: 'drift',
  declare(commandLine) {
    commandLine.usage('--env NAME [options]').description(
      `Reports what differs in Altinn from git: systems changed outside git, missing in Altinn, unmanaged
in Altinn (no file describes them), or deleted in Altinn while the file is live. Reads only from
Altinn; only --accept writes, and only to the files.`,
    );
    declareAltinnOptions(commandLine, { systemsFolder: true });
    commandLine
      .option(
        '--accept',
        'Write the live values of systems changed outside git into their files, as the smallest edit (comments kept), for review as a pull request. All files or none. Reports as text; not with --format markdown/json or --report. A value is written as an environments.<env> override whenever the other environments (tt02, prod and those in sysreg.config.yaml or in the file) read a different one, so a test value never reaches prod; into the base only when every other environment already has it, or with --into-base.',
      )
      .option('--into-base', 'With --accept: write into the base, changing every environment that reads it.')
      .option(
        '--only <id>',
        'With --accept: only this system (repeat, or separate ids with commas).',
        collectRepeated,
      )
      .option('--format <fmt>', 'text (default), markdown or json.')
      .option('--out <file>', 'Also write the report as JSON (the same as --format json prints).')
      .option('--detailed-exitcode', 'Exit 2 when there is drift.')
      .option(
        '--report <target>',
        'github: also report to GitHub from an Actions job: keep one issue labelled sysreg-drift open while there is drift, closed when it is gone.',
      )
      .addHelpText(
        'after',
        `
Exit status: 0 no drift, 1 error, 2 drift (with --detailed-exitcode).
With --accept: 0 when the files were written (or there was nothing to accept), 1 error (nothing
written).`,
      );
  },
  async run(context, { options: values }) {
    if (values.only && !values.accept) throw new UsageError('--only goes with --accept.');
    if (values.intoBase && !values.accept) throw new UsageError('--into-base goes with --accept.');
    if (values.accept && values.report !== undefined) {
      throw new UsageError('--accept edits the files here; it does not go with --report.');
    }
    const environment = values.env;
    const format = pickFormat(values.format, DRIFT_FORMATS);
    if (values.accept && format !== 'text') throw new UsageError('--accept reports as text only.');
    // Loaded only when asked for; the target is checked before any request is made.
    const github = values.report === undefined ? undefined : await import('../github/report-command.ts');
    github?.parseReportTarget(values.report);
    const comparison = await compareWithAltinn(context, { environment, altinnUrl: values.altinnUrl });
    if (values.accept) {
      await comparison.connection.close();
      const only = values.only?.flatMap((ids) =>
        ids
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      );
      await runAcceptDrift(context, comparison, { only, intoBase: values.intoBase === true });
      return 0;
    }
    let report: DriftReport;
    try {
      report = await driftComparisonWithHistory(comparison);
    } finally {
      await comparison.connection.close();
    }
    const rendered =
      format === 'json'
        ? renderDriftJson(report)
        : format === 'markdown'
          ? renderDriftMarkdown(report, values.out ? { fullPlanHint: `the report file ${values.out}` } : {})
          : renderDriftText(report, {
              color: wantsColor(context),
              uncommittedChanges: comparison.uncommitted,
            });
    if (values.out) await writeOutputFile(context, values.out, renderDriftJson(report));
    // In Actions, printed names must not act as workflow commands; JSON stays byte-exact.
    const log = github && format !== 'json' ? github.createInertLogOutput(context.stdout) : context.stdout;
    log.write(rendered);
    await github?.reportDriftToGitHub(github.withWorkflowCommandsBeside(context, format), report);
    return decideDriftExitCode(report, { detailedExitCode: values.detailedExitcode === true });
  },
};
