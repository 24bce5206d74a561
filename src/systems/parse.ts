/**
 * From one file's text to a SystemDocument with positions, or diagnostics saying why not. Pure: no file
 * system, no clock. YAML problems come from the yaml library with its positions; structural problems
 * (types, required and unknown fields, alias spellings) come from the JSON Schema via ajv, and each
 * ajv `instancePath` is mapped back to a line and column through the parsed YAML nodes.
 */
import type { ErrorObject } from 'ajv';
import {
  isAlias,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type DocumentOptions,
  type Node,
  type ParseOptions,
  type SchemaOptions,
  type ToJSOptions,
  type YAMLError,
} from 'yaml';
import type { Diagnostic, SourceSpan } from './diagnostic.ts';
import { ENVIRONMENTS_KEY, FIELD_RULES } from './fields.ts';
import type { EnvironmentOverrides, SystemDocument } from './model.ts';
import { systemSchemaValidator } from './schema-validator.ts';
import { sortDiagnostics } from './sort-diagnostics.ts';

/** Rule ids of the problems parsing reports (the register's rules are in rules.ts). */
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

/** A path into the file's data: map keys and list indexes, canonical field names at the top level. */
export type SourcePath = readonly (string | number)[];

export interface ParsedSystemFile {
  /** Repository-relative path, forward slashes. */
  file: string;
  text: string;
  /** Present when the file is structurally valid; defaults from FIELD_RULES filled in. */
  document?: SystemDocument;
  /**
   * When the only errors are unknown or misplaced fields, the known fields as they read: the register's
   * rules still run on it, so one pass reports everything. Never planned or applied.
   */
  draft?: SystemDocument;
  diagnostics: Diagnostic[];
  /**
   * Where a path is written. A scalar points at its value; a map or list at the key that holds it.
   * With `'key'`, always the key. A path that is not written points at its nearest written ancestor.
   */
  positionOf(path: SourcePath, target?: 'value' | 'key'): SourceSpan;
  /** Whether the exact path is written in the file (alias spellings count). */
  isWritten(path: SourcePath): boolean;
}

/** How sysreg parses YAML; the formatter parses with exactly these. YAML 1.2 core: `yes` is a string. */
export const YAML_PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  uniqueKeys: true,
  strict: true,
  prettyErrors: false,
  // Problems are reported as diagnostics; nothing is written to the process's stderr.
  logLevel: 'error',
};

/** A legitimate system file needs few aliases; this bounds "billion laughs" expansion. */
export const YAML_TO_JS_OPTIONS: ToJSOptions = { maxAliasCount: 20 };

/** Canonical field name of each accepted alias spelling. */
const CANONICAL_BY_ALIAS: ReadonlyMap<string, string> = new Map(
  FIELD_RULES.flatMap((rule) => rule.aliases.map((alias) => [alias, rule.key] as const)),
);
const NON_OVERRIDABLE = new Set(
  FIELD_RULES.filter((rule) => !rule.overridable).flatMap((rule) => [rule.key, ...rule.aliases]),
);
const OVERRIDABLE_KEYS = FIELD_RULES.filter((rule) => rule.overridable).map((rule) => rule.key);

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
  // A clean file's YAML nodes are dropped (thousands of them weigh hundreds of MB); positions re-parse on demand.
  if (result.diagnostics.length === 0) release();
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

// ---------------------------------------------------------------------------------------------------
// YAML errors

const YAML_RULE_BY_CODE: Record<string, string> = {
  DUPLICATE_KEY: 'yaml-duplicate-key',
  TAB_AS_INDENT: 'yaml-tab-indentation',
};

function locateYamlError(error: YAMLError, lineCounter: LineCounter): Omit<SourceSpan, 'file'> {
  const start = lineCounter.linePos(error.pos[0]);
  const end = lineCounter.linePos(Math.max(error.pos[1], error.pos[0] + 1));
  return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
}

/**
 * Every duplicate key (each is its own mistake) when they are the only errors; otherwise only the
 * first other error, tab indentation first: after one syntax error the parser's further complaints,
 * duplicate keys included, are mostly echoes of it.
 */
function diagnoseYamlErrors(
  errors: YAMLError[],
  lineCounter: LineCounter,
  text: string,
): Omit<Diagnostic, 'file'>[] {
  const lines = text.split(/\r?\n/);
  const byPosition = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const tabs = byPosition.filter((error) => error.code === 'TAB_AS_INDENT');
  const others = byPosition.filter((error) => error.code !== 'DUPLICATE_KEY');
  const chosen = tabs.length > 0 ? tabs.slice(0, 1) : others.length > 0 ? others.slice(0, 1) : byPosition;
  return chosen.map((error) => {
    const ruleId = YAML_RULE_BY_CODE[error.code] ?? 'yaml-syntax';
    const base = { ...locateYamlError(error, lineCounter), ruleId, severity: 'error' as const };
    if (error.code === 'DUPLICATE_KEY') {
      const first = findFirstOccurrence(lines, base.line);
      return {
        ...base,
        message: first
          ? `\`${first.key}\` is already set on line ${first.line} in the same map; YAML keys must be unique.`
          : 'this key is already set earlier in the same map; YAML keys must be unique.',
      };
    }
    if (error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY') {
      const deeper = findOverIndentedLine(lines, base.line);
      if (deeper) {
        return {
          line: deeper.line,
          column: deeper.column,
          ruleId,
          severity: 'error' as const,
          message: `this line is indented deeper than \`${deeper.above}\` on line ${base.line}, so YAML cannot read it as the next key, nor as part of that value.`,
          hint: `If it is the next key of the same map, start it in column ${deeper.aboveColumn}, like line ${base.line}.`,
        };
      }
    }
    if (error.code === 'TAB_AS_INDENT') {
      const more = tabs.length - 1;
      return {
        ...base,
        message: `tabs are not allowed as indentation in YAML${more > 0 ? ` (${more} more line${more === 1 ? '' : 's'} after this one)` : ''}.`,
        hint: 'Indent with spaces.',
      };
    }
    if (error.code === 'RESOURCE_EXHAUSTION') {
      return {
        ...base,
        message: 'the YAML is nested too deeply to read.',
        hint: 'A system file needs a few levels.',
      };
    }
    return { ...base, message: `invalid YAML: ${takeFirstLine(error.message)} (${error.code}).` };
  });
}

const KEY_LINE = /^(\s*)(?:- )?([^\s#:][^:#]*?):(?:\s|$)/;

/** The key on `line` (1-based) and where the same key first appears in the same map above it. */
function findFirstOccurrence(
  lines: readonly string[],
  line: number,
): { key: string; line: number } | undefined {
  const match = KEY_LINE.exec(lines[line - 1] ?? '');
  if (!match) return undefined;
  const indent = (match[1] ?? '').length;
  const key = match[2] ?? '';
  for (let index = line - 2; index >= 0; index -= 1) {
    const text = lines[index] ?? '';
    if (text.trim() === '' || text.trim().startsWith('#')) continue;
    const other = KEY_LINE.exec(text);
    const otherIndent = text.length - text.trimStart().length;
    if (otherIndent < indent) return undefined; // left the map
    if (other && (other[1] ?? '').length === indent && other[2] === key) return { key, line: index + 1 };
  }
  return undefined;
}

/**
 * After a `key: value` on `line`, the next line indented deeper than that key: the parser blames the
 * value, but the mistake is the indentation of the line after it.
 */
function findOverIndentedLine(
  lines: readonly string[],
  line: number,
): { line: number; column: number; above: string; aboveColumn: number } | undefined {
  const match = KEY_LINE.exec(lines[line - 1] ?? '');
  if (!match) return undefined;
  const indent = (match[1] ?? '').length;
  for (let index = line; index < lines.length; index += 1) {
    const text = lines[index] ?? '';
    if (text.trim() === '' || text.trim().startsWith('#')) continue;
    const next = text.length - text.trimStart().length;
    if (next <= indent) return undefined;
    return { line: index + 1, column: next + 1, above: `${match[2]}:`, aboveColumn: indent + 1 };
  }
  return undefined;
}

function takeFirstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

function findFirstAliasSpan(yamlDocument: Document, lineCounter: LineCounter): Omit<SourceSpan, 'file'> {
  let offset = 0;
  visit(yamlDocument, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

// ---------------------------------------------------------------------------------------------------
// Positions

interface ParsedYaml {
  yamlDocument: Document;
  lineCounter: LineCounter;
}

function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  return { yamlDocument: parseDocument(text, { ...YAML_PARSE_OPTIONS, lineCounter }), lineCounter };
}

function createLocator(file: string, text: string, parsed: ParsedYaml) {
  let retained: ParsedYaml | undefined = parsed;
  const nodes = (): ParsedYaml => (retained ??= parseYaml(text));

  const spanOf = (range: readonly number[] | null | undefined): SourceSpan => {
    if (!range) return { file, line: 1, column: 1 };
    const { lineCounter } = nodes();
    const start = lineCounter.linePos(range[0] ?? 0);
    const end = lineCounter.linePos(range[1] ?? range[0] ?? 0);
    return { file, line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
  };

  /** Walks the nodes along `path` as far as they are written. */
  const walk = (path: SourcePath) => {
    let current: unknown = nodes().yamlDocument.contents;
    let keyNode: Node | undefined;
    let depth = 0;
    for (const segment of path) {
      if (isMap(current)) {
        const aliasable = depth === 0 || (depth === 2 && path[0] === ENVIRONMENTS_KEY);
        const pair =
          current.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment)) ??
          (aliasable
            ? current.items.find(
                (item) => isScalar(item.key) && CANONICAL_BY_ALIAS.get(String(item.key.value)) === segment,
              )
            : undefined);
        if (!pair) break;
        keyNode = pair.key as Node;
        current = pair.value;
      } else if (isSeq(current) && Number.isInteger(Number(segment))) {
        const item: unknown = current.items[Number(segment)];
        if (item === undefined) break;
        keyNode = undefined;
        current = item;
      } else {
        break;
      }
      depth++;
    }
    return { current, keyNode, complete: depth === path.length };
  };

  const positionOf = (path: SourcePath, target: 'value' | 'key' = 'value'): SourceSpan => {
    const { current, keyNode } = walk(path);
    if (target === 'key' && keyNode) return spanOf(keyNode.range);
    if ((isScalar(current) || isAlias(current)) && current.range) return spanOf(current.range);
    if (keyNode) return spanOf(keyNode.range);
    if (isCollection(current)) return spanOf(current.range);
    return { file, line: 1, column: 1 };
  };

  const isWritten = (path: SourcePath): boolean => walk(path).complete;

  const release = () => {
    retained = undefined;
  };

  return { positionOf, isWritten, release };
}

// ---------------------------------------------------------------------------------------------------
// Aliases and schema errors

type Locator = ParsedSystemFile['positionOf'];
type Report = (diagnostic: Omit<Diagnostic, 'file'>) => void;

function stripFile(span: SourceSpan): Omit<SourceSpan, 'file'> {
  const { file: _file, ...rest } = span;
  return rest;
}

/** Renames alias spellings to the canonical field, warning once per alias. Mutates `fields`. */
function normaliseAliases(
  fields: Record<string, unknown>,
  at: SourcePath,
  locate: Locator,
  report: Report,
): void {
  for (const key of Object.keys(fields)) {
    const canonical = CANONICAL_BY_ALIAS.get(key);
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

function splitInstancePath(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `rights[0].resource[1].id`, as messages name a place. */
export function describePath(path: SourcePath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number' || /^\d+$/.test(segment)) text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text === '' ? 'the file' : text;
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

function diagnoseSchemaErrors(errors: ErrorObject[], locate: Locator): Omit<Diagnostic, 'file'>[] {
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
      if (inEnvironment && NON_OVERRIDABLE.has(unknown)) {
        return {
          ...span,
          ruleId: 'environment-override-not-allowed',
          severity: 'error',
          message: `\`${unknown}\` cannot be overridden per environment; only ${OVERRIDABLE_KEYS.join(', ')} can.`,
        };
      }
      const allowed = Object.entries(
        ((error.parentSchema as { properties?: Record<string, { deprecated?: boolean }> } | undefined)
          ?.properties ?? {}) as Record<string, { deprecated?: boolean }>,
      );
      const suggestion = suggestName(
        unknown,
        allowed.map(([name]) => name),
      );
      const canonical = suggestion ? (CANONICAL_BY_ALIAS.get(suggestion) ?? suggestion) : undefined;
      const place = path.length === 0 ? '' : ` in \`${where}\``;
      return {
        ...span,
        ruleId: 'field-unknown',
        severity: 'error',
        message: `unknown field \`${unknown}\`${place}${canonical ? `; did you mean \`${canonical}\`?` : '.'}`,
        ...(canonical
          ? {}
          : {
              hint: `Known fields: ${allowed
                .filter(([, schema]) => !schema.deprecated)
                .map(([name]) => name)
                .join(', ')}.`,
            }),
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

/** The closest known name: same letters in another case, or a small edit distance away. */
export function suggestName(unknown: string, known: readonly string[]): string | undefined {
  const lower = unknown.toLowerCase();
  const exact = known.find((name) => name.toLowerCase() === lower);
  if (exact) return exact;
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(unknown.length / 3)) + 1;
  for (const name of known) {
    const distance = editDistance(lower, name.toLowerCase());
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i]!;
      const previous = rows[i - 1]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
      }
    }
  }
  return rows[a.length]![b.length]!;
}

// ---------------------------------------------------------------------------------------------------
// The document

function fillDefaults(fields: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const filled: Record<string, unknown> = {};
  for (const rule of FIELD_RULES) {
    if (!keys.includes(rule.key)) continue;
    filled[rule.key] = rule.key in fields ? fields[rule.key] : structuredClone(rule.defaultValue);
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
    for (const key of OVERRIDABLE_KEYS) if (key in given) picked[key] = given[key];
    environments[name] = picked as EnvironmentOverrides;
  }
  return { ...(spec as unknown as SystemDocument), vendor: { ID: vendor.ID }, environments };
}
