import {
  escapeTerminalText,
  escapeTerminalTextKeepingTabs
} from "./chunk-RPKBACA5.js";

// src/model/paint.ts
var ANSI = {
  bold: "1",
  dim: "2",
  green: "32",
  yellow: "33",
  red: "31",
  magenta: "35",
  cyan: "36"
};
function createPaint(color) {
  return color ? (style, text) => `\x1B[${ANSI[style]}m${text}\x1B[0m` : (_style, text) => text;
}

// src/systems/render-diagnostics.ts
var MAX_DIAGNOSTICS_PER_FILE = 100;
function capDiagnostics(diagnostics) {
  const counts = /* @__PURE__ */ new Map();
  const omitted = /* @__PURE__ */ new Map();
  const shown = [];
  for (const diagnostic of diagnostics) {
    const count = (counts.get(diagnostic.file) ?? 0) + 1;
    counts.set(diagnostic.file, count);
    if (count <= MAX_DIAGNOSTICS_PER_FILE) shown.push(diagnostic);
    else omitted.set(diagnostic.file, (omitted.get(diagnostic.file) ?? 0) + 1);
  }
  return { shown, omitted };
}
function describeOmitted(file, count) {
  return `${file}: ${groupThousands(count)} more diagnostic${count === 1 ? "" : "s"} not shown (the first ${MAX_DIAGNOSTICS_PER_FILE} are).`;
}
function groupThousands(count) {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
function hasErrors(diagnostics) {
  return diagnostics.some((diagnostic) => diagnostic.severity === "error");
}
function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
function summarizeDiagnostics(diagnostics, fileCount) {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const files = new Set(diagnostics.map((d) => d.file)).size;
  if (errors === 0) {
    const valid = `${plural(fileCount, "file")} valid`;
    return warnings === 0 ? `${valid}.` : `${valid}, with ${plural(warnings, "warning")} in ${plural(files, "file")}.`;
  }
  const counts = warnings === 0 ? plural(errors, "error") : `${plural(errors, "error")} and ${plural(warnings, "warning")}`;
  return `${counts} in ${files} of ${plural(fileCount, "file")}.`;
}
function describeRule(diagnostic) {
  return diagnostic.altinnCode ? `${diagnostic.ruleId} (${diagnostic.altinnCode})` : diagnostic.ruleId;
}
function prefixEnvironment(diagnostic) {
  return diagnostic.environment ? `${diagnostic.environment}: ${diagnostic.message}` : diagnostic.message;
}
var MAX_SOURCE_WIDTH = 160;
function indexSourceLines(sources) {
  const split = /* @__PURE__ */ new Map();
  return (file) => {
    const text = sources?.get(file);
    if (text === void 0 || text === "") return void 0;
    let lines = split.get(file);
    if (!lines) {
      lines = text.split(/\r?\n/);
      split.set(file, lines);
    }
    return lines;
  };
}
function renderSourceExcerpt(diagnostic, lines) {
  const line = lines?.[diagnostic.line - 1];
  if (line === void 0) return [];
  let source = line;
  let column = diagnostic.column;
  if (source.length > MAX_SOURCE_WIDTH) {
    const start = Math.max(0, Math.min(column - 1 - MAX_SOURCE_WIDTH / 2, source.length - MAX_SOURCE_WIDTH));
    source = `${start > 0 ? "\u2026" : ""}${source.slice(start, start + MAX_SOURCE_WIDTH)}\u2026`;
    column = column - start + (start > 0 ? 1 : 0);
  }
  const sameLine = diagnostic.endLine === diagnostic.line && diagnostic.endColumn !== void 0;
  const width = sameLine ? Math.max(1, (diagnostic.endColumn ?? 0) - diagnostic.column) : 1;
  const caretWidth = Math.max(1, Math.min(width, source.length - column + 1));
  const gutter = String(diagnostic.line);
  const pad = " ".repeat(gutter.length);
  const before = escapeTerminalTextKeepingTabs(source.slice(0, Math.max(0, column - 1)));
  const under = escapeTerminalTextKeepingTabs(source.slice(Math.max(0, column - 1), column - 1 + caretWidth));
  const lead = before.replace(/[^\t]/g, " ");
  return [
    ` ${gutter} | ${escapeTerminalTextKeepingTabs(source)}`,
    ` ${pad} | ${lead}${"^".repeat(Math.max(1, under.length))}`
  ];
}
function renderDiagnosticsText({
  diagnostics,
  fileCount,
  sources,
  color = false
}) {
  const paint = createPaint(color);
  const out = [];
  const sourceLines = indexSourceLines(sources);
  const { shown, omitted } = capDiagnostics(diagnostics);
  for (const diagnostic of shown) {
    const severity = paint(diagnostic.severity === "error" ? "red" : "yellow", diagnostic.severity);
    const position = escapeTerminalText(`${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`);
    out.push(
      `${paint("bold", position)}  ${severity}  ${paint("dim", escapeTerminalText(describeRule(diagnostic)))}  ${escapeTerminalText(prefixEnvironment(diagnostic))}`
    );
    out.push(...renderSourceExcerpt(diagnostic, sourceLines(diagnostic.file)));
    if (diagnostic.hint) out.push(`   = hint: ${escapeTerminalText(diagnostic.hint)}`);
    out.push("");
  }
  for (const [file, count] of omitted) out.push(escapeTerminalText(describeOmitted(file, count)), "");
  out.push(paint("bold", summarizeDiagnostics(diagnostics, fileCount)));
  return `${out.join("\n")}
`;
}
function renderDiagnosticsJson({ diagnostics, fileCount }) {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const { shown, omitted } = capDiagnostics(diagnostics);
  const omittedCount = [...omitted.values()].reduce((sum, count) => sum + count, 0);
  const body = {
    formatVersion: 1,
    valid: errors === 0,
    summary: {
      files: fileCount,
      errors,
      warnings: diagnostics.length - errors,
      ...omittedCount > 0 ? { omitted: omittedCount } : {}
    },
    diagnostics: shown.map((d) => ({
      file: d.file,
      line: d.line,
      column: d.column,
      ...d.endLine !== void 0 ? { endLine: d.endLine, endColumn: d.endColumn } : {},
      severity: d.severity,
      ruleId: d.ruleId,
      ...d.altinnCode ? { altinnCode: d.altinnCode } : {},
      message: d.message,
      ...d.hint ? { hint: d.hint } : {},
      ...d.environment ? { environment: d.environment } : {}
    }))
  };
  return `${JSON.stringify(body, null, 2)}
`;
}

export {
  createPaint,
  capDiagnostics,
  describeOmitted,
  hasErrors,
  summarizeDiagnostics,
  describeRule,
  renderDiagnosticsText,
  renderDiagnosticsJson
};
