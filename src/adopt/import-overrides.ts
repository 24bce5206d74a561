/**
 * How import edits a file that already declares a system: the `environments.<env>` overrides that make
 * one environment resolve to what live says, or (`--overwrite`) a new base that keeps what the other
 * environments resolve to. Pure; every result is still read back by the caller.
 */
import { canonicalFromSpec } from '../model/canonical.ts';
import { stringifyCanonicalJson } from '../model/canonical-json.ts';
import { ENVIRONMENTS_KEY, FIELD_RULES } from '../model/fields.ts';
import type { EnvironmentOverrides, OverridableField, SystemDocument, SystemSpec } from '../model/system.ts';
import { applyFieldEdits } from '../systems/edit-system-yaml.ts';
import { SystemYamlEditError } from '../systems/field-edit.ts';
import type { FieldEdit } from '../systems/field-edit.ts';
import { environmentsOf, resolveSpec } from '../systems/environments.ts';
import { ENVIRONMENT_NAME_PATTERN } from '../systems/schema.ts';
import type { IndexedFile } from './import-folder.ts';
import type { ImportProblem, KeptEnvironment } from './import-types.ts';
import { renderImportedSystem } from './render-imported-system.ts';

/**
 * `--overwrite`: the file rendered anew from this environment's live values, with each other
 * environment the old file names given overrides for every field where its view would otherwise
 * change. Replacing the base for tt02 must not move prod's client ids or redirect URLs to tt02's.
 */
export function replaceKeepingOtherEnvironments(
  found: IndexedFile,
  spec: SystemSpec,
  environment: string,
  problems: ImportProblem[],
): { text: string; kept: KeptEnvironment[] } | undefined {
  const rendered = renderImportedSystem(spec, environment);
  const others = found.document ? environmentsOf(found.document).filter((name) => name !== environment) : [];
  if (!found.document || others.length === 0) return { text: rendered, kept: [] };
  const newBase = canonicalJsonOf(spec);
  const edits: FieldEdit[] = [];
  const kept: KeptEnvironment[] = [];
  for (const name of others) {
    const view = resolveSpec(found.document, name);
    const viewCanonical = canonicalJsonOf(view);
    const fields = OVERRIDABLE_FIELDS.filter((key) => fieldOf(viewCanonical, key) !== fieldOf(newBase, key));
    for (const key of fields) edits.push({ path: [ENVIRONMENTS_KEY, name, key], value: view[key] });
    kept.push({ environment: name, fields });
  }
  if (edits.length === 0) return { text: rendered, kept };
  try {
    return { text: applyFieldEdits(rendered, edits), kept };
  } catch (error) {
    if (!(error instanceof SystemYamlEditError)) throw error;
    problems.push({
      file: found.file,
      systemId: spec.id,
      message: `cannot keep the other environments' overrides in '${found.file}': ${error.message}.`,
    });
    return undefined;
  }
}

const OVERRIDABLE_FIELDS = FIELD_RULES.filter((rule) => rule.overridable).map(
  (rule) => rule.key as OverridableField,
);

/**
 * The overrides that make `environment` resolve to live: a field equal to the base needs none (and
 * loses one it had); a field that differs gets the live value, unless its override already says it.
 */
export function planOverrides(
  file: string,
  document: SystemDocument,
  environment: string,
  spec: SystemSpec,
  problems: ImportProblem[],
): { edits: FieldEdit[]; fields: string[] } | undefined {
  if (!checkEnvironmentName(file, spec.id, environment, problems)) return undefined;
  if (document.vendor.ID !== spec.vendor.ID) {
    problems.push({
      file,
      systemId: spec.id,
      message: `'${file}' names vendor ${document.vendor.ID}, but ${environment} has ${spec.vendor.ID}.`,
    });
    return undefined;
  }
  const base = resolveSpec(document, undefined);
  const current: EnvironmentOverrides = document.environments[environment] ?? {};
  const liveCanonical = canonicalJsonOf(spec);
  const wanted: Partial<Record<OverridableField, unknown>> = {};
  for (const rule of FIELD_RULES) {
    if (!rule.overridable) continue;
    const key = rule.key as OverridableField;
    if (fieldOf(canonicalJsonOf(base), key) === fieldOf(liveCanonical, key)) continue;
    const overridden = current[key];
    const keep =
      overridden !== undefined &&
      fieldOf(canonicalJsonOf({ ...base, [key]: overridden }), key) === fieldOf(liveCanonical, key);
    wanted[key] = keep ? overridden : spec[key];
  }
  const fields = [
    ...new Set(
      [...Object.keys(current), ...Object.keys(wanted)].filter((key) => {
        const before = current[key as OverridableField];
        const after = wanted[key as OverridableField];
        return stringifyCanonicalJson(before ?? null) !== stringifyCanonicalJson(after ?? null);
      }),
    ),
  ];
  const edits: FieldEdit[] = [];
  if (fields.length === 0) return { edits, fields };
  // No field differs any more: the environment's block goes, and `environments` with it when empty.
  if (Object.keys(wanted).length === 0)
    return { edits: [removeEnvironmentBlock(document, environment)], fields };
  for (const key of fields) {
    const value = wanted[key as OverridableField];
    edits.push({ path: [ENVIRONMENTS_KEY, environment, key], value });
  }
  return { edits, fields };
}

/**
 * The edits that make `environment` resolve to absent (`isDeleted: true`) for a system it does not
 * have: nothing when it already does; the override that says `isDeleted: false` removed when the
 * base is a tombstone; else `environments.<env>.isDeleted: true`. Other overrides stay as written.
 */
export function planAbsence(
  file: string,
  document: SystemDocument,
  environment: string,
  problems: ImportProblem[],
): FieldEdit[] | undefined {
  if (!checkEnvironmentName(file, document.id, environment, problems)) return undefined;
  if (resolveSpec(document, environment).isDeleted) return [];
  if (!document.isDeleted) return [{ path: [ENVIRONMENTS_KEY, environment, 'isDeleted'], value: true }];
  const current = document.environments[environment] ?? {};
  if (Object.keys(current).some((key) => key !== 'isDeleted'))
    return [{ path: [ENVIRONMENTS_KEY, environment, 'isDeleted'] }];
  return [removeEnvironmentBlock(document, environment)];
}

/** Removes `environment`'s overrides, and `environments` with them when no other environment is named. */
function removeEnvironmentBlock(document: SystemDocument, environment: string): FieldEdit {
  const others = environmentsOf(document).filter((name) => name !== environment);
  return { path: others.length === 0 ? [ENVIRONMENTS_KEY] : [ENVIRONMENTS_KEY, environment] };
}

function checkEnvironmentName(
  file: string,
  systemId: string,
  environment: string,
  problems: ImportProblem[],
): boolean {
  if (new RegExp(ENVIRONMENT_NAME_PATTERN).test(environment)) return true;
  problems.push({
    file,
    systemId,
    message: `'${environment}' cannot name overrides under environments: (lower-case letters, digits and '-').`,
  });
  return false;
}

function canonicalJsonOf(spec: SystemSpec): Record<string, string> {
  const canonical = canonicalFromSpec(spec) as unknown as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(canonical).map(([key, value]) => [key, stringifyCanonicalJson(value)]),
  );
}

function fieldOf(canonical: Record<string, string>, key: string): string | undefined {
  return canonical[key];
}
