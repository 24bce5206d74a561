/**
 * The planner: a pure function from what git wants (`DesiredSystem[]`) and what Altinn has
 * (`LiveState`) to a `Plan` value. No I/O, no clock: the same input always gives the same plan and the
 * same checksum, whatever order the input came in.
 */
import { createHash } from 'node:crypto';
import { stringifyCanonicalJson } from '../model/canonical-json.ts';
import { classifySystems } from './classify-systems.ts';
import { compareStrings } from './compare-strings.ts';
import { describeCreatedSystem, diffCanonicalSystems } from '../model/diff.ts';
import {
  assignPhases,
  orderClientIdClaims,
  planClientIdSwaps,
  sortChangesByDependency,
} from './order-changes.ts';
import { PLAN_FORMAT_VERSION } from './plan-types.ts';
import type { LiveState } from '../model/live-state.ts';
import type {
  BlockedDetail,
  DesiredEntry,
  Plan,
  PlanCounts,
  PlanInput,
  PlannedChange,
  UnchangedSystem,
} from './plan-types.ts';
import { buildRegisterRequest } from './request-body.ts';
import { assessPlanSafety } from './safety.ts';
import { locateChanges } from './locate-changes.ts';

export function createPlan(input: PlanInput): Plan {
  const { live, settings } = input;
  const { described, unmanaged } = classifySystems(input.desired, live, input.environment);
  const desiredById = new Map(described.map((system) => [system.systemId, system.desired]));
  const changes = new Map<string, PlannedChange>();
  const unchanged: UnchangedSystem[] = [];
  const entries: DesiredEntry[] = [];
  let managed = 0;

  for (const { systemId: id, desired, canonical, class: found } of described) {
    const base = { systemId: id, file: desired.file, name: canonical.name, dependsOn: [], phase: 0 as const };
    const block = (blocked: BlockedDetail): void => {
      changes.set(id, { ...base, action: 'blocked', fields: [], request: null, blocked });
    };
    switch (found.kind) {
      case 'foreign-vendor':
        block({ reason: 'foreign-vendor', message: found.message });
        break;
      case 'id-burned':
        block({
          reason: 'id-burned',
          message: `The id ${id} was deleted in ${input.environment} and can never be created again. Choose a new id, or set environments.${input.environment}.isDeleted: true in the file (isDeleted: true for every environment).`,
        });
        break;
      case 'never-created':
      case 'already-deleted':
        unchanged.push({ systemId: id, file: desired.file, note: found.kind });
        break;
      case 'absent':
        changes.set(id, {
          ...base,
          action: 'create',
          fields: describeCreatedSystem(canonical),
          request: buildRegisterRequest(desired.spec),
        });
        entries.push({ desired, canonical, live: null });
        break;
      case 'live-tombstoned':
        managed += 1;
        changes.set(id, {
          ...base,
          action: 'delete',
          fields: [],
          request: null,
          deleteCause: 'tombstone',
          releasesClientIds: found.liveCanonical.clientId,
          ...describeDeleteCost(live, id),
        });
        break;
      case 'live': {
        managed += 1;
        const fields = diffCanonicalSystems(found.liveCanonical, canonical);
        if (fields.length === 0) {
          unchanged.push({ systemId: id, file: desired.file, note: 'in-sync' });
          break;
        }
        const released = found.liveCanonical.clientId.filter(
          (clientId) => !canonical.clientId.includes(clientId),
        );
        changes.set(id, {
          ...base,
          action: 'update',
          fields,
          request: buildRegisterRequest(desired.spec),
          ...(released.length > 0 ? { releasesClientIds: released } : {}),
        });
        entries.push({ desired, canonical, live: found.live });
        break;
      }
    }
  }

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
  planClientIdSwaps(changes, live);
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
    locations: locateChanges(ordered, desiredById),
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

function countPlan(changes: readonly PlannedChange[], noop: number, unmanaged: number): PlanCounts {
  const counts: PlanCounts = { create: 0, update: 0, delete: 0, blocked: 0, noop, unmanaged, changes: 0 };
  for (const change of changes) counts[change.action] += 1;
  counts.changes = counts.create + counts.update + counts.delete + counts.blocked;
  return counts;
}
