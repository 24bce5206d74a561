/**
 * Several reviewed plans as one, for a sync that applies every pull request merged since the last
 * one: each system is held to the plan of the last pull request (in merge order) that changed it, or,
 * when none changed it, to what the last plan saw. Apply then compares the fresh plan with this, so
 * every change it makes was reviewed on the pull request that made it. Pure.
 */
import type { Plan, PlannedChange, UnchangedSystem, UnmanagedSystem } from '../plan/plan-types.ts';

/** `plans` in merge order, all for one environment (the caller checks). */
export function combineReviewedPlans(plans: readonly Plan[]): Plan {
  const [first, ...rest] = plans;
  if (!first) throw new Error('combineReviewedPlans needs at least one plan');
  if (rest.length === 0) return first;
  const changes = new Map<string, PlannedChange>();
  const seen = new Map<string, { unchanged?: UnchangedSystem; unmanaged?: UnmanagedSystem }>();
  for (const plan of plans) {
    for (const change of plan.changes) changes.set(change.systemId, change);
    for (const system of plan.unchanged) seen.set(system.systemId, { unchanged: system });
    for (const system of plan.unmanaged) seen.set(system.systemId, { unmanaged: system });
  }
  const last = plans[plans.length - 1] ?? first;
  const combinedChanges = [...changes.values()];
  const unchanged = [...seen]
    .filter(([id, view]) => !changes.has(id) && view.unchanged)
    .map(([, view]) => view.unchanged as UnchangedSystem);
  const unmanaged = [...seen]
    .filter(([id, view]) => !changes.has(id) && view.unmanaged)
    .map(([, view]) => view.unmanaged as UnmanagedSystem);
  const count = (action: PlannedChange['action']) =>
    combinedChanges.filter((change) => change.action === action).length;
  return {
    ...last,
    changes: combinedChanges,
    unchanged,
    unmanaged,
    counts: {
      create: count('create'),
      update: count('update'),
      delete: count('delete'),
      blocked: count('blocked'),
      noop: unchanged.length,
      unmanaged: unmanaged.length,
      changes: combinedChanges.length,
    },
    // Names every plan it stands for; it is never compared with a fresh checksum.
    checksum: plans.map((plan) => plan.checksum).join('+'),
    safety: {
      safe: plans.every((plan) => plan.safety.safe),
      reasons: plans.flatMap((plan) => plan.safety.reasons),
    },
    locations: plans.flatMap((plan) => plan.locations),
  };
}
