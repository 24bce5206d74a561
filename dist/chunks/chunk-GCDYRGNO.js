// src/altinn/read-live-state.ts
async function readLiveState(client, options) {
  const cancel = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, cancel.signal]) : cancel.signal;
  const call = { signal };
  const repoIds = Promise.resolve(options.repoIds);
  repoIds.catch(() => void 0);
  try {
    const listed = await client.listVendorSystems(call);
    const listedIds = listed.map((system) => system.systemId);
    const read = (ids) => Promise.all(
      [...ids].map(async (id) => [id, await client.getSystem(id, call)])
    );
    const listedReads = read(new Set(listedIds));
    listedReads.catch(() => cancel.abort());
    const listedSet = new Set(listedIds);
    const repoOnly = new Set((await repoIds).filter((id) => !listedSet.has(id)));
    const lookups = [...await listedReads, ...await read(repoOnly)];
    const vendorOrgNumber = await client.getCallerOrgNumber(call) ?? listed[0]?.systemVendorOrgNumber ?? "";
    return {
      environment: options.environment,
      vendorOrgNumber,
      listedIds,
      systems: Object.fromEntries(lookups)
    };
  } catch (error) {
    cancel.abort(error);
    throw error;
  }
}

export {
  readLiveState
};
