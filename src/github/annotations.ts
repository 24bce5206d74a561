/**
 * Which annotations sysreg raises, as data: GitHub shows them on the lines of a pull request's diff.
 * They reach the runner through actions-runner.ts, where @actions/core formats and escapes them, so a
 * message cannot end the command early or inject a second one.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import {
  capDiagnostics,
  describeOmitted,
  summarizeDiagnostics,
  type DiagnosticsReport,
} from '../systems/render-diagnostics.ts';

export type AnnotationLevel = 'notice' | 'warning' | 'error';

export interface Annotation {
  /** Path relative to the repository root, with forward slashes; absent for a note on the whole run. */
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  col?: number;
  endLine?: number;
  endColumn?: number;
  level: AnnotationLevel;
  title: string;
  message: string;
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

/** One annotation per diagnostic shown, then a notice per file for the rest. */
export function diagnosticAnnotations(diagnostics: readonly Diagnostic[]): Annotation[] {
  const { shown, omitted } = capDiagnostics(diagnostics);
  const annotations = shown.map(toDiagnosticAnnotation);
  for (const [file, count] of omitted) {
    annotations.push({ level: 'notice', title: 'sysreg validate', message: describeOmitted(file, count) });
  }
  return annotations;
}

/** `validate --format github`: the annotations, then the summary as a notice. */
export function diagnosticsReportAnnotations({ diagnostics, fileCount }: DiagnosticsReport): Annotation[] {
  return [
    ...diagnosticAnnotations(diagnostics),
    { level: 'notice', title: 'sysreg validate', message: summarizeDiagnostics(diagnostics, fileCount) },
  ];
}
