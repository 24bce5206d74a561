/**
 * Reads what Altinn says into a `LiveState` (src/model/live-state.ts): the vendor's list, then a
 * full read of every listed id and every id the repository names (so burned ids are seen),
 * concurrently within the transport's limit.
 */
import type { LiveLookup, LiveState } from '../model/live-state.ts';
import type { CallOptions, SystemRegisterClient } from './register-client.ts';

export interface ReadLiveStateOptions extends CallOptions {
  environment: string;
  /**
   * Ids of the systems in `systems/`. May be a promise, so the vendor's list and its systems are
   * read while the files are still loading; the ids only the files name are read once it settles.
   */
  repoIds: string[] | PromiseLike<string[]>;
}

export async function readLiveState(
  client: SystemRegisterClient,
  options: ReadLiveStateOptions,
): Promise<LiveState> {
  // One failed read fails the whole state (a partial state would plan wrongly), so the rest is cancelled.
  const cancel = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, cancel.signal]) : cancel.signal;
  const call: CallOptions = { signal };
  const repoIds = Promise.resolve(options.repoIds);
  // Awaited after the list; a failure in the meantime must not count as an unhandled rejection.
  repoIds.catch(() => undefined);
  try {
    const listed = await client.listVendorSystems(call);
    const listedIds = listed.map((system) => system.systemId);
    const read = (ids: Iterable<string>) =>
      Promise.all(
        [...ids].map(async (id): Promise<[string, LiveLookup]> => [id, await client.getSystem(id, call)]),
      );
    // The transport's limiter bounds the concurrency; every read is queued at once.
    const listedReads = read(new Set(listedIds));
    // A failed read cancels the rest at once, even while the repository's ids are still coming.
    listedReads.catch(() => cancel.abort());
    const listedSet = new Set(listedIds);
    const repoOnly = new Set((await repoIds).filter((id) => !listedSet.has(id)));
    const lookups = [...(await listedReads), ...(await read(repoOnly))];
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
