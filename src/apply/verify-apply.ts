/**
 * After apply: a fresh plan, made from a new read of Altinn, must be empty for every system apply
 * touched. Where it is not, the verification says why, one system at a time. Pure.
 */
import type { Plan } from '../plan/plan-types.ts';
import type { ApplyReport } from './apply-plan.ts';

export interface RemainingChange {
  systemId: string;
  /** What the fresh plan still wants to do. */
  action: string;
  why: string;
}

export interface ApplyVerification {
  /** Systems apply sent a write for (applied or failed). */
  checked: number;
  /** True when the fresh plan holds no change for any of them. */
  clean: boolean;
  remaining: RemainingChange[];
}

export function verifyApplied(report: ApplyReport, fresh: Plan): ApplyVerification {
  const touched = report.results.filter((result) => result.outcome !== 'skipped');
  const freshChanges = new Map(fresh.changes.map((change) => [change.systemId, change]));
  const remaining: RemainingChange[] = [];
  for (const result of touched) {
    const change = freshChanges.get(result.systemId);
    if (!change) continue;
    const what =
      change.action === 'update'
        ? `update (${change.fields.map((field) => field.field).join(', ')})`
        : change.action;
    let why: string;
    if (result.outcome === 'failed') why = `Its ${result.action} failed: ${result.message ?? 'no detail'}`;
    else if (change.action === 'blocked') why = change.blocked?.message ?? 'The fresh plan blocks it.';
    else
      why = `Altinn still differs after a ${result.action} it accepted: another writer changed it meanwhile, or Altinn stores it differently than sysreg compares.`;
    remaining.push({ systemId: result.systemId, action: what, why });
  }
  return { checked: touched.length, clean: remaining.length === 0, remaining };
}
