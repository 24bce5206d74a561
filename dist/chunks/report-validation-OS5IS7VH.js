import {
  diagnosticAnnotations,
  diagnosticsReportAnnotations,
  parseReportTarget,
  readActionsContext
} from "./chunk-QN5J2A52.js";
import {
  escapeMarkdownText
} from "./chunk-O5OKAX22.js";
import "./chunk-OXRKPH2W.js";
import {
  createActionsRunner,
  createInertLogOutput
} from "./chunk-FFJOBAUL.js";
import "./chunk-B7AQ6FAF.js";
import {
  describeRule,
  hasErrors,
  summarizeDiagnostics
} from "./chunk-SJD3TTC4.js";
import "./chunk-RPKBACA5.js";
import "./chunk-BVG62MQ6.js";
import "./chunk-XUPUTSX3.js";
import "./chunk-7VZ5H7B6.js";

// src/github/validation-summary.ts
var MAX_SUMMARY_ROWS = 500;
function renderValidationSummary(diagnostics, fileCount) {
  const verdict = hasErrors(diagnostics) ? "\u274C" : "\u2705";
  const lines = [
    `### sysreg validate ${verdict}`,
    "",
    escapeMarkdownText(summarizeDiagnostics(diagnostics, fileCount))
  ];
  if (diagnostics.length > 0) {
    lines.push("", "| Where | Severity | Rule | Message |", "|---|---|---|---|");
    for (const diagnostic of diagnostics.slice(0, MAX_SUMMARY_ROWS)) {
      const where = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`;
      const scope = diagnostic.environment ? `${diagnostic.environment}: ` : "";
      const hint = diagnostic.hint ? `<br>${escapeMarkdownText(diagnostic.hint)}` : "";
      lines.push(
        `| ${escapeMarkdownText(where)} | ${diagnostic.severity} | ${escapeMarkdownText(describeRule(diagnostic))} | ${escapeMarkdownText(`${scope}${diagnostic.message}`)}${hint} |`
      );
    }
    const hidden = diagnostics.length - MAX_SUMMARY_ROWS;
    if (hidden > 0) lines.push("", `\u2026and ${hidden} more, in the annotations and the log.`);
  }
  return `${lines.join("\n")}
`;
}

// src/github/report-validation.ts
function printDiagnosticsAnnotations(report) {
  createActionsRunner().annotate(diagnosticsReportAnnotations(report));
}
async function reportValidationToGitHub(context, input) {
  const { diagnostics, fileCount } = input;
  await readActionsContext(context.env);
  const runner = createActionsRunner();
  runner.annotate(diagnosticAnnotations(diagnostics));
  await runner.appendJobSummary(renderValidationSummary(diagnostics, fileCount));
  runner.setOutputs({
    errors: diagnostics.filter((d) => d.severity === "error").length,
    warnings: diagnostics.filter((d) => d.severity === "warning").length
  });
}
export {
  createInertLogOutput,
  parseReportTarget,
  printDiagnosticsAnnotations,
  reportValidationToGitHub
};
