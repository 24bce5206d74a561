/** The register's rules for rights (resources) and access packages, against the catalogue. */
import { DELEGABLE_RESOURCE_TYPES } from '../model/wire.ts';
import type { AttributePair, SystemSpec } from '../model/system.ts';
import {
  ACCESS_PACKAGE_URN_PATTERN,
  describePull,
  findInItems,
  findRepeats,
  type Finding,
  RESOURCE_ATTRIBUTE_ID,
  type SystemRule,
} from './rules-model.ts';
import { suggestName } from './suggest-name.ts';

export const rightAttributeId: SystemRule = {
  ruleId: 'right-attribute-id',
  altinnCode: 'AUTH.VLD-00009',
  severity: 'error',
  summary: `Each resource attribute of a right has id \`${RESOURCE_ATTRIBUTE_ID}\`, exactly.`,
  check(spec) {
    return findInAttributePairs(spec, 'id', (pair) =>
      pair.id === RESOURCE_ATTRIBUTE_ID
        ? undefined
        : { message: `the attribute id must be \`${RESOURCE_ATTRIBUTE_ID}\`, not \`${pair.id}\`.` },
    );
  },
};

/** Altinn's duplicate key: the action and the attribute pairs in order. */
function computeRightKey(right: SystemSpec['rights'][number]): string {
  return JSON.stringify([right.action ?? null, right.resource.map((pair) => [pair.id, pair.value])]);
}

export const rightUnique: SystemRule = {
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

/** A finding at each attribute pair of each right that `problem` finds wrong, at its `id` or `value`. */
function findInAttributePairs(
  spec: SystemSpec,
  part: 'id' | 'value',
  problem: (pair: AttributePair) => Omit<Finding, 'path'> | undefined,
): Finding[] {
  return spec.rights.flatMap((right, rightIndex) =>
    findInItems(right.resource, (pairIndex) => ['rights', rightIndex, 'resource', pairIndex, part], problem),
  );
}

/** A finding at the value of each `urn:altinn:resource` pair that `problem` finds wrong. */
function findInResourceValues(
  spec: SystemSpec,
  problem: (resource: string) => Omit<Finding, 'path'> | undefined,
): Finding[] {
  return findInAttributePairs(spec, 'value', (pair) =>
    pair.id === RESOURCE_ATTRIBUTE_ID ? problem(pair.value) : undefined,
  );
}

export const resourceKnown: SystemRule = {
  ruleId: 'resource-known',
  altinnCode: 'AUTH.VLD-00003',
  severity: 'error',
  summary: "Each resource in rights exists in the environment's Resource Registry.",
  needsResources: true,
  readsCatalogue: true,
  check(spec, { catalogue, source }) {
    return findInResourceValues(spec, (value) => {
      if (catalogue.resources.has(value)) return undefined;
      const suggestion = suggestName(value, [...catalogue.resources.keys()]);
      const didYouMean = suggestion ? `; did you mean \`${suggestion}\`?` : '.';
      if (source.kind === 'snapshot') {
        // A snapshot holds the resources the files named when it was pulled, not the whole registry.
        return {
          severity: 'warning',
          message: `resource \`${value}\` is not in the ${source.environment} catalogue snapshot${didYouMean}`,
          hint: `Run ${describePull(source)} to look it up in the environment's Resource Registry.`,
        };
      }
      return { message: `resource \`${value}\` is not in the Resource Registry${didYouMean}` };
    });
  },
};

export const resourceTypeDelegable: SystemRule = {
  ruleId: 'resource-type-delegable',
  altinnCode: 'AUTH.VLD-00017',
  severity: 'error',
  summary: `Each resource in rights has a type the register delegates (${DELEGABLE_RESOURCE_TYPES.join(', ')}).`,
  needsResources: true,
  readsCatalogue: true,
  check(spec, { catalogue }) {
    return findInResourceValues(spec, (value) => {
      const record = catalogue.resources.get(value);
      if (!record || DELEGABLE_RESOURCE_TYPES.includes(record.resourceType)) return undefined;
      return {
        message: `resource \`${value}\` is of type ${record.resourceType}, which a system cannot be delegated.`,
      };
    });
  },
};

export const accessPackageUrnFormat: SystemRule = {
  ruleId: 'access-package-urn-format',
  altinnCode: 'AUTH.VLD-00008',
  severity: 'error',
  summary: 'Each access package urn reads `urn:altinn:accesspackage:<name>`.',
  check(spec) {
    return findInAccessPackageUrns(spec, (urn) =>
      ACCESS_PACKAGE_URN_PATTERN.test(urn)
        ? undefined
        : { message: `\`${urn}\` is not an access package urn (\`urn:altinn:accesspackage:<name>\`).` },
    );
  },
};

export const accessPackageKnown: SystemRule = {
  ruleId: 'access-package-known',
  altinnCode: 'AUTH.VLD-00008',
  severity: 'error',
  readsCatalogue: true,
  summary:
    "Each access package is in the environment's catalogue (a pulled snapshot, or live); with neither, one the built-in list lacks is a warning.",
  check(spec, { catalogue, source }) {
    return findInAccessPackageUrns(spec, (urn) => {
      if (!ACCESS_PACKAGE_URN_PATTERN.test(urn) || catalogue.accessPackages.has(urn)) return undefined;
      const suggestion = suggestName(urn, [...catalogue.accessPackages.keys()]);
      const didYouMean = suggestion ? `; did you mean \`${suggestion}\`?` : '.';
      if (source.kind === 'built-in') {
        // Altinn defines hundreds of packages; the built-in list names a few, so absence proves nothing.
        return {
          severity: 'warning',
          message: `access package \`${urn}\` is not in sysreg's built-in list, so it is not checked offline${didYouMean}`,
          hint: `Run ${describePull(source)} to check packages against the environment's own catalogue.`,
        };
      }
      return source.kind === 'snapshot'
        ? {
            message: `access package \`${urn}\` is not in the ${source.environment} catalogue${didYouMean}`,
            hint: `If it was added to Altinn since the snapshot, run ${describePull(source)}.`,
          }
        : { message: `access package \`${urn}\` is not known${didYouMean}` };
    });
  },
};

export const accessPackageDelegable: SystemRule = {
  ruleId: 'access-package-delegable',
  altinnCode: 'AUTH.VLD-00008',
  severity: 'error',
  readsCatalogue: true,
  summary: 'Each access package can be delegated or assigned.',
  check(spec, { catalogue }) {
    return findInAccessPackageUrns(spec, (urn) => {
      const record = catalogue.accessPackages.get(urn);
      if (!record || record.isDelegable || record.isAssignable) return undefined;
      return { message: `access package \`${urn}\` can be neither delegated nor assigned.` };
    });
  },
};

export const accessPackageUnique: SystemRule = {
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

export const accessPackageVisibleNotAssignable: SystemRule = {
  ruleId: 'access-package-visible-not-assignable',
  altinnCode: 'AUTH.VLD-00018',
  severity: 'error',
  readsCatalogue: true,
  summary: 'A visible system has no non-assignable (client-relationship) access packages.',
  check(spec, { catalogue }) {
    if (!spec.isVisible) return [];
    return findInAccessPackageUrns(spec, (urn) => {
      const record = catalogue.accessPackages.get(urn);
      if (!record || record.isAssignable) return undefined;
      return {
        message: `\`${urn}\` is for client delegation and cannot be assigned, so the system must not be visible.`,
        hint: 'Set `isVisible: false`.',
      };
    });
  },
};

/** A finding at the urn of each access package that `problem` finds wrong. */
function findInAccessPackageUrns(
  spec: SystemSpec,
  problem: (urn: string) => Omit<Finding, 'path'> | undefined,
): Finding[] {
  return findInItems(
    spec.accessPackages,
    (index) => ['accessPackages', index, 'urn'],
    (item) => problem(item.urn),
  );
}
