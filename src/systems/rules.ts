/**
 * The register's rules, as a plain list of small named checks. Each has a stable `ruleId` (cited in
 * every message and in `test/systems/fixtures/rules/<rule-id>/`) and, where Altinn has one, the
 * `altinnCode` it answers with. Pure: the catalogue comes in as data, so the same rules run offline on
 * the shipped snapshot and online on what `validate --env` fetches.
 *
 * Per-system rules see one resolved SystemSpec (the base, or one environment after its overrides) and
 * report against paths of that spec; the runner maps each path to where it is written.
 */
import {
  accessPackageDelegable,
  accessPackageKnown,
  accessPackageUnique,
  accessPackageUrnFormat,
  accessPackageVisibleNotAssignable,
  resourceKnown,
  resourceTypeDelegable,
  rightAttributeId,
  rightUnique,
} from './rules-rights-packages.ts';
import type { RepositoryRule, SystemRule } from './rules-model.ts';
import { clientIdClaimedOnce, idUnique } from './rules-repository.ts';
import {
  clientIdNotBlank,
  clientIdUnique,
  placeholderText,
  redirectUrlHttps,
  redirectUrlUnique,
  requiredLanguages,
} from './rules-texts-urls-clients.ts';
import {
  idCharset,
  idLength,
  idMatchesFileName,
  idNoWhitespace,
  idVendorPrefix,
  vendorOrgIdentifier,
  vendorOrgNumberChecksum,
  vendorOrgNumberFormat,
} from './rules-vendor-id.ts';

/** In canonical order: vendor, id, texts, URLs, rights, packages, client ids. */
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

/** Rules across files, run once over every system in every environment. */
export const REPOSITORY_RULES: readonly RepositoryRule[] = [idUnique, clientIdClaimedOnce];
