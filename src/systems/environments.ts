/**
 * Resolving one environment's view of a system file: the base fields, with each field that
 * `environments.<env>` names replaced whole. Pure.
 */
import { ENVIRONMENTS_KEY, FIELD_RULES } from '../model/fields.ts';
import type { DesiredSystem, FieldPosition, SystemDocument, SystemSpec } from '../model/system.ts';
import type { ParsedSystemFile, SourcePath } from './parsed-file.ts';

export type ParsedSystem = ParsedSystemFile & { document: SystemDocument };

/** The environments a file names, sorted. */
export function environmentsOf(document: SystemDocument): string[] {
  return Object.keys(document.environments).sort();
}

/** The spec in one environment (`undefined`: the base, no overrides). */
export function resolveSpec(document: SystemDocument, environment: string | undefined): SystemSpec {
  const { environments, ...base } = document;
  const overrides = environment === undefined ? undefined : environments[environment];
  return overrides ? { ...base, ...overrides } : base;
}

/** Whether `field` is replaced in `environment`. */
export function isOverridden(
  document: SystemDocument,
  environment: string | undefined,
  field: keyof SystemSpec,
): boolean {
  if (environment === undefined) return false;
  const overrides = document.environments[environment];
  return overrides !== undefined && field in overrides;
}

/**
 * Where a path of the resolved spec is written: under `environments.<env>` when that environment
 * overrides the field, else in the base.
 */
export function locateSourcePath(
  document: SystemDocument,
  environment: string | undefined,
  specPath: SourcePath,
): SourcePath {
  const field = specPath[0];
  if (typeof field === 'string' && isOverridden(document, environment, field as keyof SystemSpec)) {
    return [ENVIRONMENTS_KEY, environment as string, ...specPath];
  }
  return specPath;
}

/** One system as git wants it in `environment` (`undefined`: the base), with where each field is written. */
export function resolveEnvironment(parsed: ParsedSystem, environment: string | undefined): DesiredSystem {
  const { document } = parsed;
  const fieldPositions: DesiredSystem['fieldPositions'] = {};
  for (const rule of FIELD_RULES) {
    const path = locateSourcePath(document, environment, [rule.key]);
    if (!parsed.isWritten(path)) continue;
    const span = parsed.positionOf(path, 'key');
    const position: FieldPosition = { line: span.line, column: span.column };
    fieldPositions[rule.key] = position;
  }
  return { spec: resolveSpec(document, environment), file: parsed.file, fieldPositions };
}
