/**
 * Apply does what was reviewed, or nothing. The fresh plan is compared with the reviewed one for every
 * system the reviewed plan covers (its changes, in-sync and unmanaged systems). Pure.
 *
 * Progress is not a difference: after a run that was cut short, a reviewed create or update whose
 * system already holds the reviewed body, or a reviewed delete that already happened, counts as the
 * same; so do client-id waits that are no longer needed because the release already happened, and a
 * swap whose planned interim write landed (its full write still to come).
 */
import { holdsRequest } from '../model/canonical.ts';
import { stringifyCanonicalJson } from '../model/canonical-json.ts';
import type { LiveState } from '../model/live-state.ts';
import type { Plan, PlannedChange } from '../plan/plan-types.ts';

export interface ReviewDifference {
  systemId: string;
  /** What the reviewed plan would do, in words, e.g. `update (name, clientId)` or `nothing (in sync)`. */
  reviewed: string;
  /** What the fresh plan would do. */
  now: string;
}

export interface ReviewComparison {
  /** Systems the reviewed plan covers: apply touches no other. */
  coveredIds: Set<string>;
  differences: ReviewDifference[];
}

/** The reviewed plan must be for the same environment; that is checked by the caller. */
export function compareWithReviewedPlan(reviewed: Plan, fresh: Plan, live: LiveState): ReviewComparison {
  const coveredIds = new Set<string>([
    ...reviewed.changes.map((change) => change.systemId),
    ...reviewed.unchanged.map((system) => system.systemId),
    ...reviewed.unmanaged.map((system) => system.systemId),
  ]);
  const reviewedChanges = new Map(reviewed.changes.map((change) => [change.systemId, change]));
  const freshChanges = new Map(fresh.changes.map((change) => [change.systemId, change]));
  const differences: ReviewDifference[] = [];
  for (const systemId of [...coveredIds].sort()) {
    const before = reviewedChanges.get(systemId);
    const after = freshChanges.get(systemId);
    if (
      before &&
      after &&
      stringifyCanonicalJson(projectChange(before)) === stringifyCanonicalJson(projectChange(after))
    )
      continue;
    if (!before && !after) continue;
    if (before && !after && isAlreadyDone(before, live)) continue;
    if (before && after && isSwapResumed(before, after, live)) continue;
    const reviewedWork = describeWork(before, reviewed, systemId);
    let nowWork = describeWork(after, fresh, systemId);
    if (before && after && reviewedWork === nowWork) nowWork += `, ${describeValueChange(before, after)}`;
    differences.push({ systemId, reviewed: reviewedWork, now: nowWork });
  }
  return { coveredIds, differences };
}

/**
 * What a change does, without what depends on live state that apply itself changes: the waits for a
 * client-id release and the phase they put it in, and which ids a change gives up.
 */
function projectChange(change: PlannedChange): Record<string, unknown> {
  return {
    action: change.action,
    file: change.file,
    name: change.name,
    fields: change.fields,
    request: change.request,
    interimRelease: change.interimRelease,
    deleteCause: change.deleteCause,
    blocked: change.blocked,
  };
}

/** The reviewed change is already true in Altinn: a run cut short got this far. */
function isAlreadyDone(change: PlannedChange, live: LiveState): boolean {
  const lookup = live.systems[change.systemId];
  if (lookup?.status !== 'found') return false;
  if (change.action === 'delete') return lookup.system.isDeleted;
  if ((change.action === 'create' || change.action === 'update') && change.request) {
    return holdsRequest(lookup.system, change.request);
  }
  return false;
}

/**
 * The interim write of a reviewed swap landed and the full write did not: Altinn holds the interim
 * body, and what is left is the reviewed full write, with nothing to release first.
 */
function isSwapResumed(reviewed: PlannedChange, fresh: PlannedChange, live: LiveState): boolean {
  const lookup = live.systems[reviewed.systemId];
  if (!reviewed.interimRelease || fresh.interimRelease || lookup?.status !== 'found') return false;
  if (!holdsRequest(lookup.system, reviewed.interimRelease)) return false;
  // The fields read from the interim state, which `holdsRequest` just matched; the rest must not move.
  const remaining = (change: PlannedChange) => ({
    ...projectChange(change),
    fields: null,
    interimRelease: null,
  });
  return stringifyCanonicalJson(remaining(reviewed)) === stringifyCanonicalJson(remaining(fresh));
}

function describeWork(change: PlannedChange | undefined, plan: Plan, systemId: string): string {
  if (change) {
    if (change.action === 'update') return `update (${change.fields.map((field) => field.field).join(', ')})`;
    if (change.action === 'blocked') return `blocked (${change.blocked?.reason ?? 'unknown reason'})`;
    return change.action;
  }
  const unchanged = plan.unchanged.find((system) => system.systemId === systemId);
  if (unchanged) return `nothing (${unchanged.note.replace(/-/g, ' ')})`;
  if (plan.unmanaged.some((system) => system.systemId === systemId)) return 'nothing (unmanaged)';
  return 'nothing (not in the plan)';
}

/** Same action, other substance: which fields (or which part of the change) moved since review. */
function describeValueChange(before: PlannedChange, after: PlannedChange): string {
  const fieldsBefore = new Map(before.fields.map((field) => [field.field, stringifyCanonicalJson(field)]));
  const moved = after.fields
    .filter((field) => fieldsBefore.get(field.field) !== stringifyCanonicalJson(field))
    .map((field) => field.field);
  if (moved.length > 0)
    return `with other values for ${moved.join(', ')} (Altinn or git changed since review)`;
  return 'with another request body or file (git changed since review)';
}
