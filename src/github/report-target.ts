/** The `--report` flag the commands share: which reporting edge to switch on. */
import { UsageError } from '../model/command.ts';

export const REPORT_TARGETS = ['github'] as const;
export type ReportTarget = (typeof REPORT_TARGETS)[number];

/** `--report` as given: undefined when absent, a UsageError for an unknown target. */
export function parseReportTarget(value: unknown): ReportTarget | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (REPORT_TARGETS as readonly string[]).includes(value)) {
    return value as ReportTarget;
  }
  throw new UsageError(`unknown report target '${String(value)}'; use --report github.`);
}
