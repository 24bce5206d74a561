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
import {
  ALTINN_OPTION_USAGE,
  CREDENTIALS_USAGE,
  parseCommandArguments,
  pickFormat,
  requireDefaultSystemsFolder,
  requireEnvironmentName,
} from './shared/altinn-options.ts';
import { compareWithAltinn, driftComparisonWithHistory, wantsColor } from './shared/live-comparison.ts';
import { writeOutputFile } from './shared/output-file.ts';

const DRIFT_FORMATS = ['text', 'markdown', 'json'] as const;

const USAGE = `Usage: sysreg drift --env NAME [options]

Reports what differs in Altinn from git: systems changed outside git, missing in Altinn, unmanaged
in Altinn (no file describes them), or deleted in Altinn while the file is live. Reads only from
Altinn; only --accept writes, and only to the files.

Options:
${ALTINN_OPTION_USAGE}
  --accept              Write the live values of systems changed outside git into their files, as the
                        smallest edit (comments kept), for review as a pull request. All files or
                        none. Reports as text; not with --format markdown/json or --report.
  --only <id>           With --accept: only this system (repeat, or separate ids with commas).
  --format <fmt>        text (default), markdown or json.
  --out <file>          Also write the report as JSON (the same as --format json prints).
  --detailed-exitcode   Exit 2 when there is drift.
  --report github       Also report to GitHub from an Actions job: keep one issue labelled
                        sysreg-drift open while there is drift, closed when it is gone.

${CREDENTIALS_USAGE}

Exit status: 0 no drift, 1 error, 2 drift (with --detailed-exitcode).
With --accept: 0 when the files were written (or there was nothing to accept), 1 error (nothing
written).
`;

export const command: Command = {
  name: 'drift',
  summary: 'Report what changed in Altinn outside git (reads only).',
  usage: USAGE,
  async run(context) {
    const { values, positionals } = parseCommandArguments(
      context.argv,
      {
        accept: { type: 'boolean', default: false },
        only: { type: 'string', multiple: true },
        format: { type: 'string', default: 'text' },
        out: { type: 'string' },
        'detailed-exitcode': { type: 'boolean', default: false },
        report: { type: 'string' },
      },
      USAGE,
    );
    if (values.only && !values.accept) throw new UsageError(`--only goes with --accept\n\n${USAGE}`);
    if (values.accept && values.format !== 'text') throw new UsageError('--accept reports as text only.');
    if (values.accept && values.report !== undefined) {
      throw new UsageError('--accept edits the files here; it does not go with --report.');
    }
    requireDefaultSystemsFolder(positionals, USAGE);
    const environment = requireEnvironmentName(values.env, USAGE);
    const format = pickFormat(values.format, DRIFT_FORMATS);
    // Loaded only when asked for; the target is checked before any request is made.
    const github = values.report === undefined ? undefined : await import('../github/report-command.ts');
    github?.parseReportTarget(values.report);
    const comparison = await compareWithAltinn(context, { environment, altinnUrl: values['altinn-url'] });
    if (values.accept) {
      await comparison.connection.close();
      const only = values.only?.flatMap((ids) =>
        ids
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      );
      await runAcceptDrift(context, comparison, only);
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
          : renderDriftText(report, { color: wantsColor(context) });
    if (values.out) await writeOutputFile(context, values.out, renderDriftJson(report));
    // In Actions, printed names must not act as workflow commands; JSON stays byte-exact.
    const log = github && format !== 'json' ? github.createInertLogOutput(context.stdout) : context.stdout;
    log.write(rendered);
    await github?.reportDriftToGitHub(github.withWorkflowCommandsBeside(context, format), report);
    return decideDriftExitCode(report, { detailedExitCode: values['detailed-exitcode'] });
  },
};
