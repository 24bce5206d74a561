/**
 * Diagnostics as text for people (with the source line and a caret) and JSON for machines (the GitHub
 * annotations live at the GitHub edge, src/github/annotations.ts). Pure: sources come in as a map from
 * file to text.
 */
import { createPaint } from '../plan/paint.ts';
import type { Diagnostic } from '../model/diagnostic.ts';

export interface DiagnosticsReport {
  diagnostics: readonly Diagnostic[];
  /** How many files were checked, for the summary. */
  fileCount: number;
  /** File text by repository-relative path, for source lines under text diagnostics. */
  sources?: ReadonlyMap<string, string>;
  /** Text only: colour as plan does (the caller decides: a terminal, and no NO_COLOR). */
  color?: boolean;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** One line: `3 errors and 1 warning in 2 of 5 files.` or `5 files valid.` */
export function summarizeDiagnostics(diagnostics: readonly Diagnostic[], fileCount: number): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const files = new Set(diagnostics.map((d) => d.file)).size;
  if (errors === 0) {
    const valid = `${plural(fileCount, 'file')} valid`;
    return warnings === 0
      ? `${valid}.`
      : `${valid}, with ${plural(warnings, 'warning')} in ${plural(files, 'file')}.`;
  }
  const counts =
    warnings === 0
      ? plural(errors, 'error')
      : `${plural(errors, 'error')} and ${plural(warnings, 'warning')}`;
  return `${counts} in ${files} of ${plural(fileCount, 'file')}.`;
}

/** `rule-id (AUTH.VLD-00005)`, or the rule id alone. */
export function describeRule(diagnostic: Diagnostic): string {
  return diagnostic.altinnCode ? `${diagnostic.ruleId} (${diagnostic.altinnCode})` : diagnostic.ruleId;
}

function prefixEnvironment(diagnostic: Diagnostic): string {
  return diagnostic.environment ? `${diagnostic.environment}: ${diagnostic.message}` : diagnostic.message;
}

const MAX_SOURCE_WIDTH = 160;

/** The source line and a caret under the span, indented under the header; empty when there is no source. */
function renderSourceExcerpt(diagnostic: Diagnostic, text: string | undefined): string[] {
  if (text === undefined || text === '') return [];
  const lines = text.split(/\r?\n/);
  const line = lines[diagnostic.line - 1];
  if (line === undefined) return [];
  let source = line;
  let column = diagnostic.column;
  // Long lines are cut to a window around the column, so the caret stays on screen.
  if (source.length > MAX_SOURCE_WIDTH) {
    const start = Math.max(0, Math.min(column - 1 - MAX_SOURCE_WIDTH / 2, source.length - MAX_SOURCE_WIDTH));
    source = `${start > 0 ? '…' : ''}${source.slice(start, start + MAX_SOURCE_WIDTH)}…`;
    column = column - start + (start > 0 ? 1 : 0);
  }
  const sameLine = diagnostic.endLine === diagnostic.line && diagnostic.endColumn !== undefined;
  const width = sameLine ? Math.max(1, (diagnostic.endColumn ?? 0) - diagnostic.column) : 1;
  const caretWidth = Math.max(1, Math.min(width, source.length - column + 1));
  const gutter = String(diagnostic.line);
  const pad = ' '.repeat(gutter.length);
  // Tabs before the caret are kept as tabs so the caret lines up with the source.
  const lead = source.slice(0, Math.max(0, column - 1)).replace(/[^\t]/g, ' ');
  return [` ${gutter} | ${source}`, ` ${pad} | ${lead}${'^'.repeat(caretWidth)}`];
}

/** `file:line:col  severity  rule-id (AUTH code)  message`, source line, caret, hint; then a summary. */
export function renderDiagnosticsText({
  diagnostics,
  fileCount,
  sources,
  color = false,
}: DiagnosticsReport): string {
  const paint = createPaint(color);
  const out: string[] = [];
  for (const diagnostic of diagnostics) {
    const severity = paint(diagnostic.severity === 'error' ? 'red' : 'yellow', diagnostic.severity);
    out.push(
      `${paint('bold', `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`)}  ${severity}  ${paint('dim', describeRule(diagnostic))}  ${prefixEnvironment(diagnostic)}`,
    );
    out.push(...renderSourceExcerpt(diagnostic, sources?.get(diagnostic.file)));
    if (diagnostic.hint) out.push(`   = hint: ${diagnostic.hint}`);
    out.push('');
  }
  out.push(paint('bold', summarizeDiagnostics(diagnostics, fileCount)));
  return `${out.join('\n')}\n`;
}

/** A stable JSON document: `{ formatVersion, valid, summary, diagnostics }`, versioned like plan's. */
export function renderDiagnosticsJson({ diagnostics, fileCount }: DiagnosticsReport): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const body = {
    formatVersion: 1,
    valid: errors === 0,
    summary: { files: fileCount, errors, warnings: diagnostics.length - errors },
    diagnostics: diagnostics.map((d) => ({
      file: d.file,
      line: d.line,
      column: d.column,
      ...(d.endLine !== undefined ? { endLine: d.endLine, endColumn: d.endColumn } : {}),
      severity: d.severity,
      ruleId: d.ruleId,
      ...(d.altinnCode ? { altinnCode: d.altinnCode } : {}),
      message: d.message,
      ...(d.hint ? { hint: d.hint } : {}),
      ...(d.environment ? { environment: d.environment } : {}),
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
