/**
 * The register's own validators, reproduced with the service's codes, titles, paths and extension keys
 * (shared/altinn-system-register.md §3.1–3.5). These are Altinn's checks, not sysreg's stricter rules
 * (src/systems/rules.ts): the emulator must accept what Altinn accepts and refuse what it refuses.
 */
import type { AltinnValidationError } from '../model/wire.ts';
import { DELEGABLE_RESOURCE_TYPES } from '../model/wire.ts';
import type { AccessPackage, Right } from '../model/system.ts';
import type { CatalogueStore } from './catalogue-store.ts';

/** Descriptor titles from the service's `ValidationErrors.cs`. */
export const VALIDATION_TITLES: Record<string, string> = {
  'AUTH.VLD-00000': 'the org number identifier is not valid ISO6523 identifier',
  'AUTH.VLD-00001': 'The system id does not match the format orgnumber_xxxx...',
  'AUTH.VLD-00002': 'The system id already exists',
  'AUTH.VLD-00003': "One or more resources specified in rights were not found in Altinn's resource register.",
  'AUTH.VLD-00004': 'One of the client id is already tagged with an existing system',
  'AUTH.VLD-00005':
    'One or more of the redirect urls format is not valid. The valid format is https://xxx.xx',
  'AUTH.VLD-00006': 'One or more duplicate rights found',
  'AUTH.VLD-00007': 'One or more duplicate access package(s) found',
  'AUTH.VLD-00008':
    "One or all the accesspackage(s) is not found in altinn's access packages or is not delegable",
  'AUTH.VLD-00009': 'One or more resource id is in wrong format. The valid format is urn:altinn:resource',
  'AUTH.VLD-00011': 'Request contains duplicate client ids',
  'AUTH.VLD-00012': 'The system ID in the request body does not match the system ID in the URL',
  'AUTH.VLD-00013': 'System ID cannot have spaces in id (leading, trailing or in between the id)',
  'AUTH.VLD-00017': 'One or more resources specified in rights is of resource type which is not delegable.',
  'AUTH.VLD-00018':
    "Access packages meant for system user for client relations can't be used in combination with the flag isVisible: true",
};

export const ERROR_PATHS = {
  vendorId: '/registersystemrequest/vendor/id',
  systemId: '/registersystemrequest/systemid',
  redirectUrls: '/registersystemrequest/allowedredirecturls',
  clientId: '/registersystemrequest/clientid',
  accessPackages: '/registersystemrequest/accesspackages',
  rightsResource: '/registersystemrequest/rights/resource',
} as const;

export function createValidationError(
  code: string,
  path: string,
  extensions: Record<string, string> = {},
): AltinnValidationError {
  return { code, title: VALIDATION_TITLES[code] ?? code, paths: [path], ...extensions };
}

/**
 * `ValidateRights`: attribute id format (00009), existence in the resource registry (00003), resource
 * type (00017), then duplicate rights (00006). Throws like the service on a null list.
 */
export function validateRights(rights: Right[] | null, catalogue: CatalogueStore): AltinnValidationError[] {
  if (rights === null) throw new TypeError('Object reference not set to an instance of an object.');
  const badFormat: string[] = [];
  const notFound: string[] = [];
  const notDelegable: string[] = [];
  for (const right of rights) {
    for (const pair of right.resource) {
      if (!/^urn:altinn:resource$/.test(pair.id)) badFormat.push(pair.value);
      else {
        const resource = catalogue.findResource(pair.value);
        if (!resource) notFound.push(pair.value);
        else if (!DELEGABLE_RESOURCE_TYPES.includes(resource.resourceType)) notDelegable.push(pair.value);
      }
    }
  }
  const errors: AltinnValidationError[] = [];
  const path = ERROR_PATHS.rightsResource;
  if (badFormat.length > 0) {
    errors.push(
      createValidationError('AUTH.VLD-00009', path, {
        'Invalid Resource Id Details : ': badFormat.join(' | '),
      }),
    );
  }
  if (notFound.length > 0) {
    errors.push(
      createValidationError('AUTH.VLD-00003', path, { 'ResourceIds Not Found : ': notFound.join(' | ') }),
    );
  }
  if (notDelegable.length > 0) {
    errors.push(
      createValidationError('AUTH.VLD-00017', path, {
        'ResourceIds Not Delegable : ': notDelegable.join(' | '),
      }),
    );
  }
  // The duplicate key is built from the pairs in order; identical pairs inside one right are not flagged.
  const keys = rights.map(
    (right) => `${right.action ?? ''}:${right.resource.map((pair) => `${pair.id}:${pair.value}`).join(',')}`,
  );
  if (new Set(keys).size !== keys.length) errors.push(createValidationError('AUTH.VLD-00006', path));
  return errors;
}

/** `ValidateAccessPackages`: look-ups (00008), duplicates (00007), non-assignable with isVisible (00018). */
export function validateAccessPackages(
  packages: AccessPackage[] | null,
  isVisible: boolean,
  catalogue: CatalogueStore,
): AltinnValidationError[] {
  if (packages === null) return [];
  const invalidFormat: string[] = [];
  const notFound: string[] = [];
  const notDelegable: string[] = [];
  let nonAssignable = false;
  for (const { urn } of packages) {
    if (urn === null || urn === undefined || urn === '' || urn.split(':').length < 4) {
      invalidFormat.push(urn ?? '');
      continue;
    }
    const record = catalogue.findAccessPackage(urn);
    if (!record) notFound.push(urn);
    else {
      if (!record.isDelegable && !record.isAssignable) notDelegable.push(urn);
      if (!record.isAssignable) nonAssignable = true;
    }
  }
  const errors: AltinnValidationError[] = [];
  const path = ERROR_PATHS.accessPackages;
  const details = [
    invalidFormat.length > 0 ? `Invalid format: ${invalidFormat.join(', ')}` : '',
    notFound.length > 0 ? `Not found: ${notFound.join(', ')}` : '',
    notDelegable.length > 0 ? `Not possible to delegate: ${notDelegable.join(', ')}` : '',
  ].filter((part) => part !== '');
  if (details.length > 0) {
    errors.push(
      createValidationError('AUTH.VLD-00008', path, { 'Invalid Urn Details : ': details.join(' | ') }),
    );
  }
  const urns = packages.map((p) => p.urn);
  if (new Set(urns).size !== urns.length) errors.push(createValidationError('AUTH.VLD-00007', path));
  if (isVisible && nonAssignable) errors.push(createValidationError('AUTH.VLD-00018', path));
  return errors;
}

/** POST's check (00005): an absolute URI whose scheme is exactly `https`. */
export function isHttpsAbsoluteUrl(url: string): boolean {
  return URL.canParse(url) && new URL(url).protocol === 'https:';
}

/** The DB domain `uri`: `^https?:\/\/[^.]+`, checked on the stored (normalised) value. */
export function satisfiesUriDomain(stored: string): boolean {
  return /^https?:\/\/[^.]+/.test(stored);
}

/** The DB domain `translated_text` requires `en`, `nb` and `nn`; returns the first failing constraint. */
export function findTranslatedTextViolation(map: Record<string, string>): string | undefined {
  for (const language of ['en', 'nb', 'nn']) {
    if (!Object.hasOwn(map, language)) return `translated_text_contains_${language}`;
  }
  return undefined;
}
