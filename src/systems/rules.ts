/**
 * The register's rules, as a plain list of small named checks. Each has a stable `ruleId` (cited in
 * every message and in `test/systems/fixtures/rules/<rule-id>/`) and, where Altinn has one, the
 * `altinnCode` it answers with. Pure: the catalogue comes in as data, so the same rules run offline on
 * the shipped snapshot and online on what `validate --env` fetches.
 *
 * Per-system rules see one resolved SystemSpec (the base, or one environment after its overrides) and
 * report against paths of that spec; the runner maps each path to where it is written.
 */
import path from 'node:path';
import { DELEGABLE_RESOURCE_TYPES, type AccessPackageRecord, type ResourceRecord } from '../altinn/wire.ts';
import type { Catalogue } from '../catalogue/default-catalogue.ts';
import type { Severity } from './diagnostic.ts';
import type { SystemSpec } from './model.ts';
import { isValidOrganisationNumber } from './organisation-number.ts';
import { nameFromId, placeholderDescription } from './placeholders.ts';
import type { ParsedSystem } from './environments.ts';
import { suggestName, type SourcePath } from './parse.ts';

export const VENDOR_PREFIX = '0192:';
export const RESOURCE_ATTRIBUTE_ID = 'urn:altinn:resource';
export const ACCESS_PACKAGE_URN_PATTERN = /^urn:altinn:accesspackage:[a-z0-9][a-z0-9-]*$/;
export const SYSTEM_ID_CHARACTERS = /^[A-Za-z0-9._-]$/;
export const SYSTEM_ID_MAX_LENGTH = 255;
export const REQUIRED_LANGUAGES = ['nb', 'nn', 'en'] as const;

/** A catalogue indexed for look-ups; built once per validation run. */
export interface CatalogueIndex {
  resources: ReadonlyMap<string, ResourceRecord>;
  accessPackages: ReadonlyMap<string, AccessPackageRecord>;
}

export function indexCatalogue(catalogue: Catalogue): CatalogueIndex {
  return {
    resources: new Map(catalogue.resources.map((record) => [record.identifier, record])),
    accessPackages: new Map(catalogue.accessPackages.map((record) => [record.urn, record])),
  };
}

/** One system in one environment, as the rules see it. */
export interface ResolvedSystem {
  parsed: ParsedSystem;
  /** `undefined`: the base, with no overrides. */
  environment: string | undefined;
  spec: SystemSpec;
}

export interface Finding {
  /** A path into the resolved spec, e.g. `['allowedRedirectUrls', 1]`. */
  path: SourcePath;
  message: string;
  hint?: string;
}

export interface SystemRuleContext {
  /** Repository-relative path of the file. */
  file: string;
  catalogue: CatalogueIndex;
}

interface RuleInfo {
  ruleId: string;
  altinnCode?: string;
  severity: Severity;
  /** One line for docs and `--help`. */
  summary: string;
}

export interface SystemRule extends RuleInfo {
  /** Runs only when the caller asks for resource checks with a catalogue that holds the environment's resources. */
  needsResources?: boolean;
  check(spec: SystemSpec, context: SystemRuleContext): Finding[];
}

export interface RepositoryFinding extends Finding {
  /** The view the path is written in. */
  system: ResolvedSystem;
  /** The environment the problem shows in, when it differs from `system.environment`. */
  environment?: string | undefined;
}

export interface RepositoryRule extends RuleInfo {
  /** Gets every system in every environment that any file names (plus the base). */
  check(systems: readonly ResolvedSystem[]): RepositoryFinding[];
}

/** Each item whose key an earlier item already had, with the index of that first one. */
function findRepeats<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
): { item: T; index: number; first: number }[] {
  const repeats: { item: T; index: number; first: number }[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else repeats.push({ item, index, first });
  });
  return repeats;
}

// ---------------------------------------------------------------------------------------------------
// Vendor and id

function extractOrganisationNumber(spec: SystemSpec): string | undefined {
  return spec.vendor.ID.startsWith(VENDOR_PREFIX) ? spec.vendor.ID.slice(VENDOR_PREFIX.length) : undefined;
}

const vendorOrgIdentifier: SystemRule = {
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

const vendorOrgNumberFormat: SystemRule = {
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

const vendorOrgNumberChecksum: SystemRule = {
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

const idVendorPrefix: SystemRule = {
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

const idNoWhitespace: SystemRule = {
  ruleId: 'id-no-whitespace',
  altinnCode: 'AUTH.VLD-00013',
  severity: 'error',
  summary: 'id contains no spaces or other whitespace.',
  check(spec) {
    if (!/\s/.test(spec.id)) return [];
    return [{ path: ['id'], message: `id must not contain whitespace: \`${spec.id}\`.` }];
  },
};

const idCharset: SystemRule = {
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

const idLength: SystemRule = {
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

const idMatchesFileName: SystemRule = {
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

// ---------------------------------------------------------------------------------------------------
// Texts

const requiredLanguages: SystemRule = {
  ruleId: 'required-languages',
  severity: 'error',
  summary: 'name and description each have non-empty nb, nn and en texts (the register requires all three).',
  check(spec) {
    const findings: Finding[] = [];
    for (const field of ['name', 'description'] as const) {
      for (const language of REQUIRED_LANGUAGES) {
        const text = spec[field][language];
        if (text === undefined) {
          findings.push({ path: [field], message: `${field} has no \`${language}\` text.` });
        } else if (text.trim() === '') {
          findings.push({ path: [field, language], message: `${field}.${language} is empty.` });
        }
      }
    }
    return findings;
  },
};

// ---------------------------------------------------------------------------------------------------
// Redirect URLs

const redirectUrlHttps: SystemRule = {
  ruleId: 'redirect-url-https',
  altinnCode: 'AUTH.VLD-00005',
  severity: 'error',
  summary: 'Each allowed redirect URL is an absolute https URL.',
  check(spec) {
    const findings: Finding[] = [];
    spec.allowedRedirectUrls.forEach((url, index) => {
      const parsed = URL.parse(url);
      if (parsed?.protocol === 'https:' && parsed.hostname !== '') return;
      findings.push({
        path: ['allowedRedirectUrls', index],
        message: `\`${url}\` is not an absolute https URL.`,
        hint: 'Write it as https://host/path.',
      });
    });
    return findings;
  },
};

const redirectUrlUnique: SystemRule = {
  ruleId: 'redirect-url-unique',
  severity: 'error',
  summary: 'No redirect URL is listed twice (compared as Altinn normalises them).',
  check(spec) {
    return findRepeats(spec.allowedRedirectUrls, (url) => URL.parse(url)?.href ?? url).map(
      ({ item: url, index, first }) => ({
        path: ['allowedRedirectUrls', index],
        message: `\`${url}\` repeats allowedRedirectUrls[${first}].`,
      }),
    );
  },
};

// ---------------------------------------------------------------------------------------------------
// Rights

const rightAttributeId: SystemRule = {
  ruleId: 'right-attribute-id',
  altinnCode: 'AUTH.VLD-00009',
  severity: 'error',
  summary: `Each resource attribute of a right has id \`${RESOURCE_ATTRIBUTE_ID}\`, exactly.`,
  check(spec) {
    const findings: Finding[] = [];
    spec.rights.forEach((right, rightIndex) =>
      right.resource.forEach((pair, pairIndex) => {
        if (pair.id === RESOURCE_ATTRIBUTE_ID) return;
        findings.push({
          path: ['rights', rightIndex, 'resource', pairIndex, 'id'],
          message: `the attribute id must be \`${RESOURCE_ATTRIBUTE_ID}\`, not \`${pair.id}\`.`,
        });
      }),
    );
    return findings;
  },
};

/** Altinn's duplicate key: the action and the attribute pairs in order. */
function computeRightKey(right: SystemSpec['rights'][number]): string {
  return JSON.stringify([right.action ?? null, right.resource.map((pair) => [pair.id, pair.value])]);
}

const rightUnique: SystemRule = {
  ruleId: 'right-unique',
  altinnCode: 'AUTH.VLD-00006',
  severity: 'error',
  summary: 'No two rights have the same action and resource attributes.',
  check(spec) {
    return findRepeats(spec.rights, computeRightKey).map(({ index, first }) => ({
      path: ['rights', index],
      message: `rights[${index}] repeats rights[${first}].`,
    }));
  },
};

function* listResourceValues(spec: SystemSpec): Generator<{ value: string; path: SourcePath }> {
  for (const [rightIndex, right] of spec.rights.entries()) {
    for (const [pairIndex, pair] of right.resource.entries()) {
      if (pair.id !== RESOURCE_ATTRIBUTE_ID) continue;
      yield { value: pair.value, path: ['rights', rightIndex, 'resource', pairIndex, 'value'] };
    }
  }
}

const resourceKnown: SystemRule = {
  ruleId: 'resource-known',
  altinnCode: 'AUTH.VLD-00003',
  severity: 'error',
  summary: "Each resource in rights exists in the environment's Resource Registry.",
  needsResources: true,
  check(spec, { catalogue }) {
    const findings: Finding[] = [];
    for (const { value, path: at } of listResourceValues(spec)) {
      if (catalogue.resources.has(value)) continue;
      const suggestion = suggestName(value, [...catalogue.resources.keys()]);
      findings.push({
        path: at,
        message: `resource \`${value}\` is not in the Resource Registry${suggestion ? `; did you mean \`${suggestion}\`?` : '.'}`,
      });
    }
    return findings;
  },
};

const resourceTypeDelegable: SystemRule = {
  ruleId: 'resource-type-delegable',
  altinnCode: 'AUTH.VLD-00017',
  severity: 'error',
  summary: `Each resource in rights has a type the register delegates (${DELEGABLE_RESOURCE_TYPES.join(', ')}).`,
  needsResources: true,
  check(spec, { catalogue }) {
    const findings: Finding[] = [];
    for (const { value, path: at } of listResourceValues(spec)) {
      const record = catalogue.resources.get(value);
      if (!record || DELEGABLE_RESOURCE_TYPES.includes(record.resourceType)) continue;
      findings.push({
        path: at,
        message: `resource \`${value}\` is of type ${record.resourceType}, which a system cannot be delegated.`,
      });
    }
    return findings;
  },
};

// ---------------------------------------------------------------------------------------------------
// Access packages

const accessPackageUrnFormat: SystemRule = {
  ruleId: 'access-package-urn-format',
  altinnCode: 'AUTH.VLD-00008',
  severity: 'error',
  summary: 'Each access package urn reads `urn:altinn:accesspackage:<name>`.',
  check(spec) {
    const findings: Finding[] = [];
    spec.accessPackages.forEach((accessPackage, index) => {
      if (ACCESS_PACKAGE_URN_PATTERN.test(accessPackage.urn)) return;
      findings.push({
        path: ['accessPackages', index, 'urn'],
        message: `\`${accessPackage.urn}\` is not an access package urn (\`urn:altinn:accesspackage:<name>\`).`,
      });
    });
    return findings;
  },
};

const accessPackageKnown: SystemRule = {
  ruleId: 'access-package-known',
  altinnCode: 'AUTH.VLD-00008',
  severity: 'error',
  summary: 'Each access package is in the catalogue.',
  check(spec, { catalogue }) {
    const findings: Finding[] = [];
    spec.accessPackages.forEach((accessPackage, index) => {
      if (!ACCESS_PACKAGE_URN_PATTERN.test(accessPackage.urn)) return;
      if (catalogue.accessPackages.has(accessPackage.urn)) return;
      const suggestion = suggestName(accessPackage.urn, [...catalogue.accessPackages.keys()]);
      findings.push({
        path: ['accessPackages', index, 'urn'],
        message: `access package \`${accessPackage.urn}\` is not known${suggestion ? `; did you mean \`${suggestion}\`?` : '.'}`,
      });
    });
    return findings;
  },
};

const accessPackageDelegable: SystemRule = {
  ruleId: 'access-package-delegable',
  altinnCode: 'AUTH.VLD-00008',
  severity: 'error',
  summary: 'Each access package can be delegated or assigned.',
  check(spec, { catalogue }) {
    const findings: Finding[] = [];
    spec.accessPackages.forEach((accessPackage, index) => {
      const record = catalogue.accessPackages.get(accessPackage.urn);
      if (!record || record.isDelegable || record.isAssignable) return;
      findings.push({
        path: ['accessPackages', index, 'urn'],
        message: `access package \`${accessPackage.urn}\` can be neither delegated nor assigned.`,
      });
    });
    return findings;
  },
};

const accessPackageUnique: SystemRule = {
  ruleId: 'access-package-unique',
  altinnCode: 'AUTH.VLD-00007',
  severity: 'error',
  summary: 'No access package is listed twice.',
  check(spec) {
    return findRepeats(spec.accessPackages, (accessPackage) => accessPackage.urn).map(
      ({ item: accessPackage, index, first }) => ({
        path: ['accessPackages', index, 'urn'],
        message: `\`${accessPackage.urn}\` repeats accessPackages[${first}].`,
      }),
    );
  },
};

const accessPackageVisibleNotAssignable: SystemRule = {
  ruleId: 'access-package-visible-not-assignable',
  altinnCode: 'AUTH.VLD-00018',
  severity: 'error',
  summary: 'A visible system has no non-assignable (client-relationship) access packages.',
  check(spec, { catalogue }) {
    if (!spec.isVisible) return [];
    const findings: Finding[] = [];
    spec.accessPackages.forEach((accessPackage, index) => {
      const record = catalogue.accessPackages.get(accessPackage.urn);
      if (!record || record.isAssignable) return;
      findings.push({
        path: ['accessPackages', index, 'urn'],
        message: `\`${accessPackage.urn}\` is for client delegation and cannot be assigned, so the system must not be visible.`,
        hint: 'Set `isVisible: false`.',
      });
    });
    return findings;
  },
};

// ---------------------------------------------------------------------------------------------------
// Client ids

const clientIdUnique: SystemRule = {
  ruleId: 'client-id-unique',
  altinnCode: 'AUTH.VLD-00011',
  severity: 'error',
  summary: 'No client id is listed twice in one system (compared ignoring case, as Altinn does).',
  check(spec) {
    return findRepeats(spec.clientId, (clientId) => clientId.toLowerCase()).map(
      ({ item: clientId, index, first }) => ({
        path: ['clientId', index],
        message: `client id \`${clientId}\` repeats clientId[${first}].`,
      }),
    );
  },
};

const clientIdNotBlank: SystemRule = {
  ruleId: 'client-id-not-blank',
  severity: 'error',
  summary: 'Client ids are not empty and have no surrounding whitespace (Altinn stores them as sent).',
  check(spec) {
    const findings: Finding[] = [];
    spec.clientId.forEach((clientId, index) => {
      if (clientId !== '' && clientId.trim() === clientId) return;
      findings.push({
        path: ['clientId', index],
        message:
          clientId.trim() === ''
            ? 'a client id is empty.'
            : `client id \`${clientId}\` has surrounding whitespace.`,
      });
    });
    return findings;
  },
};

/** In canonical order: vendor, id, texts, URLs, rights, packages, client ids. */
const placeholderText: SystemRule = {
  ruleId: 'placeholder-text',
  severity: 'error',
  summary: 'The description is not the placeholder `sysreg new` writes to be replaced ("Describe … here.").',
  check(spec) {
    // The name is left alone: the skeleton's (the id's name) can be a real name too.
    const placeholder = placeholderDescription(nameFromId(spec.id));
    return (['nb', 'nn', 'en'] as const)
      .filter((language) => spec.description[language] === placeholder[language])
      .map((language) => ({
        path: ['description', language],
        message: `description.${language} is still the skeleton's placeholder, \`${placeholder[language]}\`.`,
        hint: 'Say what the system does and what it needs access to: users read it when they approve it.',
      }));
  },
};

export const SYSTEM_RULES: readonly SystemRule[] = [
  vendorOrgIdentifier,
  vendorOrgNumberFormat,
  vendorOrgNumberChecksum,
  idVendorPrefix,
  idNoWhitespace,
  idCharset,
  idLength,
  idMatchesFileName,
  requiredLanguages,
  placeholderText,
  redirectUrlHttps,
  redirectUrlUnique,
  rightAttributeId,
  rightUnique,
  resourceKnown,
  resourceTypeDelegable,
  accessPackageUrnFormat,
  accessPackageKnown,
  accessPackageDelegable,
  accessPackageUnique,
  accessPackageVisibleNotAssignable,
  clientIdUnique,
  clientIdNotBlank,
];

// ---------------------------------------------------------------------------------------------------
// Across files

const idUnique: RepositoryRule = {
  ruleId: 'id-unique',
  altinnCode: 'AUTH.VLD-00002',
  severity: 'error',
  summary: 'No two files declare the same id.',
  check(systems) {
    const findings: RepositoryFinding[] = [];
    const firstFile = new Map<string, string>();
    for (const system of systems) {
      if (system.environment !== undefined) continue; // ids are never overridden
      const first = firstFile.get(system.spec.id);
      if (first === undefined) firstFile.set(system.spec.id, system.parsed.file);
      else if (first !== system.parsed.file)
        findings.push({
          system,
          path: ['id'],
          message: `id \`${system.spec.id}\` is also declared by ${first}.`,
        });
    }
    return findings;
  },
};

const clientIdClaimedOnce: RepositoryRule = {
  ruleId: 'client-id-claimed-once',
  altinnCode: 'AUTH.VLD-00004',
  severity: 'error',
  summary: 'No client id is claimed by two systems in the same environment (deleted systems release theirs).',
  check(systems) {
    const findings: RepositoryFinding[] = [];
    const environments = new Set(systems.map((system) => system.environment));
    // A file that does not name an environment takes its base values there too.
    const byFile = new Map<string, Map<string | undefined, ResolvedSystem>>();
    for (const system of systems) {
      const views = byFile.get(system.parsed.file) ?? new Map<string | undefined, ResolvedSystem>();
      views.set(system.environment, system);
      byFile.set(system.parsed.file, views);
    }
    for (const environment of environments) {
      const claimedBy = new Map<string, string>();
      for (const [file, views] of byFile) {
        const system = views.get(environment) ?? views.get(undefined);
        if (!system || system.spec.isDeleted) continue;
        system.spec.clientId.forEach((clientId, index) => {
          const first = claimedBy.get(clientId);
          if (first === undefined) claimedBy.set(clientId, file);
          else if (first !== file)
            findings.push({
              system,
              environment,
              path: ['clientId', index],
              message: `client id \`${clientId}\` is also claimed by ${first}.`,
              hint: 'A Maskinporten client belongs to one system only.',
            });
        });
      }
    }
    return findings;
  },
};

export const REPOSITORY_RULES: readonly RepositoryRule[] = [idUnique, clientIdClaimedOnce];
