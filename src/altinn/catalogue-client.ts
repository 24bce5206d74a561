/**
 * The live catalogue of one environment: the resources and access packages a set of systems
 * names, looked up where the register itself looks them up (§3.3), so `validate --env` can run the
 * offline rules against it. What does not exist is left out, and the rules report it as missing.
 */
import type { Catalogue } from '../catalogue/default-catalogue.ts';
import type { AccessPackageRecord, ResourceRecord } from '../model/wire.ts';
import type { CallOptions, SystemRegisterClient } from './register-client.ts';

export interface FetchCatalogueOptions extends CallOptions {
  resourceIds: string[];
  accessPackageUrns: string[];
}

export async function fetchCatalogue(
  client: SystemRegisterClient,
  options: FetchCatalogueOptions,
): Promise<Catalogue> {
  const call: CallOptions = options.signal ? { signal: options.signal } : {};
  const [resources, accessPackages] = await Promise.all([
    Promise.all([...new Set(options.resourceIds)].map((id) => client.lookupResource(id, call))),
    Promise.all([...new Set(options.accessPackageUrns)].map((urn) => client.lookupAccessPackage(urn, call))),
  ]);
  return {
    resources: resources.filter((record): record is ResourceRecord => record !== undefined),
    accessPackages: accessPackages.filter((record): record is AccessPackageRecord => record !== undefined),
  };
}

/**
 * What `sysreg catalogue pull` writes: every access package the environment defines (its export) and
 * the resources `resourceIds` name that exist there.
 */
export async function pullCatalogue(
  client: SystemRegisterClient,
  options: CallOptions & { resourceIds: string[] },
): Promise<Catalogue> {
  const call: CallOptions = options.signal ? { signal: options.signal } : {};
  const [accessPackages, resources] = await Promise.all([
    client.exportAccessPackages(call),
    Promise.all([...new Set(options.resourceIds)].map((id) => client.lookupResource(id, call))),
  ]);
  return {
    accessPackages,
    resources: resources.filter((record): record is ResourceRecord => record !== undefined),
  };
}
