import {
  compareWithAltinn,
  decidePlanExitCode,
  planComparisonWithDeleteCosts,
  renderPlanJson,
  renderPlanText,
  writeOutputFile
} from "./chunk-EFBOAXCO.js";
import "./chunk-GCDYRGNO.js";
import {
  declareAltinnOptions,
  pickFormat
} from "./chunk-4MD6NOMD.js";
import "./chunk-JQXKIT2I.js";
import {
  renderPlanMarkdown
} from "./chunk-O5OKAX22.js";
import "./chunk-OXRKPH2W.js";
import {
  restrictToEnvironment
} from "./chunk-4QXQ56IU.js";
import "./chunk-O6E3MLC2.js";
import {
  wantsColor
} from "./chunk-EFA3IRPG.js";
import {
  validateSystems
} from "./chunk-NLQ3QRQQ.js";
import "./chunk-DYX2OOHH.js";
import {
  collectCatalogueReferences,
  fetchCatalogue
} from "./chunk-4EZJHFKE.js";
import "./chunk-HTATWITR.js";
import "./chunk-O7WPZCOJ.js";
import "./chunk-LTTDTWR3.js";
import "./chunk-Y6H6IDJD.js";
import "./chunk-TWCSMN77.js";
import "./chunk-2QRLR2CN.js";
import "./chunk-ZERHEBEW.js";
import "./chunk-J7OVXALX.js";
import "./chunk-XTLGM2XZ.js";
import {
  sortDiagnostics
} from "./chunk-BLFSHPJ3.js";
import "./chunk-JUN6NXH3.js";
import {
  renderDiagnosticsText
} from "./chunk-SJD3TTC4.js";
import "./chunk-RPKBACA5.js";
import "./chunk-BVG62MQ6.js";
import "./chunk-XUPUTSX3.js";
import "./chunk-7VZ5H7B6.js";

// src/commands/plan.ts
var PLAN_FORMATS = ["text", "markdown", "json"];
function renderPlan(plan, format, context, outFile, uncommittedChanges = false) {
  if (format === "json") return renderPlanJson(plan);
  if (format === "markdown") {
    return renderPlanMarkdown(plan, outFile ? { fullPlanHint: `the plan file ${outFile}` } : {});
  }
  return renderPlanText(plan, { color: wantsColor(context), uncommittedChanges });
}
var command = {
  name: "plan",
  declare(commandLine) {
    commandLine.usage("--env NAME [options]").description(
      `Compares systems/ with live Altinn and shows what apply would do: creates, field-level updates,
deletes (only where a file declares isDeleted: true for the environment), blocked systems and
unmanaged live systems. Reads only; never writes to Altinn.`
    );
    declareAltinnOptions(commandLine, { systemsFolder: true });
    commandLine.option("--format <fmt>", "text (default), markdown or json.").option(
      "--out <file>",
      "Also write the plan as JSON, as --format json prints it (for apply --plan and reviewers)."
    ).option("--detailed-exitcode", "Exit 2 when there are changes.").option("--force", "Accept a plan above the safety threshold (exit 0/2 instead of 1).").option(
      "--report <target>",
      "github: also report to GitHub from an Actions job: on a pull request the sticky plan comment; annotations, job summary and step outputs always."
    ).addHelpText(
      "after",
      `
The resources and access packages the files name are looked up in the environment, as
validate --env does: one Altinn does not know is an error on its YAML line, so a plan that apply
would fail on fails here, before merge.

Exit status: 0 no changes, 2 changes (with --detailed-exitcode); 1 on an error, an unsafe plan, a
blocked system (apply would not carry it out), or a resource or access package unknown to the
environment. Unmanaged systems are reported but are not changes.`
    );
  },
  async run(context, { options: values }) {
    const environment = values.env;
    const format = pickFormat(values.format, PLAN_FORMATS);
    const github = values.report === void 0 ? void 0 : await import("./report-command-V77EFZQN.js");
    github?.parseReportTarget(values.report);
    const comparison = await compareWithAltinn(context, { environment, altinnUrl: values.altinnUrl });
    let unknownReferences;
    let plan;
    try {
      unknownReferences = await checkCatalogueOnline(comparison);
      plan = await planComparisonWithDeleteCosts(comparison);
    } finally {
      await comparison.connection.close();
    }
    if (values.out) await writeOutputFile(context, values.out, renderPlanJson(plan));
    const log = github && format !== "json" ? github.createInertLogOutput(context.stdout) : context.stdout;
    log.write(renderPlan(plan, format, context, values.out, comparison.uncommitted));
    await github?.reportPlanToGitHub(github.withWorkflowCommandsBeside(context, format), plan, {
      planFile: values.out,
      diagnostics: unknownReferences
    });
    if (unknownReferences.length > 0) {
      context.stderr.write(
        renderDiagnosticsText({
          diagnostics: unknownReferences,
          fileCount: comparison.desiredState.files.length,
          sources: comparison.desiredState.sources
        })
      );
      context.stderr.write(
        `sysreg plan: ${environment} does not know ${unknownReferences.length} resource(s) or access package(s) the files name; apply would fail on them. Fix the files above.
`
      );
      return 1;
    }
    if (plan.counts.blocked > 0) {
      const blocked = plan.changes.filter((change) => change.action === "blocked");
      context.stderr.write(
        `sysreg plan: ${blocked.length} system(s) blocked, which apply will not carry out: ${blocked.map((change) => `${change.systemId} (${change.blocked?.reason ?? "blocked"})`).join("; ")}.
`
      );
      return 1;
    }
    if (!plan.safety.safe && !values.force) {
      context.stderr.write(
        // Each reason is a sentence; joined into one, their own full stops would double up.
        `sysreg plan: the plan is unsafe: ${plan.safety.reasons.map((reason) => reason.replace(/\.$/, "")).join("; ")}. Review it, then run apply with --force to go ahead.
`
      );
      return 1;
    }
    return decidePlanExitCode(plan, { detailedExitCode: values.detailedExitcode === true });
  }
};
async function checkCatalogueOnline(comparison) {
  const files = comparison.desiredState.files.map(
    (file) => restrictToEnvironment(file, comparison.environment)
  );
  const catalogue = await fetchCatalogue(comparison.connection.client, collectCatalogueReferences(files));
  return sortDiagnostics(
    validateSystems(files, { catalogue, catalogueSource: "live", checkResources: true })
  ).filter((diagnostic) => diagnostic.severity === "error");
}
export {
  command,
  renderPlan
};
