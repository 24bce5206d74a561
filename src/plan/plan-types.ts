/**
 * The plan as a value: what apply does (or cannot do) to each system, reviewed as a whole and carried
 * out by src/apply/. Built by createPlan (plan.ts); nothing here decides anything.
 */
import type { LiveSystem, RegisterSystemRequest } from '../model/wire.ts';
import type { DesiredSystem, LanguageMap, SystemSpec } from '../model/system.ts';
import type { CanonicalSystem } from '../model/canonical.ts';
import type { FieldChange } from '../model/diff.ts';
import type { LiveState } from '../model/live-state.ts';
import { DEFAULT_SAFETY_SETTINGS } from './safety.ts';
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
  /**
   * Systems that must release a client id before this change claims it: their write (their first
   * write, when they have an `interimRelease`) must succeed before this one's (full) write starts.
   */
  dependsOn: string[];
  /**
   * For an update in a client-id swap (updates that wait on each other): the first of its two writes,
   * the whole document with only the client ids it already holds and keeps, which releases what the
   * others wait for. `request` follows once they are written. Planned, so the checksum covers it.
   */
  interimRelease?: RegisterSystemRequest;
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

/** Where in the YAML a change comes from, so a reviewer can be pointed at the line. */
export interface ChangeLocation {
  systemId: string;
  file: string;
  /** The field the change is about; `line` and `column` are the id's when that field has none. */
  field: keyof SystemSpec;
  line: number;
  column: number;
  action: ChangeAction;
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
  locations: ChangeLocation[];
}

/** A system git wants that the plan writes, with its canonical form and what Altinn has. */
export interface DesiredEntry {
  desired: DesiredSystem;
  canonical: CanonicalSystem;
  live: LiveSystem | null;
}
