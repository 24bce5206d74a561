/**
 * The job summary of `validate --report github`: the one-line verdict, then one table row per
 * diagnostic. Messages can quote a vendor's values, so every cell is made inert.
 */
import { escapeMarkdownText } from '../plan/render-markdown.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { describeRule, hasErrors, summarizeDiagnostics } from '../systems/render-diagnostics.ts';

/** Rows past this are counted, not listed: the annotations and the log hold every one. */
export const MAX_SUMMARY_ROWS = 500;

export function renderValidationSummary(diagnostics: readonly Diagnostic[], fileCount: number): string {
  const verdict = hasErrors(diagnostics) ? '❌' : '✅';
  const lines = [
    `### sysreg validate ${verdict}`,
    '',
    escapeMarkdownText(summarizeDiagnostics(diagnostics, fileCount)),
  ];
  if (diagnostics.length > 0) {
    lines.push('', '| Where | Severity | Rule | Message |', '|---|---|---|---|');
    for (const diagnostic of diagnostics.slice(0, MAX_SUMMARY_ROWS)) {
      const where = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`;
      const scope = diagnostic.environment ? `${diagnostic.environment}: ` : '';
      const hint = diagnostic.hint ? `<br>${escapeMarkdownText(diagnostic.hint)}` : '';
      lines.push(
        `| ${escapeMarkdownText(where)} | ${diagnostic.severity} | ${escapeMarkdownText(describeRule(diagnostic))} | ` +
          `${escapeMarkdownText(`${scope}${diagnostic.message}`)}${hint} |`,
      );
    }
    const hidden = diagnostics.length - MAX_SUMMARY_ROWS;
    if (hidden > 0) lines.push('', `…and ${hidden} more, in the annotations and the log.`);
  }
  return `${lines.join('\n')}\n`;
}
