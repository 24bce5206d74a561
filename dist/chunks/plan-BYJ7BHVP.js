import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  compareWithAltinn,
  decidePlanExitCode,
  planComparisonWithDeleteCosts,
  renderPlanJson,
  renderPlanText,
  writeOutputFile
} from "./chunk-OA2DJAOH.js";
import "./chunk-5H4AKS2N.js";
import {
  ALTINN_OPTION_USAGE,
  CREDENTIALS_USAGE,
  parseCommandArguments,
  pickFormat,
  requireDefaultSystemsFolder,
  requireEnvironmentName
} from "./chunk-AFYJKM2W.js";
import "./chunk-HFONU46N.js";
import {
  renderPlanMarkdown
} from "./chunk-QKMTZ5FX.js";
import "./chunk-JLANHWJN.js";
import {
  restrictToEnvironment
} from "./chunk-4Q6E3SRX.js";
import {
  collectCatalogueReferences,
  fetchCatalogue
} from "./chunk-7SQ2OXUT.js";
import "./chunk-NL67VIKX.js";
import "./chunk-6NLQGXK2.js";
import "./chunk-GXJ3DS7S.js";
import "./chunk-MXBULDQQ.js";
import "./chunk-QS53BEIT.js";
import "./chunk-QN2H46T5.js";
import {
  wantsColor
} from "./chunk-FTFKRZ4A.js";
import {
  validateSystems
} from "./chunk-UU56D22B.js";
import "./chunk-KGULHHCH.js";
import "./chunk-XG5GZA5Y.js";
import "./chunk-G7IWAAZC.js";
import "./chunk-IDQTVNP5.js";
import "./chunk-5D3DEEUL.js";
import "./chunk-MAKOQR3N.js";
import {
  sortDiagnostics
} from "./chunk-LJMKBTNR.js";
import "./chunk-ES5KJZ65.js";
import "./chunk-LPPGVJBP.js";
import "./chunk-RDKWUYD7.js";
import {
  renderDiagnosticsText
} from "./chunk-P2GHN5B7.js";
import "./chunk-TMLGWUGT.js";
import "./chunk-DFEVOAXM.js";
import "./chunk-PFLRPMBQ.js";

// src/commands/plan.ts
var PLAN_FORMATS = ["text", "markdown", "json"];
var USAGE = `Usage: sysreg plan --env NAME [options]

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
function renderPlan(plan, format, context, outFile, uncommittedChanges = false) {
  if (format === "json") return renderPlanJson(plan);
  if (format === "markdown") {
    return renderPlanMarkdown(plan, outFile ? { fullPlanHint: `the plan file ${outFile}` } : {});
  }
  return renderPlanText(plan, { color: wantsColor(context), uncommittedChanges });
}
var command = {
  name: "plan",
  summary: "Show what applying git to Altinn would change (reads only).",
  usage: USAGE,
  async run(context) {
    const { values, positionals } = parseCommandArguments(
      context.argv,
      {
        format: { type: "string", default: "text" },
        out: { type: "string" },
        "detailed-exitcode": { type: "boolean", default: false },
        force: { type: "boolean", default: false },
        report: { type: "string" }
      },
      USAGE
    );
    requireDefaultSystemsFolder(positionals, USAGE);
    const environment = requireEnvironmentName(values.env, USAGE);
    const format = pickFormat(values.format, PLAN_FORMATS);
    const github = values.report === void 0 ? void 0 : await import("./report-command-SWKJVCTO.js");
    github?.parseReportTarget(values.report);
    const comparison = await compareWithAltinn(context, { environment, altinnUrl: values["altinn-url"] });
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
    return decidePlanExitCode(plan, { detailedExitCode: values["detailed-exitcode"] });
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
