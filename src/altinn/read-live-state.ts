/**
 * Reads what Altinn says into a `LiveState` (src/plan/live-state.ts): the vendor's list, then a
 * full read of every listed id and every id the repository names (so burned ids are seen),
 * concurrently within the transport's limit.
 */
import type { LiveLookup, LiveState } from '../plan/live-state.ts';
import type { CallOptions, SystemRegisterClient } from './register-client.ts';

export interface ReadLiveStateOptions extends CallOptions {
  environment: string;
  /** Ids of the systems in `systems/`. */
  repoIds: string[];
}

export async function readLiveState(
  client: SystemRegisterClient,
  options: ReadLiveStateOptions,
): Promise<LiveState> {
  // One failed read fails the whole state (a partial state would plan wrongly), so the rest is cancelled.
  const cancel = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, cancel.signal]) : cancel.signal;
  const call: CallOptions = { signal };
  try {
    const listed = await client.listVendorSystems(call);
    const listedIds = listed.map((system) => system.systemId);
    const ids = [...new Set([...listedIds, ...options.repoIds])];
    // The transport's limiter bounds the concurrency; every read is queued at once.
    const lookups = await Promise.all(
      ids.map(async (id): Promise<[string, LiveLookup]> => [id, await client.getSystem(id, call)]),
    );
    const vendorOrgNumber = (await client.getCallerOrgNumber(call)) ?? listed[0]?.systemVendorOrgNumber ?? '';
    return {
      environment: options.environment,
      vendorOrgNumber,
      listedIds,
      systems: Object.fromEntries(lookups),
    };
  } catch (error) {
    cancel.abort(error);
    throw error;
  }
}
