/**
 * `sysreg plan --env NAME`: what applying git to Altinn would change, per system and field. A dry
 * run by construction: it only reads.
 */
import { decidePlanExitCode } from '../plan/plan.ts';
import type { Plan } from '../plan/plan-types.ts';
import { renderPlanJson } from '../plan/render-json.ts';
import { renderPlanMarkdown } from '../plan/render-markdown.ts';
import { renderPlanText } from '../plan/render-text.ts';
import type { Command, CommandContext } from '../model/command.ts';
import {
  ALTINN_OPTION_USAGE,
  CREDENTIALS_USAGE,
  parseCommandArguments,
  pickFormat,
  requireDefaultSystemsFolder,
  requireEnvironmentName,
} from './shared/altinn-options.ts';
import { compareWithAltinn, planComparisonWithDeleteCosts } from './shared/live-comparison.ts';
import type { LiveComparison } from './shared/live-comparison.ts';
import { wantsColor } from './shared/color.ts';
import { writeOutputFile } from './shared/output-file.ts';
import { fetchCatalogue } from '../altinn/catalogue-client.ts';
import { collectCatalogueReferences } from '../systems/catalogue-references.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { renderDiagnosticsText } from '../systems/render-diagnostics.ts';
import { sortDiagnostics, validateSystems } from '../systems/validate.ts';
import { restrictToEnvironment } from './validate-online.ts';

const PLAN_FORMATS = ['text', 'markdown', 'json'] as const;
type PlanFormat = (typeof PLAN_FORMATS)[number];

const USAGE = `Usage: sysreg plan --env NAME [options]

Compares systems/ with live Altinn and shows what apply would do: creates, field-level updates,
deletes (only where a file declares isDeleted: true for the environment), blocked systems and
unmanaged live systems.
Reads only; never writes to Altinn.

Options:
${ALTINN_OPTION_USAGE}
  --format <fmt>        text (default), markdown or json.
  --out <file>          Also write the plan as JSON, as --format json prints it (for apply --plan
                        and reviewers).
  --detailed-exitcode   Exit 2 when there are changes.
  --force               Accept a plan above the safety threshold (exit 0/2 instead of 1).
  --report github       Also report to GitHub from an Actions job: on a pull request the sticky
                        plan comment; annotations, job summary and step outputs always.

${CREDENTIALS_USAGE}

The resources and access packages the files name are looked up in the environment, as
validate --env does: one Altinn does not know is an error on its YAML line, so a plan that apply
would fail on fails here, before merge.

Exit status: 0 no changes, 2 changes (with --detailed-exitcode); 1 on an error, an unsafe plan, a
blocked system (apply would not carry it out), or a resource or access package unknown to the
environment. Unmanaged systems are reported but are not changes.
`;

export function renderPlan(
  plan: Plan,
  format: PlanFormat,
  context: CommandContext,
  outFile?: string,
  uncommittedChanges = false,
): string {
  if (format === 'json') return renderPlanJson(plan);
  if (format === 'markdown') {
    return renderPlanMarkdown(plan, outFile ? { fullPlanHint: `the plan file ${outFile}` } : {});
  }
  return renderPlanText(plan, { color: wantsColor(context), uncommittedChanges });
}

export const command: Command = {
  name: 'plan',
  summary: 'Show what applying git to Altinn would change (reads only).',
  usage: USAGE,
  async run(context) {
    const { values, positionals } = parseCommandArguments(
      context.argv,
      {
        format: { type: 'string', default: 'text' },
        out: { type: 'string' },
        'detailed-exitcode': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        report: { type: 'string' },
      },
      USAGE,
    );
    requireDefaultSystemsFolder(positionals, USAGE);
    const environment = requireEnvironmentName(values.env, USAGE);
    const format = pickFormat(values.format, PLAN_FORMATS);
    // Loaded only when asked for; the target is checked before any request is made.
    const github = values.report === undefined ? undefined : await import('../github/report-command.ts');
    github?.parseReportTarget(values.report);
    const comparison = await compareWithAltinn(context, { environment, altinnUrl: values['altinn-url'] });
    let unknownReferences: Diagnostic[];
    let plan: Plan;
    try {
      unknownReferences = await checkCatalogueOnline(comparison);
      plan = await planComparisonWithDeleteCosts(comparison);
    } finally {
      await comparison.connection.close();
    }

    if (values.out) await writeOutputFile(context, values.out, renderPlanJson(plan));
    // In Actions, printed names must not act as workflow commands; JSON stays byte-exact.
    const log = github && format !== 'json' ? github.createInertLogOutput(context.stdout) : context.stdout;
    log.write(renderPlan(plan, format, context, values.out, comparison.uncommitted));
    // Reported before the safety verdict: reviewers must see an unsafe plan too.
    await github?.reportPlanToGitHub(github.withWorkflowCommandsBeside(context, format), plan, {
      planFile: values.out,
      diagnostics: unknownReferences,
    });

    if (unknownReferences.length > 0) {
      context.stderr.write(
        renderDiagnosticsText({
          diagnostics: unknownReferences,
          fileCount: comparison.desiredState.files.length,
          sources: comparison.desiredState.sources,
        }),
      );
      context.stderr.write(
        `sysreg plan: ${environment} does not know ${unknownReferences.length} resource(s) or access ` +
          'package(s) the files name; apply would fail on them. Fix the files above.\n',
      );
      return 1;
    }
    if (plan.counts.blocked > 0) {
      const blocked = plan.changes.filter((change) => change.action === 'blocked');
      context.stderr.write(
        `sysreg plan: ${blocked.length} system(s) blocked, which apply will not carry out: ` +
          `${blocked.map((change) => `${change.systemId} (${change.blocked?.reason ?? 'blocked'})`).join('; ')}.\n`,
      );
      return 1;
    }
    if (!plan.safety.safe && !values.force) {
      context.stderr.write(
        // Each reason is a sentence; joined into one, their own full stops would double up.
        `sysreg plan: the plan is unsafe: ${plan.safety.reasons.map((reason) => reason.replace(/\.$/, '')).join('; ')}. ` +
          'Review it, then run apply with --force to go ahead.\n',
      );
      return 1;
    }
    return decidePlanExitCode(plan, { detailedExitCode: values['detailed-exitcode'] });
  },
};

/**
 * The resources and access packages the files name, looked up in the environment (as `validate
 * --env` does) over the open connection: the errors the rules find with the live records, at the
 * files' positions. Offline rules already passed, so what is left is what the environment lacks.
 */
async function checkCatalogueOnline(comparison: LiveComparison): Promise<Diagnostic[]> {
  const files = comparison.desiredState.files.map((file) =>
    restrictToEnvironment(file, comparison.environment),
  );
  const catalogue = await fetchCatalogue(comparison.connection.client, collectCatalogueReferences(files));
  return sortDiagnostics(
    validateSystems(files, { catalogue, catalogueSource: 'live', checkResources: true }),
  ).filter((diagnostic) => diagnostic.severity === 'error');
}
