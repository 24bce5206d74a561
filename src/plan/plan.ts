/**
 * The planner: a pure function from what git wants (`DesiredSystem[]`) and what Altinn has
 * (`LiveState`) to a `Plan` value. No I/O, no clock: the same input always gives the same plan and the
 * same checksum, whatever order the input came in.
 */
import { createHash } from 'node:crypto';
import type { LiveSystem, RegisterSystemRequest } from '../altinn/wire.ts';
import type { DesiredSystem, FieldPosition, LanguageMap, SystemSpec } from '../systems/model.ts';
import { canonicalFromLive, canonicalFromSpec } from './canonical.ts';
import type { CanonicalSystem } from './canonical.ts';
import { stringifyCanonicalJson } from './canonical-json.ts';
import { describeCreatedSystem, diffCanonicalSystems } from './diff.ts';
import type { FieldChange } from './diff.ts';
import type { LiveState } from './live-state.ts';
import { assessPlanSafety, DEFAULT_SAFETY_SETTINGS } from './safety.ts';
import type { PlanSafety, SafetySettings } from './safety.ts';

export const PLAN_FORMAT_VERSION = 1;

export interface PlanSettings {
  /** Delete live systems of the vendor that no file describes. Off by default. */
  prune: boolean;
  safety: SafetySettings;
}

export const DEFAULT_PLAN_SETTINGS: PlanSettings = { prune: false, safety: DEFAULT_SAFETY_SETTINGS };

export interface PlanInput {
  desired: DesiredSystem[];
  live: LiveState;
  settings: PlanSettings;
  environment: string;
  commit?: string;
}

export type ChangeAction = 'create' | 'update' | 'delete' | 'blocked';
export type ChangePhase = 0 | 1 | 2 | 3;
export type BlockedReason = 'id-burned' | 'foreign-vendor' | 'client-id-held-outside-repo';

export interface BlockedDetail {
  reason: BlockedReason;
  /** One sentence for reviewers. */
  message: string;
  /** For `client-id-held-outside-repo`: the client ids and the live systems holding them. */
  clientIds?: string[];
  heldBy?: string[];
}

/** One thing apply does (or cannot do) to one system. */
export interface PlannedChange {
  systemId: string;
  action: ChangeAction;
  /** The file that declares the system; `null` for a pruned unmanaged system. */
  file: string | null;
  /** Display name, from git (or from live when git has none). */
  name: LanguageMap;
  /** Field-level changes, canonical before → after. For a create, every field from nothing. */
  fields: FieldChange[];
  /** For create and update: the whole body to send (PUT resets what it is not given). */
  request: RegisterSystemRequest | null;
  /** Systems whose change must succeed before this one starts (client ids released before claimed). */
  dependsOn: string[];
  /**
   * Apply finishes every change of one phase before it starts the next: 1 creates and updates,
   * 2 deletes, 3 writes that claim a client id a delete releases. 0 = blocked, never applied. The
   * phase carries the "writes before deletes" rule, so `dependsOn` stays linear in size.
   */
  phase: ChangePhase;
  /** Why a delete happens: a tombstone in git, or `prune` of an unmanaged system. */
  deleteCause?: 'tombstone' | 'prune';
  /** Client ids a delete or update gives up, which other systems may be claiming. */
  releasesClientIds?: string[];
  /** For a delete whose system users were read: how many stop working (one per customer integration). */
  systemUsers?: number;
  /** For such a delete: the first few of those customers' organisation numbers, in Altinn's order. */
  systemUserCustomers?: string[];
  /** For a delete whose system users could not be read: why, so reviewers know the cost is unknown. */
  systemUsersUnreadable?: string;
  blocked?: BlockedDetail;
}

export type UnchangedNote = 'in-sync' | 'already-deleted' | 'never-created';

export interface UnchangedSystem {
  systemId: string;
  file: string;
  note: UnchangedNote;
}

/** A live system of the vendor that no file describes. Left alone unless `prune` is set. */
export interface UnmanagedSystem {
  systemId: string;
  name: LanguageMap;
  clientId: string[];
}

/** Where in the YAML a change comes from, for annotations on the line. Not part of the checksum. */
export interface ChangeAnnotation {
  systemId: string;
  file: string;
  field: keyof SystemSpec | null;
  line: number;
  column: number;
  action: ChangeAction;
  /** Deletes and blocked changes warn; creates and updates are notices. */
  level: 'notice' | 'warning';
  title: string;
  message: string;
}

export interface PlanCounts {
  create: number;
  update: number;
  delete: number;
  blocked: number;
  noop: number;
  unmanaged: number;
  /** create + update + delete + blocked: what makes `--detailed-exitcode` exit 2. */
  changes: number;
}

export interface Plan {
  formatVersion: typeof PLAN_FORMAT_VERSION;
  environment: string;
  commit: string | null;
  /** In an order that honours `phase` and `dependsOn`; blocked changes last. */
  changes: PlannedChange[];
  unmanaged: UnmanagedSystem[];
  unchanged: UnchangedSystem[];
  counts: PlanCounts;
  /** `sha256:` + hex of the canonical JSON of `changes`. */
  checksum: string;
  safety: PlanSafety;
  /** Excluded from the checksum: positions move when a file is edited without changing the plan. */
  annotations: ChangeAnnotation[];
}

interface DesiredEntry {
  desired: DesiredSystem;
  canonical: CanonicalSystem;
  live: LiveSystem | null;
}

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
        changes.set(id, { ...change, request: buildRequest(spec) });
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
            message: `The id ${id} was deleted in ${input.environment} and can never be created again. Choose a new id, or mark this file isDeleted: true.`,
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
        request: buildRequest(spec),
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

/** True when nothing would be created, updated, deleted or is blocked (unmanaged systems do not count). */
export function isPlanEmpty(plan: Plan): boolean {
  return plan.counts.changes === 0;
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

/** Live systems of the caller's vendor, not deleted, that no file describes; sorted by id. */
export function listUnmanagedSystems(describedIds: ReadonlySet<string>, live: LiveState): UnmanagedSystem[] {
  const ids = new Set<string>();
  for (const id of live.listedIds) ids.add(id);
  for (const [id, lookup] of Object.entries(live.systems)) {
    if (
      lookup.status === 'found' &&
      !lookup.system.isDeleted &&
      vendorOrgOf(lookup.system.vendor?.ID ?? '') === live.vendorOrgNumber
    ) {
      ids.add(id);
    }
  }
  const unmanaged: UnmanagedSystem[] = [];
  for (const id of [...ids].sort(compareStrings)) {
    if (describedIds.has(id)) continue;
    const lookup = live.systems[id];
    const system = lookup?.status === 'found' ? lookup.system : null;
    if (system?.isDeleted) continue;
    unmanaged.push({
      systemId: id,
      name: system ? canonicalFromLive(system).name : {},
      clientId: system ? canonicalFromLive(system).clientId : [],
    });
  }
  return unmanaged;
}

/**
 * A client id belongs to one active system at a time, so a claim waits for the change that releases
 * it (an update that drops it, or a delete). A claim on an id that a system outside the repository
 * holds, and that nothing in the plan releases, cannot succeed: the claiming change is blocked.
 */
function orderClientIdClaims(
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
function assignPhases(changes: Map<string, PlannedChange>): void {
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
function sortChangesByDependency(changes: PlannedChange[]): PlannedChange[] {
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
      if (target) visit(target);
    }
    visiting.delete(change.systemId);
    done.add(change.systemId);
    ordered.push(change);
  };
  for (const change of sorted) visit(change);
  return ordered;
}

function countPlan(changes: readonly PlannedChange[], noop: number, unmanaged: number): PlanCounts {
  const counts: PlanCounts = { create: 0, update: 0, delete: 0, blocked: 0, noop, unmanaged, changes: 0 };
  for (const change of changes) counts[change.action] += 1;
  counts.changes = counts.create + counts.update + counts.delete + counts.blocked;
  return counts;
}

/** The body of POST/PUT: every field explicit, as the file writes it (Altinn normalises on its side). */
function buildRequest(spec: SystemSpec): RegisterSystemRequest {
  return {
    id: spec.id,
    vendor: { ID: spec.vendor.ID },
    name: { ...spec.name },
    description: { ...spec.description },
    rights: (spec.rights ?? []).map((right) =>
      right.action === undefined || right.action === null
        ? { resource: right.resource.map((pair) => ({ id: pair.id, value: pair.value })) }
        : {
            action: right.action,
            resource: right.resource.map((pair) => ({ id: pair.id, value: pair.value })),
          },
    ),
    accessPackages: (spec.accessPackages ?? []).map((item) => ({ urn: item.urn })),
    clientId: [...(spec.clientId ?? [])],
    allowedRedirectUrls: [...(spec.allowedRedirectUrls ?? [])],
    isVisible: spec.isVisible ?? true,
  };
}

function annotateChanges(
  changes: readonly PlannedChange[],
  desiredById: ReadonlyMap<string, DesiredSystem>,
  environment: string,
): ChangeAnnotation[] {
  const annotations: ChangeAnnotation[] = [];
  for (const change of changes) {
    const desired = desiredById.get(change.systemId);
    if (!desired || change.file === null) continue;
    const at = (field: keyof SystemSpec | null): FieldPosition =>
      (field ? desired.fieldPositions[field] : undefined) ??
      desired.fieldPositions.id ?? { line: 1, column: 1 };
    const add = (field: keyof SystemSpec | null, message: string): void => {
      const position = at(field);
      annotations.push({
        systemId: change.systemId,
        file: change.file as string,
        field: field && desired.fieldPositions[field] ? field : null,
        line: position.line,
        column: position.column,
        action: change.action,
        level: change.action === 'delete' || change.action === 'blocked' ? 'warning' : 'notice',
        title: `sysreg plan: ${change.action} in ${environment}`,
        message,
      });
    };
    switch (change.action) {
      case 'create':
        add('id', `${change.systemId} will be created in ${environment}.`);
        break;
      case 'update':
        for (const field of change.fields) add(field.field, `${field.field} changes in ${environment}.`);
        break;
      case 'delete':
        add('isDeleted', `${change.systemId} will be deleted in ${environment}; the id is burned forever.`);
        break;
      case 'blocked':
        add(
          change.blocked?.reason === 'client-id-held-outside-repo' ? 'clientId' : 'id',
          change.blocked?.message ?? '',
        );
        break;
    }
  }
  return annotations;
}

function isSameVendor(live: LiveSystem, spec: SystemSpec): boolean {
  return live.vendor?.ID === spec.vendor.ID;
}

function vendorOrgOf(vendorId: string): string {
  return vendorId.startsWith('0192:') ? vendorId.slice(5) : vendorId;
}

/** Code-unit order: the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
