/**
 * Runs the register's rules over parsed files: each system in the base and in every environment it
 * names, then the rules across files. Pure; the catalogue comes in as data.
 */
import type { Catalogue } from '../catalogue/default-catalogue.ts';
import type { Diagnostic, Severity } from '../model/diagnostic.ts';
import { environmentsOf, resolveSpec, locateSourcePath, type ParsedSystem } from './environments.ts';
import type { ParsedSystemFile, SourcePath } from './parsed-file.ts';
import { sortDiagnostics } from './sort-diagnostics.ts';
import { REPOSITORY_RULES, SYSTEM_RULES } from './rules.ts';
import { accessPackageKnown } from './rules-rights-packages.ts';
import {
  indexCatalogue,
  type CatalogueIndex,
  type CatalogueSource,
  type RepositoryRule,
  type ResolvedSystem,
  type SystemRule,
} from './rules-model.ts';

export { sortDiagnostics } from './sort-diagnostics.ts';

export interface ValidateOptions {
  /** The catalogue of every view no snapshot covers. */
  catalogue: Catalogue;
  /** Where `catalogue` comes from: sysreg's built-in list (default) or the environment itself. */
  catalogueSource?: 'built-in' | 'live';
  /** Also check that resources exist and have a delegable type; only with a catalogue of the environment's resources. */
  checkResources?: boolean;
  /**
   * Catalogues pulled from environments (`.sysreg/catalogue-<env>.json`), by environment. Each file
   * is then checked in each of these environments against that environment's own catalogue, and the
   * base is no longer judged by the built-in list's access packages.
   */
  snapshots?: ReadonlyMap<string, Catalogue>;
}

interface CatalogueView {
  index: CatalogueIndex;
  source: CatalogueSource;
  checkResources: boolean;
}

/** Every problem in `files` (their parse diagnostics included), sorted by file, line and column. */
export function validateSystems(files: readonly ParsedSystemFile[], options: ValidateOptions): Diagnostic[] {
  const fallback: CatalogueView = {
    index: indexCatalogue(options.catalogue),
    source: { kind: options.catalogueSource ?? 'built-in' },
    checkResources: options.checkResources === true,
  };
  const snapshots = new Map(
    [...(options.snapshots ?? [])].map(([environment, catalogue]): [string, CatalogueView] => [
      environment,
      { index: indexCatalogue(catalogue), source: { kind: 'snapshot', environment }, checkResources: true },
    ]),
  );
  const diagnostics: Diagnostic[] = files.flatMap((file) => file.diagnostics);
  const resolved: ResolvedSystem[] = [];

  for (const file of files) {
    const document = file.document ?? file.draft;
    if (!document) continue;
    const parsed: ParsedSystem = { ...file, document };
    const environments = new Set([...environmentsOf(parsed.document), ...snapshots.keys()]);
    for (const environment of [undefined, ...[...environments].sort()]) {
      const system: ResolvedSystem = { parsed, environment, spec: resolveSpec(parsed.document, environment) };
      resolved.push(system);
      const view = (environment === undefined ? undefined : snapshots.get(environment)) ?? fallback;
      const context = { file: parsed.file, catalogue: view.index, source: view.source };
      for (const rule of SYSTEM_RULES) {
        if (rule.needsResources && !view.checkResources) continue;
        if (rule.readsCatalogue && system.spec.isDeleted) continue;
        // With snapshots, each environment's own catalogue judges its packages; the short list does not.
        if (rule === accessPackageKnown && environment === undefined && snapshots.size > 0) continue;
        for (const finding of rule.check(system.spec, context)) {
          diagnostics.push(
            toDiagnostic(
              rule,
              system,
              finding.path,
              finding.message,
              finding.hint,
              environment,
              finding.severity,
            ),
          );
        }
      }
    }
  }
  for (const rule of REPOSITORY_RULES) {
    for (const finding of rule.check(resolved)) {
      const environment = finding.environment ?? finding.system.environment;
      diagnostics.push(
        toDiagnostic(rule, finding.system, finding.path, finding.message, finding.hint, environment),
      );
    }
  }
  return sortDiagnostics(mergeAcrossEnvironments(diagnostics));
}

function toDiagnostic(
  rule: SystemRule | RepositoryRule,
  system: ResolvedSystem,
  specPath: SourcePath,
  message: string,
  hint: string | undefined,
  environment: string | undefined,
  severity: Severity = rule.severity,
): Diagnostic {
  const span = system.parsed.positionOf(
    locateSourcePath(system.parsed.document, system.environment, specPath),
  );
  return {
    ...span,
    ruleId: rule.ruleId,
    ...(rule.altinnCode ? { altinnCode: rule.altinnCode } : {}),
    severity,
    message,
    ...(hint ? { hint } : {}),
    ...(environment !== undefined ? { environment } : {}),
  };
}

/**
 * The same problem at the same place in the base and in environments is one problem. Reported for the
 * base when the base has it; else for the environments that have it, joined (`prod, tt02`).
 */
function mergeAcrossEnvironments(diagnostics: Diagnostic[]): Diagnostic[] {
  const groups = new Map<string, { diagnostic: Diagnostic; environments: Set<string>; inBase: boolean }>();
  for (const diagnostic of diagnostics) {
    const key = [
      diagnostic.file,
      diagnostic.line,
      diagnostic.column,
      diagnostic.ruleId,
      diagnostic.message,
    ].join('\0');
    const group = groups.get(key) ?? { diagnostic, environments: new Set<string>(), inBase: false };
    if (diagnostic.environment === undefined) group.inBase = true;
    else group.environments.add(diagnostic.environment);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ diagnostic, environments, inBase }) => {
    const { environment: _environment, ...rest } = diagnostic;
    return inBase ? rest : { ...rest, environment: [...environments].sort().join(', ') };
  });
}
