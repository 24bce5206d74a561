/**
 * Bodies on the wire of the Altinn system register (shared/altinn-system-register.md §2). Used by the
 * client (src/altinn/) and the local Altinn (src/emulator/) alike, so that both speak one contract.
 */
import { copyRight, type AccessPackage, type LanguageMap, type Right, type SystemSpec } from './system.ts';

/**
 * `RegisterSystemRequest`: body of POST `/vendor` and PUT `/vendor/{id}` (§2.1). The model's fields
 * but the tombstone flag: the shape of a system file is Altinn's request.
 */
export type RegisterSystemRequest = Omit<SystemSpec, 'isDeleted'>;

/**
 * `RegisteredSystemResponse`: GET `/vendor/{id}` (§2.2). What Altinn says about one system, deleted
 * ones included. `rights`/`accessPackages` are omitted when stored as NULL; redirect URLs come back
 * normalised by .NET `Uri`.
 */
export interface LiveSystem extends Omit<SystemSpec, 'rights' | 'accessPackages'> {
  rights?: Right[];
  accessPackages?: AccessPackage[];
}

/**
 * A request body from a spec or a live system, field by field as Altinn takes it: lists copied (a
 * missing one is `[]`), rights as Altinn keeps them, `isVisible` defaulting to true as Altinn's does.
 */
export function copyRequestFields(source: RegisterSystemRequest | LiveSystem): RegisterSystemRequest {
  return {
    id: source.id,
    vendor: { ID: source.vendor.ID },
    name: { ...source.name },
    description: { ...source.description },
    rights: (source.rights ?? []).map(copyRight),
    accessPackages: (source.accessPackages ?? []).map((item) => ({ urn: item.urn })),
    clientId: [...(source.clientId ?? [])],
    allowedRedirectUrls: [...(source.allowedRedirectUrls ?? [])],
    isVisible: source.isVisible ?? true,
  };
}

/** `RegisteredSystemDTO`: items of GET `/vendor` and the portal reads (§2.3). No client ids, URLs or deleted flag. */
export interface RegisteredSystemDTO {
  systemId: string;
  systemVendorOrgNumber: string;
  systemVendorOrgName: string;
  name: LanguageMap;
  description: LanguageMap;
  rights?: Right[];
  accessPackages?: AccessPackage[];
  isVisible: boolean;
}

/** `SystemRegisterUpdateResult` (§2.4). */
export interface UpdateResult {
  succeeded: boolean;
}

/** `SystemChangeLog` (§2.4). */
export interface SystemChangeLogEntry {
  systemInternalId: string;
  changedByOrgNumber: string;
  changeType: 'create' | 'update' | 'rightsupdate' | 'accesspackageupdate' | 'delete' | 'unknown';
  changedData?: unknown;
  clientId: string;
  created: string;
}

/** One item of an Altinn validation problem (§3.1). Extension keys appear as extra properties. */
export interface AltinnValidationError {
  code: string;
  title: string;
  paths: string[];
  [extension: string]: unknown;
}

/** Resource registry look-up, `GET /resourceregistry/api/v1/resource/{id}` (the fields sysreg reads). */
export interface ResourceRecord {
  identifier: string;
  resourceType: string;
}

/** Access-package look-up, `GET /accessmanagement/api/v1/meta/info/accesspackages/package/urn/{urn}`. */
export interface AccessPackageRecord {
  urn: string;
  isDelegable: boolean;
  isAssignable: boolean;
}

/** The anonymous access-package export (§8.1): every package, grouped by area group and area. */
export const ACCESS_PACKAGE_EXPORT_PATH = '/accessmanagement/api/v1/meta/info/accesspackages/export';

/** One area group of the export; sysreg reads only the packages' urn and flags. */
export interface AccessPackageAreaGroup {
  id?: string;
  name?: string;
  urn?: string;
  areas: { id?: string; name?: string; urn?: string; packages: AccessPackageRecord[] }[];
}

/** The system users of one system, for its vendor (§8.3), one page at a time. */
export const SYSTEM_USERS_BY_SYSTEM_PATH = '/authentication/api/v1/systemuser/vendor/bysystem';

/** `SystemUserExternalDTO` (§8.3): the fields a delete's cost names. */
export interface SystemUserRecord {
  id: string;
  integrationTitle: string;
  systemId: string;
  productName?: string;
  /** The customer's organisation number. */
  reporteeOrgNo: string;
  created?: string;
  isDeleted?: boolean;
  supplierName?: string;
  supplierOrgno?: string;
  externalRef?: string;
  userType?: string;
}

/** Altinn's `Paginated<T>`: follow `links.next` until it is null. */
export interface SystemUserPage {
  links: { next: string | null };
  data: SystemUserRecord[];
}

/** Resource types the register accepts in rights (§3.3); others give AUTH.VLD-00017. */
export const DELEGABLE_RESOURCE_TYPES: readonly string[] = [
  'Default',
  'Systemresource',
  'AltinnApp',
  'GenericAccessResource',
  'BrokerService',
  'CorrespondenceService',
  'MigratedApp',
];

export const SYSTEM_REGISTER_PATH = '/authentication/api/v1/systemregister';
export const SCOPE_WRITE = 'altinn:authentication/systemregister.write';
export const SCOPE_ADMIN = 'altinn:authentication/systemregister.admin';
export const SCOPE_PORTAL = 'altinn:portal/enduser';
