/**
 * `sysreg fmt`'s core: rewrites a system file into the canonical form (key order, field spelling,
 * quoting, block style) through the yaml Document API, so the vendor's comments travel with the keys
 * they were written above. Pure: text in, text out.
 */
import { isDeepStrictEqual } from 'node:util';
import { isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import { compareKeysCanonically, holdsFieldNames, resolveFieldAlias } from './canonical-order.ts';
import type { YamlPath } from './canonical-order.ts';
import { ENVIRONMENTS_KEY } from '../model/fields.ts';
import { YAML_PARSE_OPTIONS, YAML_TO_JS_OPTIONS } from './yaml-options.ts';
import { applyCanonicalStyle, renderDocument, placeSchemaModeline } from './yaml-style.ts';

export interface FormattedSystemYaml {
  /** The canonical text, or the input unchanged when it has problems. */
  text: string;
  changed: boolean;
  /** Why the text was left untouched (does not parse, duplicate spellings, …). Empty when formatted. */
  problems: string[];
}

/** The loader's parse options, so fmt reads a file exactly as validate does; messages with positions. */
const FORMAT_PARSE_OPTIONS = { ...YAML_PARSE_OPTIONS, prettyErrors: true };

export function formatSystemYaml(text: string): FormattedSystemYaml {
  const unchanged = (problems: string[]): FormattedSystemYaml => ({ text, changed: false, problems });
  const document = parseDocument(text, FORMAT_PARSE_OPTIONS);
  if (document.errors.length > 0) {
    return unchanged(document.errors.map((error) => error.message.trim()));
  }
  if (!isMap(document.contents)) {
    return unchanged(['the file must hold one mapping of fields (id, vendor, name, …) at the top level']);
  }
  let before: unknown;
  try {
    before = readMeaning(document);
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    return unchanged([
      `YAML aliases expand too much (more than ${YAML_TO_JS_OPTIONS.maxAliasCount} expansions)`,
    ]);
  }
  const problems: string[] = [];
  placeSchemaModeline(document);
  arrangeNode(document.contents, [], problems);
  if (problems.length > 0) return unchanged(problems);
  applyCanonicalStyle(document);
  const formatted = renderDocument(document);

  if (formatted === text) return { text, changed: false, problems: [] };
  // Formatting must never change meaning. Check it on the result rather than trust the steps above.
  const reparsed = parseDocument(formatted, FORMAT_PARSE_OPTIONS);
  if (reparsed.errors.length > 0 || !isDeepStrictEqual(readMeaning(reparsed), before)) {
    return unchanged([
      'formatting would change what the file means; it was left as it is (please report this)',
    ]);
  }
  return { text: formatted, changed: formatted !== text, problems: [] };
}

/**
 * What a file means: its data with field aliases resolved to their canonical names. Key order is not
 * part of it (isDeepStrictEqual ignores property order); list order and every value are.
 */
export function readMeaning(document: Document): unknown {
  const data: unknown = document.toJS(YAML_TO_JS_OPTIONS);
  if (!isPlainRecord(data)) return data;
  const fields = renameFieldAliases(data);
  const environments = fields[ENVIRONMENTS_KEY];
  if (isPlainRecord(environments)) {
    fields[ENVIRONMENTS_KEY] = Object.fromEntries(
      Object.entries(environments).map(([name, overrides]) => [
        name,
        isPlainRecord(overrides) ? renameFieldAliases(overrides) : overrides,
      ]),
    );
  }
  return fields;
}

function renameFieldAliases(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [resolveFieldAlias(key) ?? key, value]),
  );
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Renames aliases and sorts keys in canonical order, depth first. Collects conflicts into `problems`. */
function arrangeNode(node: Node | null | undefined, path: YamlPath, problems: string[]): void {
  if (isSeq(node)) {
    node.items.forEach((item, index) => arrangeNode(item as Node, [...path, index], problems));
    return;
  }
  if (!isMap(node)) return;
  if (holdsFieldNames(path)) renameAliasKeys(node.items, path, problems);
  for (const pair of node.items) {
    const key = keyText(pair.key);
    if (key !== undefined) arrangeNode(pair.value as Node, [...path, key], problems);
  }
  node.items.sort((a, b) => {
    const keyA = keyText(a.key);
    const keyB = keyText(b.key);
    return keyA === undefined || keyB === undefined ? 0 : compareKeysCanonically(path, keyA, keyB);
  });
}

function renameAliasKeys(pairs: unknown[], path: YamlPath, problems: string[]): void {
  const written = new Set(pairs.map((pair) => (isPair(pair) ? keyText(pair.key) : undefined)));
  for (const pair of pairs) {
    if (!isPair(pair) || !isScalar(pair.key) || typeof pair.key.value !== 'string') continue;
    const alias = pair.key.value;
    const canonical = resolveFieldAlias(alias);
    if (canonical === undefined) continue;
    const where = path.length === 0 ? '' : ` under ${path.join('.')}`;
    if (written.has(canonical)) {
      problems.push(
        `'${alias}' and '${canonical}'${where} are the same field written twice; keep one (canonical: '${canonical}')`,
      );
      continue;
    }
    written.add(canonical);
    pair.key.value = canonical;
  }
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key) && (typeof key.value === 'string' || typeof key.value === 'number'))
    return String(key.value);
  return undefined;
}
