/**
 * ajv's schema errors in a vendor's words: each `instancePath` mapped back to the line that holds it,
 * unknown fields with the closest known name, wrong types named as YAML shows them.
 */
import type { ErrorObject } from 'ajv';
import type { Diagnostic, SourceSpan } from '../model/diagnostic.ts';
import {
  CANONICAL_FIELD_BY_ALIAS,
  ENVIRONMENTS_KEY,
  NON_OVERRIDABLE_NAMES,
  OVERRIDABLE_KEYS,
} from '../model/fields.ts';
import { describePath, type Locator } from './parsed-file.ts';
import { suggestName } from './suggest-name.ts';

export type Report = (diagnostic: Omit<Diagnostic, 'file'>) => void;

export function stripFile(span: SourceSpan): Omit<SourceSpan, 'file'> {
  const { file: _file, ...rest } = span;
  return rest;
}

export function splitInstancePath(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function describeType(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return typeof value;
}

const EXPECTED_TYPE: Record<string, string> = {
  object: 'a map (key: value lines)',
  array: 'a list (`- item` lines)',
  string: 'a string',
  boolean: 'true or false',
  number: 'a number',
};

export function diagnoseSchemaErrors(errors: ErrorObject[], locate: Locator): Omit<Diagnostic, 'file'>[] {
  const diagnostics: Omit<Diagnostic, 'file'>[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const diagnostic = diagnoseSchemaError(error, locate);
    if (!diagnostic) continue;
    const key = `${diagnostic.line}:${diagnostic.column}:${diagnostic.ruleId}:${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

function diagnoseSchemaError(error: ErrorObject, locate: Locator): Omit<Diagnostic, 'file'> | undefined {
  const path = splitInstancePath(error.instancePath);
  const where = describePath(path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      return {
        ...stripFile(locate(path, 'key')),
        ruleId: 'field-required',
        severity: 'error',
        message:
          path.length === 0
            ? `the required field \`${missing}\` is missing.`
            : `\`${where}\` is missing the required field \`${missing}\`.`,
      };
    }
    case 'additionalProperties': {
      const unknown = String(params.additionalProperty);
      const span = stripFile(locate([...path, unknown], 'key'));
      const inEnvironment = path.length === 2 && path[0] === ENVIRONMENTS_KEY;
      if (inEnvironment && NON_OVERRIDABLE_NAMES.has(unknown)) {
        return {
          ...span,
          ruleId: 'environment-override-not-allowed',
          severity: 'error',
          message: `\`${unknown}\` cannot be overridden per environment; only ${OVERRIDABLE_KEYS.join(', ')} can.`,
        };
      }
      const allowed = describeAllowedFields(error.parentSchema);
      const suggestion = suggestName(unknown, allowed.names);
      const canonical = suggestion ? (CANONICAL_FIELD_BY_ALIAS.get(suggestion) ?? suggestion) : undefined;
      const place = path.length === 0 ? '' : ` in \`${where}\``;
      return {
        ...span,
        ruleId: 'field-unknown',
        severity: 'error',
        message: `unknown field \`${unknown}\`${place}${canonical ? `; did you mean \`${canonical}\`?` : '.'}`,
        ...(canonical ? {} : { hint: allowed.hint }),
      };
    }
    case 'type': {
      const expected = String(params.type);
      const actual = describeType(error.data);
      const quoteHint =
        expected === 'string' && (typeof error.data === 'number' || typeof error.data === 'boolean')
          ? { hint: `Quote it: "${String(error.data)}".` }
          : {};
      return {
        ...stripFile(locate(path)),
        ruleId: 'field-type',
        severity: 'error',
        message:
          path.length === 0
            ? `a system file must be a map of fields (id, vendor, name, …), not ${actual}.`
            : `\`${where}\` must be ${EXPECTED_TYPE[expected] ?? expected}, not ${actual}.`,
        ...quoteHint,
      };
    }
    case 'pattern':
      if (error.propertyName !== undefined) {
        return {
          ...stripFile(locate([...path, error.propertyName], 'key')),
          ruleId: 'environment-name',
          severity: 'error',
          message: `\`${error.propertyName}\` is not a valid environment name; use lower-case letters, digits and dashes, starting with a letter (e.g. tt02, prod).`,
        };
      }
      break;
    case 'propertyNames':
      return undefined; // reported by the inner `pattern` error, which names the property
  }
  return {
    ...stripFile(locate(path)),
    ruleId: 'schema',
    severity: 'error',
    message: `\`${where}\` ${error.message ?? 'is not valid'}.`,
  };
}

interface AllowedFields {
  names: readonly string[];
  hint: string;
}

/** Per schema object, worked out once: a file with 60,000 unknown keys asks 60,000 times. */
const allowedFieldsBySchema = new WeakMap<object, AllowedFields>();

function describeAllowedFields(parentSchema: unknown): AllowedFields {
  const schema = (parentSchema ?? {}) as { properties?: Record<string, { deprecated?: boolean }> };
  const cached = allowedFieldsBySchema.get(schema);
  if (cached) return cached;
  const entries = Object.entries(schema.properties ?? {});
  const current = entries.filter(([, field]) => !field.deprecated).map(([name]) => name);
  const described = { names: entries.map(([name]) => name), hint: `Known fields: ${current.join(', ')}.` };
  allowedFieldsBySchema.set(schema, described);
  return described;
}
