import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  appendJobSummary,
  createInertLogOutput,
  parseReportTarget,
  readActionsContext,
  writeOutputs
} from "./chunk-3XXY6EEX.js";
import {
  escapeMarkdownText
} from "./chunk-QKMTZ5FX.js";
import "./chunk-JLANHWJN.js";
import "./chunk-QS53BEIT.js";
import {
  renderDiagnosticAnnotations
} from "./chunk-RDKWUYD7.js";
import {
  describeRule,
  hasErrors,
  summarizeDiagnostics
} from "./chunk-P2GHN5B7.js";
import "./chunk-TMLGWUGT.js";
import "./chunk-DFEVOAXM.js";
import "./chunk-PFLRPMBQ.js";

// src/github/validation-summary.ts
var MAX_SUMMARY_ROWS = 500;
function renderValidationSummary(diagnostics, fileCount) {
  const verdict = hasErrors(diagnostics) ? "❌" : "✅";
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
    if (hidden > 0) lines.push("", `…and ${hidden} more, in the annotations and the log.`);
  }
  return `${lines.join("\n")}
`;
}

// src/github/report-validation.ts
async function reportValidationToGitHub(context, input) {
  const { diagnostics, fileCount } = input;
  const actions = await readActionsContext(context.env);
  context.stdout.write(renderDiagnosticAnnotations(diagnostics));
  await appendJobSummary(actions.stepSummaryPath, renderValidationSummary(diagnostics, fileCount));
  await writeOutputs(actions.outputPath, {
    errors: diagnostics.filter((d) => d.severity === "error").length,
    warnings: diagnostics.filter((d) => d.severity === "warning").length
  });
}
export {
  createInertLogOutput,
  parseReportTarget,
  reportValidationToGitHub
};
