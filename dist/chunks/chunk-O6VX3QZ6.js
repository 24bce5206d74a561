import {
  capDiagnostics,
  describeOmitted,
  summarizeDiagnostics
} from "./chunk-B7Y4Y63N.js";

// src/github/annotations.ts
function escapeAnnotationData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeAnnotationProperty(text) {
  return escapeAnnotationData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function formatAnnotation(annotation) {
  const properties = [
    ["file", annotation.file],
    ["line", annotation.line],
    ["col", annotation.col],
    ["endLine", annotation.endLine],
    ["endColumn", annotation.endColumn],
    ["title", annotation.title]
  ];
  const rendered = properties.filter((entry) => entry[1] !== void 0 && entry[1] !== "").map(([key, value]) => `${key}=${escapeAnnotationProperty(String(value))}`).join(",");
  return `::${annotation.level} ${rendered}::${escapeAnnotationData(annotation.message)}
`;
}
function toDiagnosticAnnotation(diagnostic) {
  const code = diagnostic.altinnCode ? ` (${diagnostic.altinnCode})` : "";
  const scope = diagnostic.environment ? ` [${diagnostic.environment}]` : "";
  const message = diagnostic.hint ? `${diagnostic.message}
${diagnostic.hint}` : diagnostic.message;
  const annotation = {
    file: diagnostic.file,
    line: diagnostic.line,
    col: diagnostic.column,
    level: diagnostic.severity,
    title: `sysreg ${diagnostic.ruleId}${code}${scope}`,
    message
  };
  if (diagnostic.endLine !== void 0) annotation.endLine = diagnostic.endLine;
  if (diagnostic.endColumn !== void 0) annotation.endColumn = diagnostic.endColumn;
  return annotation;
}
function formatDiagnosticAnnotation(diagnostic) {
  return formatAnnotation(toDiagnosticAnnotation(diagnostic));
}
function renderDiagnosticAnnotations(diagnostics) {
  const { shown, omitted } = capDiagnostics(diagnostics);
  const lines = shown.map((diagnostic) => formatDiagnosticAnnotation(diagnostic));
  for (const [file, count] of omitted)
    lines.push(`::notice title=sysreg validate::${escapeAnnotationData(describeOmitted(file, count))}
`);
  return lines.join("");
}
function renderDiagnosticsGithub({ diagnostics, fileCount }) {
  const summary = escapeAnnotationData(summarizeDiagnostics(diagnostics, fileCount));
  return `${renderDiagnosticAnnotations(diagnostics)}::notice title=sysreg validate::${summary}
`;
}

export {
  formatAnnotation,
  formatDiagnosticAnnotation,
  renderDiagnosticAnnotations,
  renderDiagnosticsGithub
};
