/**
 * The safety policy (octoDNS's `raise_if_unsafe`, as a value): a plan that deletes or updates more than
 * a share of the managed systems is unsafe and needs `--force`; any delete needs `--allow-delete` at
 * apply time. An unsafe plan is still rendered in full; only the verdict and the exit code differ.
 */
export interface SafetySettings {
  /** A share of managed systems above which deletes, or updates, are unsafe (0.3 = 30%). */
  maxChangeShare: number;
  /** Below this many managed systems the share is not checked (a plan for 3 systems may touch all 3). */
  minSystemsForShare: number;
}

export const DEFAULT_SAFETY_SETTINGS: SafetySettings = { maxChangeShare: 0.3, minSystemsForShare: 10 };

export interface PlanSafety {
  safe: boolean;
  /** Why it is unsafe, one sentence each; empty when safe. */
  reasons: string[];
}

export interface SafetyCounts {
  updates: number;
  deletes: number;
  /** Live systems the plan may touch: those git describes, plus unmanaged ones when pruning. */
  managed: number;
}

export function assessPlanSafety(counts: SafetyCounts, settings: SafetySettings): PlanSafety {
  const reasons: string[] = [];
  if (counts.managed >= settings.minSystemsForShare) {
    const limit = settings.maxChangeShare * counts.managed;
    const percent = formatPercent(settings.maxChangeShare);
    if (counts.deletes > limit) {
      reasons.push(
        `The plan deletes ${counts.deletes} of ${counts.managed} managed systems, more than ${percent}.`,
      );
    }
    if (counts.updates > limit) {
      reasons.push(
        `The plan updates ${counts.updates} of ${counts.managed} managed systems, more than ${percent}.`,
      );
    }
  }
  return { safe: reasons.length === 0, reasons };
}

/** What apply needs to know about a plan to decide whether it may go ahead. */
export interface ApplyCheckedPlan {
  counts: { delete: number };
  safety: PlanSafety;
}

export interface ApplyPermissions {
  allowDelete: boolean;
  force: boolean;
}

/** The reasons apply must not go ahead, each naming the flag that would allow it; empty when it may. */
export function checkApplyAllowed(plan: ApplyCheckedPlan, permissions: ApplyPermissions): string[] {
  const reasons: string[] = [];
  if (plan.counts.delete > 0 && !permissions.allowDelete) {
    const systems = plan.counts.delete === 1 ? '1 system' : `${plan.counts.delete} systems`;
    reasons.push(
      `The plan deletes ${systems}; a deleted id can never be used again. Run with --allow-delete to apply it.`,
    );
  }
  if (!plan.safety.safe && !permissions.force) {
    for (const reason of plan.safety.reasons) reasons.push(`${reason} Run with --force to apply it.`);
  }
  return reasons;
}

function formatPercent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
