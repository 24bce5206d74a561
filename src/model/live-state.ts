/**
 * What Altinn says, as read by the client (src/altinn/) and handed to the pure planner. Nothing in
 * here does I/O: the client builds a `LiveState`, tests build one by hand.
 */
import type { LiveSystem } from './wire.ts';

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
}
