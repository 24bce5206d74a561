/**
 * From one file's text to a SystemDocument with positions, or diagnostics saying why not. Pure: no file
 * system, no clock. YAML problems come from the yaml library with its positions; structural problems
 * (types, required and unknown fields, alias spellings) come from the JSON Schema via ajv, and each
 * ajv `instancePath` is mapped back to a line and column through the parsed YAML nodes.
 */
import { isScalar } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { EnvironmentOverrides, SystemDocument } from '../model/system.ts';
import { CANONICAL_FIELD_BY_ALIAS, ENVIRONMENTS_KEY, FIELD_RULES, type FieldRule } from '../model/fields.ts';
import type { Locator, ParsedSystemFile, SourcePath } from './parsed-file.ts';
import { systemSchemaValidator } from './schema-validator.ts';
import { diagnoseSchemaErrors, stripFile, type Report } from './schema-errors.ts';
import { sortDiagnostics } from './sort-diagnostics.ts';
import { diagnoseYamlErrors, findFirstAliasSpan, locateYamlError } from './yaml-errors.ts';
import { createLocator, parseYaml } from './yaml-locator.ts';
import { YAML_TO_JS_OPTIONS } from './yaml-options.ts';

/** Rule ids of the problems parsing reports (the register's rules are in rules.ts). */
/** Files at least this long keep their YAML nodes after parsing (see `parseSystemFile`). */
const KEEP_NODES_FROM_CHARACTERS = 64 * 1024;

export const PARSE_RULE_IDS = [
  'yaml-syntax',
  'yaml-duplicate-key',
  'yaml-tab-indentation',
  'yaml-alias-limit',
  'yaml-warning',
  'file-empty',
  'field-required',
  'field-unknown',
  'field-type',
  'field-alias',
  'field-alias-conflict',
  'environment-name',
  'environment-override-not-allowed',
] as const;

/** Errors that leave every known field readable and well-typed (see `ParsedSystemFile.draft`). */
const READABLE_DESPITE: ReadonlySet<string> = new Set([
  'field-unknown',
  'field-alias-conflict',
  'environment-name',
  'environment-override-not-allowed',
]);

/** Parses one file. Never throws on any input. */
export function parseSystemFile(file: string, text: string): ParsedSystemFile {
  const { yamlDocument, lineCounter } = parseYaml(text);
  const {
    positionOf: locator,
    isWritten,
    release,
  } = createLocator(file, text, { yamlDocument, lineCounter });
  const result: ParsedSystemFile = { file, text, diagnostics: [], positionOf: locator, isWritten };
  const report = (diagnostic: Omit<Diagnostic, 'file'>) => result.diagnostics.push({ file, ...diagnostic });

  if (yamlDocument.errors.length > 0) {
    for (const diagnostic of diagnoseYamlErrors(yamlDocument.errors, lineCounter, text)) report(diagnostic);
    return result;
  }
  for (const warning of yamlDocument.warnings) {
    report({
      ...locateYamlError(warning, lineCounter),
      ruleId: 'yaml-warning',
      severity: 'warning',
      message: warning.message,
    });
  }
  if (
    yamlDocument.contents === null ||
    (isScalar(yamlDocument.contents) && yamlDocument.contents.value === null)
  ) {
    report({
      line: 1,
      column: 1,
      ruleId: 'file-empty',
      severity: 'error',
      message:
        'the file holds no YAML document; a system file needs at least id, vendor, name and description.',
    });
    return result;
  }

  let value: unknown;
  try {
    value = yamlDocument.toJS(YAML_TO_JS_OPTIONS);
  } catch (error) {
    if (!(error instanceof ReferenceError)) {
      // Not expected from a document that parsed without errors, but a file must never crash the run.
      report({
        line: 1,
        column: 1,
        ruleId: 'yaml-syntax',
        severity: 'error',
        message: `cannot read the YAML: ${error instanceof Error ? error.message : String(error)}.`,
      });
      return result;
    }
    report({
      ...findFirstAliasSpan(yamlDocument, lineCounter),
      ruleId: 'yaml-alias-limit',
      severity: 'error',
      message: `YAML aliases expand too much (more than ${YAML_TO_JS_OPTIONS.maxAliasCount} alias expansions); the file is not read further.`,
      hint: 'Write the values out instead of nesting anchors and aliases.',
    });
    return result;
  }

  if (isFieldMap(value)) {
    normaliseAliases(value, [], locator, report);
    const environments = value[ENVIRONMENTS_KEY];
    if (isFieldMap(environments)) {
      for (const [name, overrides] of Object.entries(environments)) {
        if (isFieldMap(overrides)) normaliseAliases(overrides, [ENVIRONMENTS_KEY, name], locator, report);
      }
    }
  }

  const validate = systemSchemaValidator();
  if (!validate(value)) {
    for (const diagnostic of diagnoseSchemaErrors(validate.errors ?? [], locator)) report(diagnostic);
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (isFieldMap(value) && errors.every((d) => READABLE_DESPITE.has(d.ruleId))) {
    if (errors.length === 0) result.document = buildDocument(value);
    else result.draft = buildDocument(value);
  }
  // A clean file's YAML nodes are dropped (thousands of them weigh hundreds of MB); positions re-parse
  // on demand. A large file keeps them: it may draw thousands of rule diagnostics, and parsing it
  // twice would double the cost of the file an attack makes largest.
  if (result.diagnostics.length === 0 && text.length < KEEP_NODES_FROM_CHARACTERS) release();
  sortDiagnostics(result.diagnostics);
  return result;
}

/** A file that could not be read or decoded: its diagnostics, no document, positions at the top. */
export function createUnreadableFile(file: string, diagnostics: Diagnostic[]): ParsedSystemFile {
  return {
    file,
    text: '',
    diagnostics,
    positionOf: () => ({ file, line: 1, column: 1 }),
    isWritten: () => false,
  };
}

function isFieldMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Renames alias spellings to the canonical field, warning once per alias. Mutates `fields`. */
function normaliseAliases(
  fields: Record<string, unknown>,
  at: SourcePath,
  locate: Locator,
  report: Report,
): void {
  for (const key of Object.keys(fields)) {
    const canonical = CANONICAL_FIELD_BY_ALIAS.get(key);
    if (!canonical) continue;
    const position = stripFile(locate([...at, key], 'key'));
    if (canonical in fields) {
      report({
        ...position,
        ruleId: 'field-alias-conflict',
        severity: 'error',
        message: `\`${key}\` and \`${canonical}\` are the same field; keep only \`${canonical}\`.`,
      });
    } else {
      fields[canonical] = fields[key];
      report({
        ...position,
        ruleId: 'field-alias',
        severity: 'warning',
        message: `\`${key}\` is accepted, but the field is spelled \`${canonical}\`.`,
        hint: `Rename it to \`${canonical}\` (\`sysreg fmt\` does).`,
      });
    }
    delete fields[key];
  }
}

/** A field's value as written, or its default when left out (or `null` where Altinn takes that as the default). */
function readField(rule: FieldRule, fields: Record<string, unknown>): unknown {
  const given = rule.key in fields && !(rule.nullable && fields[rule.key] === null);
  return given ? fields[rule.key] : structuredClone(rule.defaultValue);
}

function fillDefaults(fields: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const filled: Record<string, unknown> = {};
  for (const rule of FIELD_RULES) {
    if (!keys.includes(rule.key)) continue;
    filled[rule.key] = readField(rule, fields);
  }
  return filled;
}

/** From schema-valid data to the model. The schema has already checked every type. */
function buildDocument(value: Record<string, unknown>): SystemDocument {
  const spec = fillDefaults(
    value,
    FIELD_RULES.map((rule) => rule.key),
  );
  const vendor = value.vendor as { ID: string };
  const environments: Record<string, EnvironmentOverrides> = {};
  for (const [name, overrides] of Object.entries((value[ENVIRONMENTS_KEY] ?? {}) as Record<string, object>)) {
    const given = overrides as Record<string, unknown>;
    const picked: Record<string, unknown> = {};
    for (const rule of FIELD_RULES) {
      if (rule.overridable && rule.key in given) picked[rule.key] = readField(rule, given);
    }
    environments[name] = picked as EnvironmentOverrides;
  }
  return { ...(spec as unknown as SystemDocument), vendor: { ID: vendor.ID }, environments };
}
