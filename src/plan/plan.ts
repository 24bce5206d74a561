/**
 * The planner: a pure function from what git wants (`DesiredSystem[]`) and what Altinn has
 * (`LiveState`) to a `Plan` value. No I/O, no clock: the same input always gives the same plan and the
 * same checksum, whatever order the input came in.
 */
import { createHash } from 'node:crypto';
import type { DesiredSystem } from '../model/system.ts';
import { annotateChanges } from './annotate-changes.ts';
import { canonicalFromLive, canonicalFromSpec } from '../model/canonical.ts';
import { stringifyCanonicalJson } from '../model/canonical-json.ts';
import { compareStrings } from './compare-strings.ts';
import { describeCreatedSystem, diffCanonicalSystems } from '../model/diff.ts';
import { assignPhases, orderClientIdClaims, sortChangesByDependency } from './order-changes.ts';
import { PLAN_FORMAT_VERSION } from './plan-types.ts';
import type { LiveState } from '../model/live-state.ts';
import type {
  ChangePhase,
  DesiredEntry,
  Plan,
  PlanCounts,
  PlanInput,
  PlannedChange,
  UnchangedSystem,
} from './plan-types.ts';
import { buildRegisterRequest } from './request-body.ts';
import { assessPlanSafety } from './safety.ts';
import { isSameVendor, listUnmanagedSystems, vendorOrgOf } from './vendor-systems.ts';

export function createPlan(input: PlanInput): Plan {
  const { live, settings } = input;
  const desiredById = indexDesiredSystems(input.desired);
  const changes = new Map<string, PlannedChange>();
  const unchanged: UnchangedSystem[] = [];
  const entries: DesiredEntry[] = [];
  let managed = 0;

  for (const [id, desired] of desiredById) {
    const spec = desired.spec;
    const canonical = canonicalFromSpec(spec);
    const lookup = live.systems[id] ?? { status: 'absent' };
    const base = {
      systemId: id,
      file: desired.file,
      name: canonical.name,
      dependsOn: [] as string[],
      phase: 0 as ChangePhase,
    };
    const ownedElsewhere =
      lookup.status === 'forbidden' || (lookup.status === 'found' && !isSameVendor(lookup.system, spec));
    const notTheCaller = vendorOrgOf(spec.vendor.ID) !== live.vendorOrgNumber;
    if (ownedElsewhere || notTheCaller) {
      // A tombstone for a system this vendor never had is already true.
      if (spec.isDeleted) {
        unchanged.push({ systemId: id, file: desired.file, note: 'never-created' });
        continue;
      }
      changes.set(id, {
        ...base,
        action: 'blocked',
        fields: [],
        request: null,
        blocked: {
          reason: 'foreign-vendor',
          message: ownedElsewhere
            ? `The id ${id} belongs to another vendor in ${input.environment}; this vendor cannot create or change it.`
            : `The file names vendor ${spec.vendor.ID}, but sysreg runs as organisation ${live.vendorOrgNumber} in ${input.environment}; a vendor can only write its own systems.`,
        },
      });
      continue;
    }
    if (lookup.status === 'absent') {
      if (spec.isDeleted) unchanged.push({ systemId: id, file: desired.file, note: 'never-created' });
      else {
        const change = { ...base, action: 'create' as const, fields: describeCreatedSystem(canonical) };
        changes.set(id, { ...change, request: buildRegisterRequest(spec) });
        entries.push({ desired, canonical, live: null });
      }
      continue;
    }
    const liveSystem = lookup.system;
    if (liveSystem.isDeleted) {
      if (spec.isDeleted) unchanged.push({ systemId: id, file: desired.file, note: 'already-deleted' });
      else {
        changes.set(id, {
          ...base,
          action: 'blocked',
          fields: [],
          request: null,
          blocked: {
            reason: 'id-burned',
            message: `The id ${id} was deleted in ${input.environment} and can never be created again. Choose a new id, or set environments.${input.environment}.isDeleted: true in the file (isDeleted: true for every environment).`,
          },
        });
      }
      continue;
    }
    managed += 1;
    const liveCanonical = canonicalFromLive(liveSystem);
    if (spec.isDeleted) {
      changes.set(id, {
        ...base,
        action: 'delete',
        fields: [],
        request: null,
        deleteCause: 'tombstone',
        releasesClientIds: liveCanonical.clientId,
        ...describeDeleteCost(live, id),
      });
      continue;
    }
    const fields = diffCanonicalSystems(liveCanonical, canonical);
    if (fields.length === 0) {
      unchanged.push({ systemId: id, file: desired.file, note: 'in-sync' });
    } else {
      const released = liveCanonical.clientId.filter((clientId) => !canonical.clientId.includes(clientId));
      changes.set(id, {
        ...base,
        action: 'update',
        fields,
        request: buildRegisterRequest(spec),
        ...(released.length > 0 ? { releasesClientIds: released } : {}),
      });
      entries.push({ desired, canonical, live: liveSystem });
    }
  }

  const unmanaged = listUnmanagedSystems(new Set(desiredById.keys()), live);
  if (settings.prune) {
    for (const system of unmanaged) {
      managed += 1;
      changes.set(system.systemId, {
        systemId: system.systemId,
        action: 'delete',
        file: null,
        name: system.name,
        fields: [],
        request: null,
        dependsOn: [],
        phase: 0,
        deleteCause: 'prune',
        releasesClientIds: system.clientId,
        ...describeDeleteCost(live, system.systemId),
      });
    }
  }

  orderClientIdClaims(entries, changes, new Set(desiredById.keys()), live, input.environment);
  assignPhases(changes);

  const ordered = sortChangesByDependency([...changes.values()]);
  const counts = countPlan(ordered, unchanged.length, settings.prune ? 0 : unmanaged.length);
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    environment: input.environment,
    commit: input.commit ?? null,
    changes: ordered,
    unmanaged: settings.prune ? [] : unmanaged,
    unchanged: unchanged.sort((a, b) => compareStrings(a.systemId, b.systemId)),
    counts,
    checksum: computeChangesChecksum(ordered),
    safety: assessPlanSafety({ updates: counts.update, deletes: counts.delete, managed }, settings.safety),
    annotations: annotateChanges(ordered, desiredById, input.environment),
  };
}

/** How many customers named on a delete; the count covers them all. */
export const LISTED_SYSTEM_USER_CUSTOMERS = 5;

/** What deleting `id` breaks, as far as its system users were read. */
function describeDeleteCost(
  live: LiveState,
  id: string,
): Pick<PlannedChange, 'systemUsers' | 'systemUserCustomers' | 'systemUsersUnreadable'> {
  const lookup = live.systemUsers?.[id];
  if (!lookup) return {};
  if (lookup.status === 'unreadable') return { systemUsersUnreadable: lookup.reason };
  return {
    systemUsers: lookup.reporteeOrgNumbers.length,
    systemUserCustomers: lookup.reporteeOrgNumbers.slice(0, LISTED_SYSTEM_USER_CUSTOMERS),
  };
}

/** `sha256:<hex>` over the canonical JSON of the changes; apply compares it with the reviewed plan. */
export function computeChangesChecksum(changes: readonly PlannedChange[]): string {
  return `sha256:${createHash('sha256').update(stringifyCanonicalJson(changes)).digest('hex')}`;
}

/**
 * The exit code of `sysreg plan`: 0, or 2 with `--detailed-exitcode` when there are changes (blocked
 * ones included; unmanaged systems are not changes). Errors (1) are the caller's.
 */
export function decidePlanExitCode(plan: Plan, options: { detailedExitCode: boolean }): 0 | 2 {
  return options.detailedExitCode && plan.counts.changes > 0 ? 2 : 0;
}

/**
 * One entry per id, whatever order the files came in. Two files with one id are a validation error
 * (the loader reports it); here the first by file path wins, so the plan stays deterministic.
 */
function indexDesiredSystems(desired: readonly DesiredSystem[]): Map<string, DesiredSystem> {
  const sorted = [...desired].sort(
    (a, b) => compareStrings(a.spec.id, b.spec.id) || compareStrings(a.file, b.file),
  );
  const byId = new Map<string, DesiredSystem>();
  for (const system of sorted) if (!byId.has(system.spec.id)) byId.set(system.spec.id, system);
  return byId;
}

function countPlan(changes: readonly PlannedChange[], noop: number, unmanaged: number): PlanCounts {
  const counts: PlanCounts = { create: 0, update: 0, delete: 0, blocked: 0, noop, unmanaged, changes: 0 };
  for (const change of changes) counts[change.action] += 1;
  counts.changes = counts.create + counts.update + counts.delete + counts.blocked;
  return counts;
}
