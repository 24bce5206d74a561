/**
 * `sysreg fmt`'s core: rewrites a system file into the canonical form (key order, field spelling,
 * quoting, block style) through the yaml Document API, so the vendor's comments travel with the keys
 * they were written above. Pure: text in, text out.
 */
import { isDeepStrictEqual } from 'node:util';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, visit } from 'yaml';
import type { Document, Node, YAMLError } from 'yaml';
import { compareKeysCanonically, holdsFieldNames, resolveFieldAlias } from './canonical-order.ts';
import type { YamlPath } from './canonical-order.ts';
import { ENVIRONMENTS_KEY } from '../model/fields.ts';
import { parseSystemFile } from './parse.ts';
import { parseSystemYaml, YAML_TO_JS_OPTIONS } from './yaml-options.ts';
import { applyCanonicalStyle, renderDocument, placeSchemaModeline } from './yaml-style.ts';

export interface FormattedSystemYaml {
  /** The canonical text, or the input unchanged when it has problems. */
  text: string;
  changed: boolean;
  /** Why the text was left untouched (does not parse, duplicate spellings, …). Empty when formatted. */
  problems: string[];
}

export function formatSystemYaml(text: string): FormattedSystemYaml {
  const unchanged = (problems: string[]): FormattedSystemYaml => ({ text, changed: false, problems });
  // The loader's parse, so fmt reads a file exactly as validate does; messages with positions.
  const lineCounter = new LineCounter();
  const document = parseSystemYaml(text, { prettyErrors: true, lineCounter });
  if (document.errors.length > 0) {
    return unchanged(document.errors.map((error) => describeYamlError(error, lineCounter)));
  }
  if (!isMap(document.contents)) {
    return unchanged(['the file must hold one mapping of fields (id, vendor, name, …) at the top level']);
  }
  const strayBreak = findStrayLineBreakInComments(document, text, lineCounter);
  if (strayBreak) return unchanged([strayBreak]);
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
  // A key sorted to the top keeps no blank line above it: the header's own spacing decides that, and
  // a second run would otherwise remove the line (fmt must be idempotent).
  const firstKey = isMap(document.contents) ? document.contents.items[0]?.key : undefined;
  if (isScalar(firstKey)) firstKey.spaceBefore = false;
  problems.push(...findUnwritableNodes(document));
  if (problems.length > 0) return unchanged(problems);
  applyCanonicalStyle(document);
  const formatted = renderDocument(document);

  if (formatted === text) return { text, changed: false, problems: [] };
  // Formatting must never change meaning. Check it on the result rather than trust the steps above.
  const reparsed = parseSystemYaml(formatted);
  if (reparsed.errors.length > 0 || !isDeepStrictEqual(readMeaning(reparsed), before)) {
    return unchanged([
      'formatting would change what the file means; it was left as it is (please report this)',
    ]);
  }
  return { text: formatted, changed: formatted !== text, problems: [] };
}

/** What fmt does with one file: nothing, a new text, or why not. */
export type FileFormatting = { changed: false } | { changed: true; text: string } | { problems: string[] };

/**
 * The file's canonical text, or why it is left alone: unreadable, not a system file, or a formatting
 * that would change what it means or what validate says of it. Never throws for a file's content.
 */
/**
 * The file's canonical text, or why it is left alone: not a system file, or a formatting that would
 * change what it means or what validate says of it. Pure, and never throws for a file's content.
 */
export function formatSystemFile(file: string, text: string): FileFormatting {
  // A file that does not read as a system (package.json behind a link, a workflow) is not ours to rewrite.
  const before = parseSystemFile(file, text);
  if (!before.document && !before.draft) {
    const first = before.diagnostics.find((d) => d.severity === 'error');
    const why = first
      ? `: ${first.message.replace(/\.$/, '')} (line ${first.line}, column ${first.column})`
      : '';
    return {
      problems: [`it does not read as a system file${why}; fix what 'sysreg validate' reports first`],
    };
  }
  let result;
  try {
    result = formatSystemYaml(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { problems: [`internal error while formatting: ${message}; the file was left as it is`] };
  }
  if (result.problems.length > 0) return { problems: result.problems };
  if (!result.changed) return { changed: false };
  if (countErrorsByRule(parseSystemFile(file, result.text)) !== countErrorsByRule(before)) {
    return {
      problems: [
        "formatting would change what 'sysreg validate' reports; the file was left as it is (please report this)",
      ],
    };
  }
  return { changed: true, text: result.text };
}

/** Validate's errors of a file as a comparable text: each rule id with its count. */
function countErrorsByRule(parsed: { diagnostics: readonly { ruleId: string; severity: string }[] }): string {
  const counts = new Map<string, number>();
  for (const d of parsed.diagnostics)
    if (d.severity === 'error') counts.set(d.ruleId, (counts.get(d.ruleId) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).join(';');
}

/** The yaml library's message, which names the position when it prettified it; ours get one here. */
function describeYamlError(error: YAMLError, lineCounter: LineCounter): string {
  if (error.linePos) return error.message.trim();
  const { line, col } = lineCounter.linePos(error.pos[0]);
  return `${error.message} at line ${line}, column ${col}`;
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

/**
 * What the yaml library cannot write back: aliases that the new key order puts before their anchor,
 * and binary values. Such a file is left as it is rather than have its anchors moved or its aliases
 * expanded behind the vendor's back.
 */
function findUnwritableNodes(document: Document): string[] {
  const anchored = new Set<string>();
  const problems: string[] = [];
  visit(document, (_key, node) => {
    // The yaml library cannot write binary at sysreg's unlimited line width; no system field holds one.
    if (isScalar(node) && node.value instanceof Uint8Array) {
      problems.push('a `!!binary` value is not something a system file holds; remove it');
      return;
    }
    if (isAlias(node)) {
      if (!anchored.has(node.source)) {
        problems.push(
          `the canonical key order would put the alias *${node.source} before its anchor &${node.source}; write the value out instead of the alias, or move the anchor to the first place it is used`,
        );
      }
      return;
    }
    if (node !== null && typeof node === 'object' && 'anchor' in node && typeof node.anchor === 'string')
      anchored.add(node.anchor);
  });
  return problems;
}

/** Line terminators to JavaScript's `^` (which the yaml library writes comments with) but not to it. */
const STRAY_LINE_BREAK = /[\r\u2028\u2029]/;

/**
 * A comment holding a lone CR, U+2028 or U+2029. The yaml library reads it as part of the comment but
 * writes a `#` after it, so every run would add one; and YAML 1.2 readers end the comment at a lone
 * CR, reading the rest as data. Such a file is left as it is, with the line to fix.
 */
function findStrayLineBreakInComments(
  document: Document,
  text: string,
  lineCounter: LineCounter,
): string | undefined {
  const comments: (string | null | undefined)[] = [document.commentBefore, document.comment];
  visit(document, (_key, node) => {
    const commented = node as { commentBefore?: string | null; comment?: string | null };
    comments.push(commented.commentBefore, commented.comment);
  });
  for (const comment of comments) {
    const line = comment?.split('\n').find((part) => STRAY_LINE_BREAK.test(part));
    if (line === undefined) continue;
    const found = STRAY_LINE_BREAK.exec(line);
    const before = line.slice(0, found?.index);
    const offset = text.indexOf(`#${before}${found?.[0]}`);
    const where = offset === -1 ? '' : `line ${lineCounter.linePos(offset).line}: `;
    const code = (found?.[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    return `${where}a comment holds a line break (U+${code}) that does not end the line; YAML readers disagree on where that comment ends, so the file was left as it is: remove the character`;
  }
  return undefined;
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
