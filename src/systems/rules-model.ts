/**
 * What a rule of the register is and what it sees: the shapes every rules-*.ts file shares, the
 * catalogue index, and the constants the rules check against.
 */
import type { AccessPackageRecord, ResourceRecord } from '../model/wire.ts';
import type { Catalogue } from '../catalogue/default-catalogue.ts';
import type { Severity } from '../model/diagnostic.ts';
import type { SystemSpec } from '../model/system.ts';
import type { ParsedSystem } from './environments.ts';
import type { SourcePath } from './parsed-file.ts';

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
  /** When the rule's usual severity does not fit what the catalogue can tell (see `CatalogueSource`). */
  severity?: Severity;
}

/**
 * Where a view's catalogue comes from, which decides how sure a rule can be that something is missing:
 * `built-in` is sysreg's small list (a package it lacks may well exist: a warning naming `catalogue
 * pull`); `snapshot` is an environment's list pulled into `.sysreg/` (complete for access packages);
 * `live` is the environment itself (`validate --env`).
 */
export type CatalogueSource =
  { kind: 'built-in' } | { kind: 'snapshot'; environment: string } | { kind: 'live' };

export interface SystemRuleContext {
  /** Repository-relative path of the file. */
  file: string;
  catalogue: CatalogueIndex;
  source: CatalogueSource;
}

/** The command that refreshes a view's catalogue, for hints. */
export function describePull(source: CatalogueSource): string {
  return `\`sysreg catalogue pull --env ${source.kind === 'snapshot' ? source.environment : 'NAME'}\``;
}

export interface RuleInfo {
  ruleId: string;
  altinnCode?: string;
  severity: Severity;
  /** One line for docs and `--help`. */
  summary: string;
}

export interface SystemRule extends RuleInfo {
  /**
   * Runs only where the catalogue holds the environment's resources: online (`checkResources`) or
   * against a pulled snapshot.
   */
  needsResources?: boolean;
  /**
   * Judges the spec against the catalogue. Skipped where the system is absent (`isDeleted`): nothing
   * is sent there, so what that environment's catalogue lacks does not matter.
   */
  readsCatalogue?: boolean;
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
export function findRepeats<T>(
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

/**
 * A finding at each item that `problem` has something to say about, in the items' order. The path is
 * built only for an item with a finding: rules run over every system in every environment, and most
 * items have none.
 */
export function findInItems<T>(
  items: readonly T[],
  pathOf: (index: number) => SourcePath,
  problem: (item: T) => Omit<Finding, 'path'> | undefined,
): Finding[] {
  const findings: Finding[] = [];
  for (let index = 0; index < items.length; index++) {
    const found = problem(items[index] as T);
    if (found) findings.push({ path: pathOf(index), ...found });
  }
  return findings;
}
