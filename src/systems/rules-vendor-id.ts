/** The register's rules for the vendor and the system id. */
import path from 'node:path';
import type { SystemSpec } from '../model/system.ts';
import { isValidOrganisationNumber } from './organisation-number.ts';
import { SYSTEM_ID_CHARACTERS, SYSTEM_ID_MAX_LENGTH, VENDOR_PREFIX, type SystemRule } from './rules-model.ts';

function extractOrganisationNumber(spec: SystemSpec): string | undefined {
  return spec.vendor.ID.startsWith(VENDOR_PREFIX) ? spec.vendor.ID.slice(VENDOR_PREFIX.length) : undefined;
}

export const vendorOrgIdentifier: SystemRule = {
  ruleId: 'vendor-org-identifier',
  altinnCode: 'AUTH.VLD-00000',
  severity: 'error',
  summary: 'vendor.ID starts with `0192:` (the ISO 6523 code for Norwegian organisation numbers).',
  check(spec) {
    if (spec.vendor.ID.startsWith(VENDOR_PREFIX)) return [];
    return [
      {
        path: ['vendor', 'ID'],
        message: `vendor.ID must be \`0192:\` followed by the organisation number, not \`${spec.vendor.ID}\`.`,
      },
    ];
  },
};

export const vendorOrgNumberFormat: SystemRule = {
  ruleId: 'vendor-org-number-format',
  severity: 'error',
  summary: 'The organisation number in vendor.ID has exactly 9 digits.',
  check(spec) {
    const organisationNumber = extractOrganisationNumber(spec);
    if (organisationNumber === undefined || /^\d{9}$/.test(organisationNumber)) return [];
    return [
      {
        path: ['vendor', 'ID'],
        message: `the organisation number in vendor.ID must be 9 digits, not \`${organisationNumber}\`.`,
      },
    ];
  },
};

export const vendorOrgNumberChecksum: SystemRule = {
  ruleId: 'vendor-org-number-checksum',
  severity: 'error',
  summary: 'The organisation number in vendor.ID has a valid MOD11 check digit (catches typos).',
  check(spec) {
    const organisationNumber = extractOrganisationNumber(spec);
    if (organisationNumber === undefined || !/^\d{9}$/.test(organisationNumber)) return [];
    if (isValidOrganisationNumber(organisationNumber)) return [];
    return [
      {
        path: ['vendor', 'ID'],
        message: `\`${organisationNumber}\` is not a valid organisation number: its check digit does not match.`,
        hint: 'Check the number against the Brønnøysund Register Centre; a digit is probably mistyped.',
      },
    ];
  },
};

export const idVendorPrefix: SystemRule = {
  ruleId: 'id-vendor-prefix',
  altinnCode: 'AUTH.VLD-00001',
  severity: 'error',
  summary: "id starts with the vendor's organisation number and `_`, followed by a name.",
  check(spec) {
    const organisationNumber = extractOrganisationNumber(spec);
    // An invalid number is reported by the vendor rules; telling the user to rename the id after a
    // typo in vendor.ID would lead them to copy the typo.
    if (organisationNumber === undefined || !isValidOrganisationNumber(organisationNumber)) return [];
    const prefix = `${organisationNumber}_`;
    if (spec.id.startsWith(prefix) && spec.id.length > prefix.length) return [];
    return [
      {
        path: ['id'],
        message: `id must be the vendor's organisation number, an underscore and a name (\`${prefix}…\`), not \`${spec.id}\`.`,
      },
    ];
  },
};

export const idNoWhitespace: SystemRule = {
  ruleId: 'id-no-whitespace',
  altinnCode: 'AUTH.VLD-00013',
  severity: 'error',
  summary: 'id contains no spaces or other whitespace.',
  check(spec) {
    if (!/\s/.test(spec.id)) return [];
    return [{ path: ['id'], message: `id must not contain whitespace: \`${spec.id}\`.` }];
  },
};

export const idCharset: SystemRule = {
  ruleId: 'id-charset',
  severity: 'error',
  summary: 'id uses only letters A–Z/a–z, digits, `.`, `_` and `-` (it is part of URL paths).',
  check(spec) {
    // Whitespace has its own rule (and Altinn code); this one names the other characters.
    const bad = [...new Set([...spec.id].filter((c) => !SYSTEM_ID_CHARACTERS.test(c) && !/\s/.test(c)))];
    if (bad.length === 0) return [];
    return [
      {
        path: ['id'],
        message: `id may only contain letters A–Z, digits, \`.\`, \`_\` and \`-\`; found ${bad.map((c) => `\`${c}\``).join(', ')}.`,
        hint: 'Other characters break the register URLs the id is used in.',
      },
    ];
  },
};

export const idLength: SystemRule = {
  ruleId: 'id-length',
  severity: 'error',
  summary: `id is at most ${SYSTEM_ID_MAX_LENGTH} characters (the register's column size).`,
  check(spec) {
    if (spec.id.length <= SYSTEM_ID_MAX_LENGTH) return [];
    return [
      {
        path: ['id'],
        message: `id is ${spec.id.length} characters long; the register allows at most ${SYSTEM_ID_MAX_LENGTH}.`,
      },
    ];
  },
};

export const idMatchesFileName: SystemRule = {
  ruleId: 'id-matches-file-name',
  severity: 'error',
  summary: 'The file is named after the id: `systems/<id>.yaml`.',
  check(spec, { file }) {
    if (spec.id.length > SYSTEM_ID_MAX_LENGTH) return []; // id-length says it; no file system can hold that name
    const stem = path.posix.basename(file).replace(/\.ya?ml$/i, '');
    if (stem === spec.id) return [];
    return [
      {
        path: ['id'],
        message: `the file name \`${path.posix.basename(file)}\` does not match id \`${spec.id}\`.`,
        hint: `Rename the file to \`${spec.id}.yaml\`.`,
      },
    ];
  },
};
