/** The one order diagnostics are shown in, everywhere: by file, line, column, then rule id and message. */
import { compareStrings } from '../model/compare-strings.ts';
import type { Diagnostic } from '../model/diagnostic.ts';

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.message, b.message)
  );
}

/** Sorts in place and returns the array. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(compareDiagnostics);
}
