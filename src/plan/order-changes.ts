/**
 * The order of a plan's changes: client ids released before they are claimed (or the claim blocked
 * when nothing in the plan releases it; a swap released by an interim write), writes before deletes,
 * then a stable topological order.
 */
import type { LiveState } from '../model/live-state.ts';
import { canonicalFromLive } from '../model/canonical.ts';
import { compareStrings } from './compare-strings.ts';
import type { RegisterSystemRequest } from '../model/wire.ts';
import type { ChangePhase, DesiredEntry, PlannedChange } from './plan-types.ts';

/**
 * A client id belongs to one active system at a time, so a claim waits for the change that releases
 * it (an update that drops it, or a delete). A claim on an id that a system outside the repository
 * holds, and that nothing in the plan releases, cannot succeed: the claiming change is blocked.
 */
export function orderClientIdClaims(
  entries: readonly DesiredEntry[],
  changes: Map<string, PlannedChange>,
  describedIds: ReadonlySet<string>,
  live: LiveState,
  environment: string,
): void {
  const holders = mapClientIdHolders(live);
  const claims = new Map<string, Map<string, string>>();
  // What each change releases, taken before any claim blocks a change and so cancels its release.
  const releases = new Map([...changes].map(([id, change]) => [id, new Set(change.releasesClientIds ?? [])]));
  for (const entry of entries) {
    const id = entry.desired.spec.id;
    const change = changes.get(id);
    if (!change) continue;
    const alreadyHeld = new Set(entry.live ? canonicalFromLive(entry.live).clientId : []);
    const dependsOn = new Set<string>();
    const heldOutside = new Map<string, string>();
    for (const clientId of entry.canonical.clientId) {
      if (alreadyHeld.has(clientId)) continue;
      const holder = holders.get(clientId);
      if (holder === undefined || holder === id) continue;
      claims.set(id, (claims.get(id) ?? new Map<string, string>()).set(clientId, holder));
      if (releases.get(holder)?.has(clientId)) dependsOn.add(holder);
      else if (!describedIds.has(holder)) heldOutside.set(clientId, holder);
      // Otherwise another file keeps the id too: a validation error the loader reports.
    }
    if (heldOutside.size > 0) {
      const clientIds = [...heldOutside.keys()].sort(compareStrings);
      const heldBy = [...new Set(heldOutside.values())].sort(compareStrings);
      changes.set(id, {
        systemId: id,
        action: 'blocked',
        file: change.file,
        name: change.name,
        fields: change.fields,
        request: null,
        dependsOn: [],
        phase: 0,
        blocked: {
          reason: 'client-id-held-outside-repo',
          message: `Client id ${clientIds.join(', ')} is held by ${heldBy.join(', ')} in ${environment}, which no file in this repository describes. Release it there, describe that system in git, or turn on prune.`,
          clientIds,
          heldBy,
        },
      });
    } else {
      change.dependsOn = [...dependsOn].sort(compareStrings);
    }
  }
  blockWaitersOnBlockedChanges(changes, claims, environment);
}

/** A blocked change releases nothing, so a claim waiting for it cannot succeed either. */
function blockWaitersOnBlockedChanges(
  changes: Map<string, PlannedChange>,
  claims: ReadonlyMap<string, ReadonlyMap<string, string>>,
  environment: string,
): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const change of [...changes.values()].sort((a, b) => compareStrings(a.systemId, b.systemId))) {
      if (change.action === 'blocked') continue;
      const blockedBy = change.dependsOn.filter((id) => changes.get(id)?.action === 'blocked');
      if (blockedBy.length === 0) continue;
      const clientIds = [...(claims.get(change.systemId) ?? new Map<string, string>())]
        .filter(([, holder]) => blockedBy.includes(holder))
        .map(([clientId]) => clientId)
        .sort(compareStrings);
      changes.set(change.systemId, {
        ...change,
        action: 'blocked',
        request: null,
        dependsOn: [],
        phase: 0,
        blocked: {
          reason: 'client-id-held-outside-repo',
          message: `Client id ${clientIds.join(', ')} is released only by ${blockedBy.join(', ')} in ${environment}, whose change is blocked by a client id held outside this repository.`,
          clientIds,
          heldBy: blockedBy,
        },
      });
      changed = true;
    }
  }
}

/**
 * Updates that wait on each other (two systems swap client ids, or a ring hands them on) could never
 * start. One update of each such cycle is written twice: first with only the client ids it holds and
 * keeps, which releases what the others wait for, then in full once they are written. Both writes are
 * in the plan, so the reviewed checksum covers them and apply sends no write of its own.
 */
export function planClientIdSwaps(changes: ReadonlyMap<string, PlannedChange>, live: LiveState): void {
  for (let cycle = findWaitCycle(changes); cycle; cycle = findWaitCycle(changes)) {
    const candidates = cycle.map((change) => {
      const lookup = live.systems[change.systemId];
      const held = new Set(lookup?.status === 'found' ? lookup.system.clientId : []);
      const request = change.request as RegisterSystemRequest;
      return { change, interim: { ...request, clientId: request.clientId.filter((id) => held.has(id)) } };
    });
    // One that keeps a client id through the swap, when there is one: its integration never stops.
    const breaker = candidates.find((candidate) => candidate.interim.clientId.length > 0) ?? candidates[0]!;
    breaker.change.interimRelease = breaker.interim;
  }
}

/**
 * The first cycle of changes waiting on each other, each change after the one it waits for, by id
 * order; null when there is none. A change with an interim release releases at its first write, which
 * waits for nothing, so no cycle runs through it.
 */
function findWaitCycle(changes: ReadonlyMap<string, PlannedChange>): PlannedChange[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: PlannedChange[] = [];
  const visit = (change: PlannedChange): PlannedChange[] | null => {
    state.set(change.systemId, 'open');
    path.push(change);
    for (const id of change.dependsOn) {
      const dependency = changes.get(id);
      if (!dependency || dependency.interimRelease || dependency.action === 'blocked') continue;
      if (state.get(id) === 'open') return path.slice(path.indexOf(dependency)).sort(byId);
      if (state.get(id) === undefined) {
        const cycle = visit(dependency);
        if (cycle) return cycle;
      }
    }
    path.pop();
    state.set(change.systemId, 'done');
    return null;
  };
  for (const change of [...changes.values()].sort(byId)) {
    if (state.has(change.systemId)) continue;
    const cycle = visit(change);
    if (cycle) return cycle;
  }
  return null;
}

function byId(a: PlannedChange, b: PlannedChange): number {
  return compareStrings(a.systemId, b.systemId);
}

function mapClientIdHolders(live: LiveState): Map<string, string> {
  const holders = new Map<string, string>();
  for (const id of Object.keys(live.systems).sort(compareStrings)) {
    const lookup = live.systems[id];
    if (lookup?.status !== 'found' || lookup.system.isDeleted) continue;
    for (const clientId of lookup.system.clientId ?? []) if (clientId !== '') holders.set(clientId, id);
  }
  return holders;
}

/**
 * Creates and updates go before deletes, so a failed write never leaves a system deleted for nothing.
 * Writes that wait for a delete (they claim a client id it releases), directly or through other
 * writes, are the exception and go after the deletes.
 */
export function assignPhases(changes: Map<string, PlannedChange>): void {
  const dependants = new Map<string, string[]>();
  for (const change of changes.values()) {
    for (const dependency of change.dependsOn) {
      const list = dependants.get(dependency) ?? [];
      list.push(change.systemId);
      dependants.set(dependency, list);
    }
  }
  const waitingForDelete = new Set<string>();
  for (const change of changes.values()) {
    if (change.action !== 'delete') continue;
    for (const id of collectTransitive(change.systemId, dependants)) waitingForDelete.add(id);
  }
  for (const change of changes.values()) {
    if (change.action === 'blocked') change.phase = 0;
    else if (change.action === 'delete') change.phase = 2;
    else change.phase = waitingForDelete.has(change.systemId) ? 3 : 1;
  }
}

function collectTransitive(start: string, edges: ReadonlyMap<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const stack = [...(edges.get(start) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop() as string;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(edges.get(next) ?? []));
  }
  return seen;
}

const PHASE_RANK: Record<ChangePhase, number> = { 1: 0, 2: 1, 3: 2, 0: 3 };

/** By phase (blocked last), then a topological order within it that is otherwise by id. */
export function sortChangesByDependency(changes: PlannedChange[]): PlannedChange[] {
  const byId = new Map(changes.map((change) => [change.systemId, change]));
  const sorted = [...changes].sort(
    (a, b) => PHASE_RANK[a.phase] - PHASE_RANK[b.phase] || compareStrings(a.systemId, b.systemId),
  );
  const done = new Set<string>();
  const visiting = new Set<string>();
  const ordered: PlannedChange[] = [];
  const visit = (change: PlannedChange): void => {
    if (done.has(change.systemId) || visiting.has(change.systemId)) return;
    visiting.add(change.systemId);
    for (const dependency of change.dependsOn) {
      const target = byId.get(dependency);
      // A swap update releases at its interim write, which waits for nothing: its place is its full write.
      if (target && !target.interimRelease) visit(target);
    }
    visiting.delete(change.systemId);
    done.add(change.systemId);
    ordered.push(change);
  };
  for (const change of sorted) visit(change);
  return ordered;
}
