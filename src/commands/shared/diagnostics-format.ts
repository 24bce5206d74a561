/** The formats `sysreg validate --format` offers: text and JSON from src/systems/, annotations from the GitHub edge. */
import { renderDiagnosticsGithub } from '../../github/annotations.ts';
import {
  renderDiagnosticsJson,
  renderDiagnosticsText,
  type DiagnosticsReport,
} from '../../systems/render-diagnostics.ts';

export const DIAGNOSTICS_FORMATS = ['text', 'json', 'github'] as const;
export type DiagnosticsFormat = (typeof DIAGNOSTICS_FORMATS)[number];

export function renderDiagnostics(format: DiagnosticsFormat, report: DiagnosticsReport): string {
  switch (format) {
    case 'text':
      return renderDiagnosticsText(report);
    case 'json':
      return renderDiagnosticsJson(report);
    case 'github':
      return renderDiagnosticsGithub(report);
  }
}
