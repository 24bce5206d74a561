/**
 * Workflow-command annotations (`::error file=…,line=…::message`), which GitHub shows on the lines of
 * a pull request's diff. Escaping is exactly @actions/core's, so a message cannot end the command
 * early or inject a second one.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import { summarizeDiagnostics, type DiagnosticsReport } from '../systems/render-diagnostics.ts';

export type AnnotationLevel = 'notice' | 'warning' | 'error';

export interface Annotation {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  col?: number;
  endLine?: number;
  endColumn?: number;
  level: AnnotationLevel;
  title: string;
  message: string;
}

/** @actions/core `escapeData`: for the message after `::`. */
export function escapeAnnotationData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** @actions/core `escapeProperty`: for `key=value` pairs, where `:` and `,` are separators. */
export function escapeAnnotationProperty(text: string): string {
  return escapeAnnotationData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command line, with its trailing newline. */
export function formatAnnotation(annotation: Annotation): string {
  const properties: [string, string | number | undefined][] = [
    ['file', annotation.file],
    ['line', annotation.line],
    ['col', annotation.col],
    ['endLine', annotation.endLine],
    ['endColumn', annotation.endColumn],
    ['title', annotation.title],
  ];
  const rendered = properties
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${escapeAnnotationProperty(String(value))}`)
    .join(',');
  return `::${annotation.level} ${rendered}::${escapeAnnotationData(annotation.message)}\n`;
}

/** A vendor's mistake as an annotation: the rule id (and Altinn code) as title, the hint after the message. */
export function toDiagnosticAnnotation(diagnostic: Diagnostic): Annotation {
  const code = diagnostic.altinnCode ? ` (${diagnostic.altinnCode})` : '';
  const scope = diagnostic.environment ? ` [${diagnostic.environment}]` : '';
  const message = diagnostic.hint ? `${diagnostic.message}\n${diagnostic.hint}` : diagnostic.message;
  const annotation: Annotation = {
    file: diagnostic.file,
    line: diagnostic.line,
    col: diagnostic.column,
    level: diagnostic.severity,
    title: `sysreg ${diagnostic.ruleId}${code}${scope}`,
    message,
  };
  if (diagnostic.endLine !== undefined) annotation.endLine = diagnostic.endLine;
  if (diagnostic.endColumn !== undefined) annotation.endColumn = diagnostic.endColumn;
  return annotation;
}

export function formatDiagnosticAnnotation(diagnostic: Diagnostic): string {
  return formatAnnotation(toDiagnosticAnnotation(diagnostic));
}

/** One annotation per diagnostic, then the summary as a notice. */
export function renderDiagnosticsGithub({ diagnostics, fileCount }: DiagnosticsReport): string {
  const lines = diagnostics.map((diagnostic) => formatDiagnosticAnnotation(diagnostic).trimEnd());
  lines.push(
    `::notice title=sysreg validate::${escapeAnnotationData(summarizeDiagnostics(diagnostics, fileCount))}`,
  );
  return `${lines.join('\n')}\n`;
}
