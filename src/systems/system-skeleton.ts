/**
 * The file `sysreg new` writes: every field with a comment above it from FIELD_RULES, values that pass
 * validation as they stand, and the optional parts as commented examples. Pure.
 */
import { placeholderDescription } from './placeholders.ts';
import { Document, isMap, isScalar } from 'yaml';
import { ENVIRONMENTS_KEY, FIELD_RULES } from '../model/fields.ts';
import type { SystemSpec } from '../model/system.ts';
import { isValidOrganisationNumber } from './organisation-number.ts';
import { SCHEMA_MODELINE, applyCanonicalStyle, renderDocument } from './yaml-style.ts';

/** Letters, digits, `.`, `_` and `-`: safe as a file name on every platform and in a URL path. */
const SAFE_NAME_PATTERN = /^[A-Za-z0-9._-]+$/;
const MAX_ID_LENGTH = 255;

export interface SystemIdentity {
  /** `<organisation number>_<name>`. */
  id: string;
  /** Nine digits. */
  organisationNumber: string;
}

/**
 * Checks a vendor and an id (`<org>_<name>`, or just `<name>`, which gets the prefix) for `sysreg new`.
 * Returns the identity, or the reason it is refused.
 */
export function resolveSystemIdentity(id: string, vendor: string): SystemIdentity | { problem: string } {
  const organisationNumber = vendor.replace(/^0192:/, '');
  if (!/^\d{9}$/.test(organisationNumber)) {
    return { problem: `--vendor must be a 9-digit organisation number (or 0192:<number>), got '${vendor}'` };
  }
  if (!isValidOrganisationNumber(organisationNumber)) {
    return {
      problem: `--vendor '${vendor}': ${organisationNumber} fails the MOD11 check digit; is there a typo?`,
    };
  }
  const prefix = `${organisationNumber}_`;
  // An id that starts with another organisation number is a typo or the wrong vendor, not a name.
  const otherOrganisation = /^(\d{9})_/.exec(id)?.[1];
  if (otherOrganisation !== undefined && otherOrganisation !== organisationNumber) {
    return {
      problem: `the id '${id}' starts with organisation number ${otherOrganisation}, but --vendor is ${organisationNumber}; an id starts with its vendor's number: give '${prefix}${id.slice(10)}', or just the name '${id.slice(10)}'`,
    };
  }
  const fullId = id.startsWith(prefix) ? id : `${prefix}${id}`;
  const name = fullId.slice(prefix.length);
  if (name === '') return { problem: `the id needs a name after '${prefix}'` };
  if (/[/\\]/.test(name) || name.includes('..') || !SAFE_NAME_PATTERN.test(name)) {
    return {
      problem: `'${fullId}' would not be a safe file name: after '${prefix}' use only letters, digits, '.', '_' and '-', and no '..'`,
    };
  }
  if (fullId.length > MAX_ID_LENGTH) return { problem: `the id is longer than ${MAX_ID_LENGTH} characters` };
  return { id: fullId, organisationNumber };
}

const ENVIRONMENTS_EXAMPLE = [
  ` ${ENVIRONMENTS_KEY}: whole-field overrides for one environment (tt02, prod, …). For example:`,
  ` ${ENVIRONMENTS_KEY}:`,
  '   prod:',
  '     clientId:',
  '       - <Maskinporten client id in prod>',
];

export function renderSystemSkeleton(identity: SystemIdentity): string {
  const name = identity.id.slice(identity.organisationNumber.length + 1);
  const spec: Omit<SystemSpec, 'isDeleted'> = {
    id: identity.id,
    vendor: { ID: `0192:${identity.organisationNumber}` },
    name: { nb: name, nn: name, en: name },
    description: placeholderDescription(name),
    rights: [],
    accessPackages: [],
    clientId: [],
    allowedRedirectUrls: [],
    isVisible: true,
  };
  const document = new Document(spec);
  applyCanonicalStyle(document);
  const map = document.contents;
  if (isMap(map)) {
    for (const pair of map.items) {
      const rule = FIELD_RULES.find((candidate) => isScalar(pair.key) && candidate.key === pair.key.value);
      if (rule && isScalar(pair.key)) pair.key.commentBefore = ` ${rule.description}`;
    }
  }
  const isDeleted = FIELD_RULES.find((rule) => rule.key === 'isDeleted');
  document.commentBefore = SCHEMA_MODELINE;
  document.comment = [
    ...(isDeleted ? [` isDeleted: ${isDeleted.description}`, ' isDeleted: true', ''] : []),
    ...ENVIRONMENTS_EXAMPLE,
  ].join('\n');
  return renderDocument(document);
}
