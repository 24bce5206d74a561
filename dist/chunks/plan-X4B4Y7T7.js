import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  writeOutputFile
} from "./chunk-XX2DZX3B.js";
import {
  compareWithAltinn,
  decidePlanExitCode,
  planComparison,
  renderPlanJson,
  renderPlanText,
  wantsColor
} from "./chunk-2GWHAVG5.js";
import {
  ALTINN_OPTION_USAGE,
  CREDENTIALS_USAGE,
  parseCommandArguments,
  pickFormat,
  requireDefaultSystemsFolder,
  requireEnvironmentName
} from "./chunk-6E3YWLPJ.js";
import "./chunk-V4O7UAFV.js";
import "./chunk-I3QDYHMD.js";
import "./chunk-GXJ3DS7S.js";
import "./chunk-BWGYRILG.js";
import "./chunk-7NOI2AF5.js";
import "./chunk-PNURGIQ4.js";
import "./chunk-G6XEQELQ.js";
import "./chunk-3VVXVFR3.js";
import "./chunk-7XM6UA5P.js";
import "./chunk-PD2XGLPH.js";
import "./chunk-KBDEQPMX.js";
import {
  renderPlanMarkdown
} from "./chunk-FIPSCOSG.js";
import "./chunk-JL4PHI74.js";
import "./chunk-UEDY57WB.js";
import "./chunk-DFEVOAXM.js";
import "./chunk-PFLRPMBQ.js";

// src/commands/plan.ts
var PLAN_FORMATS = ["text", "markdown", "json"];
var USAGE = `Usage: sysreg plan --env NAME [options]

Compares systems/ with live Altinn and shows what apply would do: creates, field-level updates,
deletes (only for files that declare isDeleted: true), blocked systems and unmanaged live systems.
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

Exit status: 0 no changes, 1 error or unsafe plan, 2 changes (with --detailed-exitcode).
Unmanaged systems are reported but are not changes.
`;
function renderPlan(plan, format, context, outFile) {
  if (format === "json") return renderPlanJson(plan);
  if (format === "markdown") {
    return renderPlanMarkdown(plan, outFile ? { fullPlanHint: `the plan file ${outFile}` } : {});
  }
  return renderPlanText(plan, { color: wantsColor(context) });
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
    const github = values.report === void 0 ? void 0 : await import("./report-command-YIBSNISD.js");
    github?.parseReportTarget(values.report);
    const comparison = await compareWithAltinn(context, { environment, altinnUrl: values["altinn-url"] });
    await comparison.connection.close();
    const plan = planComparison(comparison);
    if (values.out) await writeOutputFile(context, values.out, renderPlanJson(plan));
    const log = github && format !== "json" ? github.createInertLogOutput(context.stdout) : context.stdout;
    log.write(renderPlan(plan, format, context, values.out));
    await github?.reportPlanToGitHub(github.withWorkflowCommandsBeside(context, format), plan, {
      planFile: values.out
    });
    if (!plan.safety.safe && !values.force) {
      context.stderr.write(
        `sysreg plan: the plan is unsafe: ${plan.safety.reasons.join("; ")}. Review it, then run apply with --force to go ahead.
`
      );
      return 1;
    }
    return decidePlanExitCode(plan, { detailedExitCode: values["detailed-exitcode"] });
  }
};
export {
  command,
  renderPlan
};
