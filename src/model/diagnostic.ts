/**
 * A problem in a vendor's file: a value with a rule id, a position and a message, collected and
 * never thrown. Operational failures (HTTP, tokens) are typed errors instead (src/altinn/errors.ts).
 */
export type Severity = 'error' | 'warning';

export interface SourceSpan {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface Diagnostic extends SourceSpan {
  /** Stable sysreg rule id, e.g. `redirect-url-https`. */
  ruleId: string;
  /** Altinn's error code for the same rule, where it has one, e.g. `AUTH.VLD-00005`. */
  altinnCode?: string;
  severity: Severity;
  message: string;
  /** How to fix it, when there is more to say than the message. */
  hint?: string;
  /** Set when the problem exists only after one environment's overrides are applied. */
  environment?: string;
}
