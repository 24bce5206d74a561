/**
 * What Altinn says, as read by the client (src/altinn/) and handed to the pure planner. Nothing in
 * here does I/O: the client builds a `LiveState`, tests build one by hand.
 */
import type { LiveSystem, SystemChangeLogEntry } from './wire.ts';

/** The result of GET `/vendor/{id}` for one id. */
export type LiveLookup =
  | { status: 'found'; system: LiveSystem }
  /** 404: no system has ever had this id. */
  | { status: 'absent' }
  /** 403: the id exists and belongs to another vendor. */
  | { status: 'forbidden' };

export interface LiveState {
  /** Environment name, e.g. `tt02`, `prod`, `local`. */
  environment: string;
  /** Organisation number (9 digits, no `0192:`) of the caller: the `consumer` of the token. */
  vendorOrgNumber: string;
  /** Ids that GET `/vendor` listed: the vendor's non-deleted systems, in the order Altinn gave them. */
  listedIds: string[];
  /** A full read of every listed id and of every id the repository names (so burned ids are seen). */
  systems: Record<string, LiveLookup>;
  /** The changelogs of drifted systems, newest first, when they were read (drift reads them). */
  changelogs?: Record<string, ChangelogLookup>;
  /** The system users of systems to be deleted, when they were read (plan reads them; apply does not). */
  systemUsers?: Record<string, SystemUsersLookup>;
}

/** A system's system users (§8.3), read for each system a plan deletes: whose integration stops. */
export type SystemUsersLookup =
  /** Each system user's customer (`reporteeOrgNo`), in Altinn's order. */
  { status: 'read'; reporteeOrgNumbers: string[] } | { status: 'unreadable'; reason: string };

/** GET `/vendor/{id}/changelog` (§8.2), read for each drifted system: who changed it, and when. */
export type ChangelogLookup =
  { status: 'read'; entries: SystemChangeLogEntry[] } | { status: 'unreadable'; reason: string };
