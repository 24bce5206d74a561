/**
 * Who changed a drifted system, and when (§8.2), in words for the text report and the drift issue.
 * Plain text pieces: each renderer escapes them for its medium.
 */
import type { DriftItem, OutsideChange } from './drift.ts';

export interface HistoryLine {
  /** `2026-11-20 14:02:07 UTC`, or Altinn's text when it is not a timestamp. */
  time: string;
  changeType: string;
  orgNumber: string;
  clientId: string;
}

export type DriftHistory =
  | { kind: 'none' }
  | { kind: 'unreadable'; reason: string }
  | { kind: 'only-sysreg' }
  | { kind: 'changes'; lines: HistoryLine[] };

export function formatChangeTime(created: string): string {
  const time = Date.parse(created);
  if (Number.isNaN(time)) return created;
  return `${new Date(time).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function toLine(change: OutsideChange): HistoryLine {
  return {
    time: formatChangeTime(change.created),
    changeType: change.changeType,
    orgNumber: change.changedByOrgNumber ?? 'unknown',
    clientId: change.clientId === null || change.clientId === '' ? 'unknown' : change.clientId,
  };
}

export function describeDriftHistory(item: DriftItem): DriftHistory {
  if (item.historyUnreadable !== undefined) return { kind: 'unreadable', reason: item.historyUnreadable };
  if (item.history === undefined) return { kind: 'none' };
  if (item.history.length === 0) return { kind: 'only-sysreg' };
  return { kind: 'changes', lines: item.history.map(toLine) };
}

export const HISTORY_UNREADABLE = 'Who changed it is unknown: its changelog could not be read';
export const HISTORY_ONLY_SYSREG =
  "Its changelog shows no change by another client since sysreg's last write.";
export const HISTORY_HEADING = 'Changed outside sysreg (newest first):';
