/**
 * Diagnostics as text for people (with the source line and a caret) and JSON for machines (the GitHub
 * annotations live at the GitHub edge, src/github/annotations.ts). Pure: sources come in as a map from
 * file to text.
 */
import { createPaint } from '../model/paint.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { escapeTerminalText, escapeTerminalTextKeepingTabs } from './terminal-text.ts';

export interface DiagnosticsReport {
  diagnostics: readonly Diagnostic[];
  /** How many files were checked, for the summary. */
  fileCount: number;
  /** File text by repository-relative path, for source lines under text diagnostics. */
  sources?: ReadonlyMap<string, string>;
  /** Text only: colour as plan does (the caller decides: a terminal, and no NO_COLOR). */
  color?: boolean;
}

/**
 * Diagnostics printed per file, in every format; the rest are counted. A file with 60,000 mistakes is
 * an attack or a wrong file, and its first hundred say enough. The exit code and the summary's counts
 * still cover every diagnostic.
 */
export const MAX_DIAGNOSTICS_PER_FILE = 100;

interface CappedDiagnostics {
  shown: Diagnostic[];
  /** Files with diagnostics left out, and how many, in the order the files first appear. */
  omitted: Map<string, number>;
}

/** The first MAX_DIAGNOSTICS_PER_FILE diagnostics of each file, in the order given. */
export function capDiagnostics(diagnostics: readonly Diagnostic[]): CappedDiagnostics {
  const counts = new Map<string, number>();
  const omitted = new Map<string, number>();
  const shown: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const count = (counts.get(diagnostic.file) ?? 0) + 1;
    counts.set(diagnostic.file, count);
    if (count <= MAX_DIAGNOSTICS_PER_FILE) shown.push(diagnostic);
    else omitted.set(diagnostic.file, (omitted.get(diagnostic.file) ?? 0) + 1);
  }
  return { shown, omitted };
}

/** `systems/a.yaml: 59,900 more diagnostics not shown (the first 100 are).` */
export function describeOmitted(file: string, count: number): string {
  return `${file}: ${groupThousands(count)} more diagnostic${count === 1 ? '' : 's'} not shown (the first ${MAX_DIAGNOSTICS_PER_FILE} are).`;
}

/**
 * `59900` as `59,900`. By hand: the first `toLocaleString` loads ICU's number formatting, 20 ms or
 * more of a run that is otherwise done.
 */
function groupThousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
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

/** A file's lines, split once however many diagnostics it has. */
type SourceLines = (file: string) => readonly string[] | undefined;

function indexSourceLines(sources: ReadonlyMap<string, string> | undefined): SourceLines {
  const split = new Map<string, readonly string[]>();
  return (file) => {
    const text = sources?.get(file);
    if (text === undefined || text === '') return undefined;
    let lines = split.get(file);
    if (!lines) {
      lines = text.split(/\r?\n/);
      split.set(file, lines);
    }
    return lines;
  };
}

/** The source line and a caret under the span, indented under the header; empty when there is no source. */
function renderSourceExcerpt(diagnostic: Diagnostic, lines: readonly string[] | undefined): string[] {
  const line = lines?.[diagnostic.line - 1];
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
  // Control characters are shown escaped, so the caret is measured on the escaped text; tabs are kept
  // as tabs so the caret lines up with the source.
  const before = escapeTerminalTextKeepingTabs(source.slice(0, Math.max(0, column - 1)));
  const under = escapeTerminalTextKeepingTabs(source.slice(Math.max(0, column - 1), column - 1 + caretWidth));
  const lead = before.replace(/[^\t]/g, ' ');
  return [
    ` ${gutter} | ${escapeTerminalTextKeepingTabs(source)}`,
    ` ${pad} | ${lead}${'^'.repeat(Math.max(1, under.length))}`,
  ];
}

/**
 * `file:line:col  severity  rule-id (AUTH code)  message`, source line, caret, hint; then a summary.
 * Everything that comes from a file is escaped, so a key cannot start a line of its own.
 */
export function renderDiagnosticsText({
  diagnostics,
  fileCount,
  sources,
  color = false,
}: DiagnosticsReport): string {
  const paint = createPaint(color);
  const out: string[] = [];
  const sourceLines = indexSourceLines(sources);
  const { shown, omitted } = capDiagnostics(diagnostics);
  for (const diagnostic of shown) {
    const severity = paint(diagnostic.severity === 'error' ? 'red' : 'yellow', diagnostic.severity);
    const position = escapeTerminalText(`${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`);
    out.push(
      `${paint('bold', position)}  ${severity}  ${paint('dim', escapeTerminalText(describeRule(diagnostic)))}  ${escapeTerminalText(prefixEnvironment(diagnostic))}`,
    );
    out.push(...renderSourceExcerpt(diagnostic, sourceLines(diagnostic.file)));
    if (diagnostic.hint) out.push(`   = hint: ${escapeTerminalText(diagnostic.hint)}`);
    out.push('');
  }
  for (const [file, count] of omitted) out.push(escapeTerminalText(describeOmitted(file, count)), '');
  out.push(paint('bold', summarizeDiagnostics(diagnostics, fileCount)));
  return `${out.join('\n')}\n`;
}

/**
 * A stable JSON document: `{ formatVersion, valid, summary, diagnostics }`, versioned like plan's. The
 * summary counts every diagnostic; `diagnostics` holds at most MAX_DIAGNOSTICS_PER_FILE per file, and
 * when some are left out, `summary.omitted` says how many.
 */
export function renderDiagnosticsJson({ diagnostics, fileCount }: DiagnosticsReport): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const { shown, omitted } = capDiagnostics(diagnostics);
  const omittedCount = [...omitted.values()].reduce((sum, count) => sum + count, 0);
  const body = {
    formatVersion: 1,
    valid: errors === 0,
    summary: {
      files: fileCount,
      errors,
      warnings: diagnostics.length - errors,
      ...(omittedCount > 0 ? { omitted: omittedCount } : {}),
    },
    diagnostics: shown.map((d) => ({
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
