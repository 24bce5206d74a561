/**
 * The formats `sysreg validate --format` offers: text and JSON rendered from src/systems/; `github`
 * is annotations, which are not text to print but calls to the Actions runner (src/github/).
 */
import {
  renderDiagnosticsJson,
  renderDiagnosticsText,
  type DiagnosticsReport,
} from '../../systems/render-diagnostics.ts';

export const DIAGNOSTICS_FORMATS = ['text', 'json', 'github'] as const;
export type DiagnosticsFormat = (typeof DIAGNOSTICS_FORMATS)[number];

export function renderDiagnostics(format: 'text' | 'json', report: DiagnosticsReport): string {
  return format === 'json' ? renderDiagnosticsJson(report) : renderDiagnosticsText(report);
}
