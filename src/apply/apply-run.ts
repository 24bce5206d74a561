/**
 * One `sysreg apply`, as a value: the fresh plan, the check against the reviewed plan, the safety
 * verdict, what was applied per system, and the verification that followed. `runApply` is the core of
 * the command with its edges passed in (an Altinn client and the desired state), so the CLI, the
 * GitHub reporter and tests call the same thing.
 */
import { readLiveState } from '../altinn/read-live-state.ts';
import type { SystemRegisterClient } from '../altinn/register-client.ts';
import type { LiveState } from '../model/live-state.ts';
import { createPlan } from '../plan/plan.ts';
import type { Plan, PlanCounts, PlanSettings } from '../plan/plan-types.ts';
import { checkApplyAllowed } from '../plan/safety.ts';
import type { PlanSafety } from '../plan/safety.ts';
import type { DesiredSystem } from '../model/system.ts';
import { applyPlan } from './apply-plan.ts';
import type { ApplyProgress, ApplyReport } from './apply-plan.ts';
import { compareWithReviewedPlan } from './compare-reviewed-plan.ts';
import type { ReviewDifference } from './compare-reviewed-plan.ts';
import { verifyApplied } from './verify-apply.ts';
import type { ApplyVerification } from './verify-apply.ts';

export const APPLY_RUN_FORMAT_VERSION = 1;

export type ApplyRunStatus =
  /** Changes were applied (look at the report and verification for how well). */
  | 'applied'
  /** The plan held nothing to apply. */
  | 'nothing-to-apply'
  /** The plan deletes without --allow-delete, or is unsafe without --force: nothing applied. */
  | 'refused'
  /** The fresh plan differs from the reviewed one: nothing applied. */
  | 'stale-plan'
  /** The person asked (`confirm`) did not answer yes: nothing applied. */
  | 'cancelled';

export interface ApplyRun {
  formatVersion: typeof APPLY_RUN_FORMAT_VERSION;
  environment: string;
  commit: string | null;
  status: ApplyRunStatus;
  /** 0 only when everything planned was applied and verified. */
  exitCode: 0 | 1;
  /** The fresh plan, made from live state just before applying. */
  plan: Plan;
  /** The checksum of the reviewed plan (`--plan`), or null. */
  reviewedChecksum: string | null;
  /** For `stale-plan`: what changed since review. */
  differences: ReviewDifference[];
  /** For `refused`: what it takes to go ahead, one sentence each. */
  refusal: string[];
  report: ApplyReport | null;
  verification: ApplyVerification | null;
  /** Set when the verification read itself failed, or was not made. */
  verificationError: string | null;
  /** Why the run stopped before the end (the abort reason, e.g. `interrupted by SIGINT`), or null. */
  interruption: string | null;
}

export interface ApplyEdges {
  client: SystemRegisterClient;
  /** What git wants in the environment (valid files only). */
  desired: DesiredSystem[];
  /** Live state already read for `desired` (the read before the plan). */
  live: LiveState;
  settings: PlanSettings;
  environment: string;
  commit?: string | undefined;
}

export interface ApplyRunOptions {
  /** The plan a reviewer approved (`--plan`); apply then does exactly that or nothing. */
  reviewedPlan?: Plan;
  allowDelete: boolean;
  force: boolean;
  concurrency?: number;
  signal?: AbortSignal;
  /** The fresh plan, before anything is written (to show it). */
  onPlan?: (plan: Plan) => void;
  /**
   * Asked once the plan is allowed and has changes, before the first write; anything but true
   * applies nothing. Absent: the caller's flags (`--yes`, CI, a reviewed plan) were the decision.
   */
  confirm?: (plan: Plan) => Promise<boolean>;
  onProgress?: (progress: ApplyProgress) => void;
}

export async function runApply(edges: ApplyEdges, options: ApplyRunOptions): Promise<ApplyRun> {
  const plan = createPlan({
    desired: edges.desired,
    live: edges.live,
    settings: edges.settings,
    environment: edges.environment,
    ...(edges.commit ? { commit: edges.commit } : {}),
  });
  options.onPlan?.(plan);
  const run: ApplyRun = {
    formatVersion: APPLY_RUN_FORMAT_VERSION,
    environment: edges.environment,
    commit: plan.commit,
    status: 'applied',
    exitCode: 1,
    plan,
    reviewedChecksum: options.reviewedPlan?.checksum ?? null,
    differences: [],
    refusal: [],
    report: null,
    verification: null,
    verificationError: null,
    interruption: null,
  };

  let only: Set<string> | undefined;
  if (options.reviewedPlan) {
    const comparison = compareWithReviewedPlan(options.reviewedPlan, plan, edges.live);
    if (comparison.differences.length > 0) {
      return { ...run, status: 'stale-plan', differences: comparison.differences };
    }
    only = comparison.coveredIds;
  }

  // Decided once, here, before anything is written. A reviewed plan is judged by the verdict it was
  // reviewed with: resumed after a kill, the creates that landed make the remaining updates a larger
  // share of the managed systems, which is progress, not a riskier plan.
  const inScope = plan.changes.filter((change) => !only || only.has(change.systemId));
  const refusal = checkApplyAllowed(
    {
      counts: { delete: inScope.filter((change) => change.action === 'delete').length },
      safety: options.reviewedPlan?.safety ?? plan.safety,
    },
    { allowDelete: options.allowDelete, force: options.force },
  );
  if (refusal.length > 0) return { ...run, status: 'refused', refusal };
  if (
    options.confirm &&
    inScope.some((change) => change.action !== 'blocked') &&
    !(await options.confirm(plan))
  ) {
    return { ...run, status: 'cancelled' };
  }

  const report = await applyPlan(plan, {
    client: edges.client,
    ...(only ? { only } : {}),
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const wrote = report.results.some((result) => result.outcome !== 'skipped');
  const status: ApplyRunStatus = wrote ? 'applied' : 'nothing-to-apply';

  let verification: ApplyVerification | null = null;
  let verificationError: string | null = null;
  const interruption = options.signal?.aborted ? describeAbortReason(options.signal.reason) : null;
  if (interruption) {
    verificationError = 'Apply was stopped before the end, so nothing is verified; run it again to finish.';
  } else if (wrote) {
    try {
      const live = await readLiveState(edges.client, {
        environment: edges.environment,
        repoIds: edges.desired.map((system) => system.spec.id),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      const fresh = createPlan({
        desired: edges.desired,
        live,
        settings: edges.settings,
        environment: edges.environment,
      });
      verification = verifyApplied(report, fresh);
    } catch (error) {
      verificationError = `The read after apply failed, so nothing is verified: ${
        error instanceof Error ? error.message : String(error)
      }`;
    }
  }
  const allApplied = report.results.every(
    (result) =>
      result.outcome === 'applied' ||
      (result.outcome === 'skipped' && result.reason === 'not-in-reviewed-plan'),
  );
  const verified = !wrote || (verification?.clean ?? false);
  return {
    ...run,
    status,
    exitCode: allApplied && verified ? 0 : 1,
    report,
    verification,
    verificationError,
    interruption,
  };
}

function describeAbortReason(reason: unknown): string {
  return reason instanceof Error ? reason.message : 'stopped';
}

/** The run for machines: the plan by checksum, counts and safety, not in full (`plan --out` has it). */
export interface ApplyRunSummary extends Omit<ApplyRun, 'plan'> {
  plan: { checksum: string; counts: PlanCounts; safety: PlanSafety };
}

export function summariseApplyRun(run: ApplyRun): ApplyRunSummary {
  return {
    ...run,
    plan: { checksum: run.plan.checksum, counts: run.plan.counts, safety: run.plan.safety },
  };
}
