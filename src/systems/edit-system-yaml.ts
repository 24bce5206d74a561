/**
 * The smallest edit to a system file that sets or deletes some values, for `sysreg drift --accept`:
 * text outside the edited nodes stays byte-identical, so the pull request shows only the drifted
 * fields. Edits are spliced into the original text at the source ranges the yaml parser reports; new
 * keys go where `fmt` would put them. Every result is checked by parsing it back; if a splice would not
 * read back as intended, that edit falls back to the yaml Document API (comments kept, layout
 * re-rendered). Pure.
 */
import { isDeepStrictEqual } from 'node:util';
import { Document, isAlias, isCollection, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { compareKeysCanonically, holdsFieldNames, resolveFieldAlias } from './canonical-order.ts';
import type { YamlPath } from './canonical-order.ts';
import { orderKeysCanonically } from './write-system-yaml.ts';
import { MODELINE_PATTERN, YAML_OUTPUT_OPTIONS, applyCanonicalStyle } from './yaml-style.ts';

export interface FieldEdit {
  /** Map keys and sequence indices from the top of the file, e.g. `['environments', 'prod', 'clientId']`. */
  path: YamlPath;
  /** The new value; `undefined` (or leaving it out) deletes the key or item at `path`. */
  value?: unknown;
}

/** The file cannot be edited as asked: it does not parse, or a path runs through a scalar. */
export class SystemYamlEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SystemYamlEditError';
  }
}

const EDIT_PARSE_OPTIONS = { uniqueKeys: true, strict: true, maxAliasCount: 100 } as const;

export function applyFieldEdits(text: string, edits: readonly FieldEdit[]): string {
  // Spliced lines end in `\n`; a file written with CRLF is edited as LF and given its CRLF back.
  const crlf = text.includes('\r\n');
  let current = crlf ? text.replace(/\r\n/g, '\n') : text;
  for (const edit of edits) current = applyFieldEdit(current, edit);
  return crlf ? current.replace(/\n/g, '\r\n') : current;
}

function applyFieldEdit(text: string, given: FieldEdit): string {
  const document = parseDocument(text, EDIT_PARSE_OPTIONS);
  if (document.errors.length > 0) {
    throw new SystemYamlEditError(
      `cannot edit a file that does not parse: ${document.errors[0]?.message ?? ''}`,
    );
  }
  const edit = {
    path: spellPathAsWritten(document, given.path),
    value: toPlainData(given.value, given.path),
  };
  const expected = setValueAt(document.toJS({ maxAliasCount: 100 }), edit.path, edit.value);
  let spliced: string | undefined;
  try {
    spliced = applySplices(text, planSplices(text, document, edit));
  } catch (error) {
    if (!(error instanceof CannotSplice)) throw error;
  }
  if (spliced !== undefined && readsBackAs(spliced, expected)) return spliced;
  return editThroughDocument(document, edit, expected);
}

/**
 * The path with each field name spelled as the file writes it: an edit of `allowedRedirectUrls` in a
 * file that says `allowedredirecturls` changes that key rather than adding a second spelling.
 */
function spellPathAsWritten(document: Document, path: YamlPath): YamlPath {
  const spelled: (string | number)[] = [];
  let node: unknown = document.contents;
  for (const segment of path) {
    let written = segment;
    if (isMap(node) && typeof segment === 'string') {
      const pairs = node.items;
      let pair = pairs.find((item) => keyText(item.key) === segment);
      if (!pair && holdsFieldNames(spelled)) {
        pair = pairs.find((item) => {
          const key = keyText(item.key);
          return key !== undefined && resolveFieldAlias(key) === segment;
        });
      }
      if (pair) written = keyText(pair.key) ?? segment;
      node = pair?.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
    } else {
      node = undefined;
    }
    spelled.push(written);
  }
  return spelled;
}

/** A copy made of ordinary objects and arrays, so values compare by content alone. */
function toPlainData(value: unknown, path: YamlPath): unknown {
  if (value === undefined) return undefined;
  try {
    return structuredClone(value);
  } catch {
    throw new SystemYamlEditError(`the value for ${path.join('.')} is not plain data`);
  }
}

function readsBackAs(text: string, expected: unknown): boolean {
  const document = parseDocument(text, EDIT_PARSE_OPTIONS);
  return document.errors.length === 0 && isDeepStrictEqual(document.toJS({ maxAliasCount: 100 }), expected);
}

function editThroughDocument(document: Document, edit: FieldEdit, expected: unknown): string {
  if (edit.path.length === 0) throw new SystemYamlEditError('an edit needs a path');
  if (edit.value === undefined) document.deleteIn(edit.path);
  else document.setIn(edit.path, document.createNode(orderKeysCanonically(edit.value, edit.path)));
  const result = document.toString(YAML_OUTPUT_OPTIONS);
  if (!readsBackAs(result, expected)) {
    throw new SystemYamlEditError(
      `cannot set ${edit.path.join('.')}: the file's structure does not allow it`,
    );
  }
  return result;
}

/** The plain-data result of an edit, to check a splice against. */
function setValueAt(data: unknown, path: YamlPath, value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (Array.isArray(data) && typeof head === 'number') {
    if (value === undefined && head >= data.length) return data;
    const copy = [...data];
    if (rest.length === 0 && value === undefined) copy.splice(head, 1);
    else copy[head] = setValueAt(copy[head], rest, value);
    return copy;
  }
  const key = String(head);
  const exists = typeof data === 'object' && data !== null && key in data;
  if (value === undefined && !exists) return data; // deleting what is not there changes nothing
  const record = typeof data === 'object' && data !== null ? { ...(data as Record<string, unknown>) } : {};
  if (rest.length === 0 && value === undefined) delete record[key];
  else {
    const next = setValueAt(record[key], rest, value);
    if (next !== undefined) record[key] = next;
  }
  return record;
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Thrown inside planning when the source has a shape splicing does not handle; the caller falls back. */
class CannotSplice extends Error {}

function applySplices(text: string, splices: Splice[]): string {
  // Later offsets first; at one offset a replaced range goes before pure insertions, and insertions
  // are applied last-first so that they end up in the order they were planned.
  const ordered = splices
    .map((splice, order) => ({ ...splice, order }))
    .sort((a, b) => b.start - a.start || b.end - b.start - (a.end - a.start) || b.order - a.order);
  let result = text;
  for (const splice of ordered)
    result = result.slice(0, splice.start) + splice.text + result.slice(splice.end);
  return result;
}

/** Where a node sits: under a key of a map, or at an index of a sequence. */
type Slot = { kind: 'pair'; map: YAMLMap; pair: Pair } | { kind: 'item'; seq: YAMLSeq; index: number };

function planSplices(text: string, document: Document, edit: FieldEdit): Splice[] {
  const source = new SourceText(text, document);
  let container: Node | null = document.contents as Node | null;
  let slot: Slot | undefined;
  let parentSlot: Slot | undefined;
  for (let depth = 0; depth < edit.path.length; depth += 1) {
    const segment = edit.path[depth] as string | number;
    const here = edit.path.slice(0, depth);
    if (isMap(container)) {
      const pair = container.items.find((item) => keyText(item.key) === String(segment));
      if (!pair) {
        if (edit.value === undefined) return [];
        const missing = edit.path.slice(depth + 1);
        if (missing.some((part) => typeof part === 'number')) throw new CannotSplice();
        const value = missing.reduceRight<unknown>((inner, key) => ({ [key]: inner }), edit.value);
        return insertPair(source, container, here, String(segment), value);
      }
      parentSlot = slot;
      slot = { kind: 'pair', map: container, pair };
      container = pair.value as Node | null;
    } else if (isSeq(container) && typeof segment === 'number') {
      if (segment === container.items.length && depth === edit.path.length - 1 && edit.value !== undefined) {
        return insertItems(source, container, here, container.items.length, [edit.value]);
      }
      if (segment >= container.items.length) {
        if (edit.value === undefined) return [];
        throw new CannotSplice();
      }
      parentSlot = slot;
      slot = { kind: 'item', seq: container, index: segment };
      container = container.items[segment] as Node | null;
    } else {
      throw new SystemYamlEditError(
        `cannot edit ${edit.path.join('.')}: ${here.join('.') || 'the top level'} is not a map or list`,
      );
    }
  }
  if (!slot) throw new SystemYamlEditError('an edit needs a path');
  if (edit.value === undefined) {
    // A block list cannot be written with no items: removing the last one leaves `key: []`.
    if (
      slot.kind === 'item' &&
      slot.seq.items.length === 1 &&
      !slot.seq.flow &&
      parentSlot?.kind === 'pair'
    ) {
      return replaceSlot(source, parentSlot, edit.path.slice(0, -1), []);
    }
    return removeSlot(source, slot);
  }
  return replaceValue(source, slot, container, edit.path, edit.value);
}

function replaceValue(
  source: SourceText,
  slot: Slot,
  node: Node | null,
  path: YamlPath,
  value: unknown,
): Splice[] {
  if (node && !isAlias(node) && isDeepStrictEqual(source.valueOf(node), value)) return [];
  if (isScalar(node) && isScalarValue(value) && !isBlockScalar(node)) {
    const rendered = renderScalar(value, node.type);
    if (!rendered.includes('\n')) return [{ start: rangeOf(node)[0], end: rangeOf(node)[1], text: rendered }];
  }
  if (isCollection(node) && node.flow) {
    // An empty `[]` or `{}` is the only way to write nothing; once it holds items it goes block style.
    if (
      node.items.length > 0 &&
      ((isMap(node) && isRecord(value)) || (isSeq(node) && Array.isArray(value)))
    ) {
      const padded = source.text[rangeOf(node)[0] + 1] === ' ';
      const rendered = renderFlow(value, path, padded);
      if (!rendered.includes('\n'))
        return [{ start: rangeOf(node)[0], end: rangeOf(node)[1], text: rendered }];
    }
  } else if (isMap(node) && isRecord(value) && node.items.length > 0) {
    return editMap(source, node, path, value);
  } else if (isSeq(node) && Array.isArray(value) && value.length > 0 && node.items.length > 0) {
    return editSeq(source, node, path, value);
  }
  return replaceSlot(source, slot, path, value);
}

/** Key by key: removed keys go, kept keys are edited in place, new keys go in canonical position. */
function editMap(source: SourceText, map: YAMLMap, path: YamlPath, value: Record<string, unknown>): Splice[] {
  const splices: Splice[] = [];
  for (const pair of map.items) {
    const key = keyText(pair.key);
    if (key === undefined) throw new CannotSplice();
    if (!(key in value) || value[key] === undefined) {
      splices.push(...removeSlot(source, { kind: 'pair', map, pair }));
    } else {
      splices.push(
        ...replaceValue(source, { kind: 'pair', map, pair }, pair.value as Node, [...path, key], value[key]),
      );
    }
  }
  const existing = new Set(map.items.map((pair) => keyText(pair.key)));
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined && !existing.has(key)) splices.push(...insertPair(source, map, path, key, item));
  }
  return splices;
}

/**
 * Items kept in order (a longest common subsequence by value) stay byte-identical; items no longer
 * present are removed and new ones inserted where the new list has them.
 */
function editSeq(source: SourceText, seq: YAMLSeq, path: YamlPath, value: unknown[]): Splice[] {
  const old = seq.items.map((item) => (isAlias(item) ? Symbol('alias') : source.valueOf(item as Node)));
  const kept = matchCommonSubsequence(old, value);
  const splices: Splice[] = [];
  // Between two kept items (or a list end) lie a run of old items and a run of new ones. Runs of maps
  // of equal length are edited item by item, so a right whose action changed keeps its comments; a
  // changed scalar is another item, so the old run goes and the new run is inserted before the next
  // kept item.
  const anchors: (readonly [number, number])[] = [[-1, -1], ...kept, [seq.items.length, value.length]];
  for (let k = 1; k < anchors.length; k += 1) {
    const [oldBefore, newBefore] = anchors[k - 1] as readonly [number, number];
    const [oldAfter, newAfter] = anchors[k] as readonly [number, number];
    const oldRun = oldAfter - oldBefore - 1;
    const newRun = newAfter - newBefore - 1;
    const pairsOfMaps =
      oldRun === newRun &&
      Array.from({ length: oldRun }, (_, offset) => offset + 1).every(
        (offset) => isMap(seq.items[oldBefore + offset]) && isRecord(value[newBefore + offset]),
      );
    if (pairsOfMaps) {
      for (let offset = 1; offset <= oldRun; offset += 1) {
        const index = oldBefore + offset;
        const slot: Slot = { kind: 'item', seq, index };
        splices.push(
          ...replaceValue(
            source,
            slot,
            seq.items[index] as Node,
            [...path, index],
            value[newBefore + offset],
          ),
        );
      }
      continue;
    }
    for (let index = oldBefore + 1; index < oldAfter; index += 1) {
      splices.push(...removeSlot(source, { kind: 'item', seq, index }));
    }
    if (newRun > 0) {
      splices.push(...insertItems(source, seq, path, oldAfter, value.slice(newBefore + 1, newAfter)));
    }
  }
  return splices;
}

function matchCommonSubsequence(old: unknown[], next: unknown[]): [number, number][] {
  const lengths = Array.from({ length: old.length + 1 }, () => new Array<number>(next.length + 1).fill(0));
  for (let i = old.length - 1; i >= 0; i -= 1) {
    for (let j = next.length - 1; j >= 0; j -= 1) {
      const row = lengths[i] as number[];
      row[j] = isDeepStrictEqual(old[i], next[j])
        ? (lengths[i + 1]?.[j + 1] ?? 0) + 1
        : Math.max(lengths[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < old.length && j < next.length) {
    if (isDeepStrictEqual(old[i], next[j])) {
      pairs.push([i, j]);
      i += 1;
      j += 1;
    } else if ((lengths[i + 1]?.[j] ?? 0) >= (lengths[i]?.[j + 1] ?? 0)) i += 1;
    else j += 1;
  }
  return pairs;
}

function insertPair(source: SourceText, map: YAMLMap, path: YamlPath, key: string, value: unknown): Splice[] {
  if (map.flow || map.items.length === 0) throw new CannotSplice();
  const column = source.columnOf(rangeOf(map.items[0]?.key as Node)[0]);
  const rendered = indentLines(renderBlock({ [key]: value }, path), column);
  const next = map.items.find((pair) => {
    const other = keyText(pair.key);
    return other !== undefined && compareKeysCanonically(path, key, other) < 0;
  });
  if (next) {
    const nextStart = rangeOf(next.key as Node)[0];
    if (source.startsLine(nextStart)) {
      return [asInsertion({ start: source.startOfCommentsAbove(nextStart), end: -1, text: rendered })];
    }
    // The next key shares its line with a `- `: insert right there and re-indent it below.
    return [asInsertion({ start: nextStart, end: -1, text: rendered.slice(column) + ' '.repeat(column) })];
  }
  const last = map.items[map.items.length - 1] as Pair;
  return [asInsertion({ start: source.endOfLineAt(endOfPair(last)), end: -1, text: rendered })];
}

function insertItems(
  source: SourceText,
  seq: YAMLSeq,
  path: YamlPath,
  before: number,
  items: unknown[],
): Splice[] {
  if (seq.flow || seq.items.length === 0) throw new CannotSplice();
  const dash = source.dashBefore(rangeOf(seq.items[0] as Node)[0]);
  const rendered = indentLines(renderBlock(items, path), source.columnOf(dash));
  const anchor = seq.items[before] as Node | undefined;
  const start = anchor
    ? source.startOfCommentsAbove(source.dashBefore(rangeOf(anchor)[0]))
    : source.endOfLineAt(rangeOf(seq.items[seq.items.length - 1] as Node)[1]);
  return [asInsertion({ start, end: -1, text: rendered })];
}

function removeSlot(source: SourceText, slot: Slot): Splice[] {
  if (slot.kind === 'pair') {
    const keyStart = rangeOf(slot.pair.key as Node)[0];
    if (slot.map.flow || !source.startsLine(keyStart)) throw new CannotSplice();
    // Comment lines directly above a removed key are about it, and go with it.
    return [
      {
        start: source.startOfCommentsAbove(keyStart),
        end: source.endOfLineAt(endOfPair(slot.pair)),
        text: '',
      },
    ];
  }
  if (slot.seq.flow) throw new CannotSplice();
  const item = slot.seq.items[slot.index] as Node;
  const start = source.startOfCommentsAbove(source.dashBefore(rangeOf(item)[0]));
  return [{ start, end: source.endOfLineAt(rangeOf(item)[1]), text: '' }];
}

/** Rewrites a whole `key: value` (or `- value`) in place, from its first character to its last line. */
function replaceSlot(source: SourceText, slot: Slot, path: YamlPath, value: unknown): Splice[] {
  if (slot.kind === 'pair') {
    if (slot.map.flow) throw new CannotSplice();
    const keyStart = rangeOf(slot.pair.key as Node)[0];
    const key = keyText(slot.pair.key);
    if (key === undefined) throw new CannotSplice();
    const column = source.columnOf(keyStart);
    const rendered = indentLines(renderBlock({ [key]: value }, path.slice(0, -1)), column);
    return [{ start: keyStart, end: source.endOfLineAt(endOfPair(slot.pair)), text: rendered.slice(column) }];
  }
  if (slot.seq.flow) throw new CannotSplice();
  const item = slot.seq.items[slot.index] as Node;
  const dash = source.dashBefore(rangeOf(item)[0]);
  const rendered = indentLines(renderBlock([value], path.slice(0, -1)), source.columnOf(dash));
  return [{ start: source.lineStartOf(dash), end: source.endOfLineAt(rangeOf(item)[1]), text: rendered }];
}

function asInsertion(splice: Splice): Splice {
  return { ...splice, end: splice.start };
}

function endOfPair(pair: Pair): number {
  const value = pair.value as Node | null;
  return value && !isAlias(value) ? rangeOf(value)[1] : rangeOf(pair.key as Node)[1];
}

/** Renders `value` (a one-key map or a list) in block style as it would sit at `path`, no header. */
function renderBlock(value: Record<string, unknown> | unknown[], path: YamlPath): string {
  const document = new Document(orderKeysCanonically(value, path));
  applyCanonicalStyle(document);
  return document.toString(YAML_OUTPUT_OPTIONS);
}

function renderFlow(value: unknown, path: YamlPath, padded: boolean): string {
  const document = new Document(orderKeysCanonically(value, path));
  applyCanonicalStyle(document);
  if (isCollection(document.contents)) document.contents.flow = true;
  return document.toString({ ...YAML_OUTPUT_OPTIONS, flowCollectionPadding: padded }).trimEnd();
}

function renderScalar(value: unknown, previousType: string | undefined): string {
  const document = new Document(value);
  applyCanonicalStyle(document);
  const scalar = document.contents;
  // Keep the vendor's quoting when the new string can be written the same way.
  if (
    isScalar(scalar) &&
    typeof value === 'string' &&
    (previousType === 'QUOTE_DOUBLE' || previousType === 'QUOTE_SINGLE')
  ) {
    scalar.type = previousType;
  }
  return document.toString(YAML_OUTPUT_OPTIONS).replace(/\n$/, '');
}

/** Indents every non-empty line (empty lines stay empty, also inside block scalars). */
function indentLines(text: string, column: number): string {
  const pad = ' '.repeat(column);
  return text
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}

function isBlockScalar(node: Node): boolean {
  return isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
}

function isScalarValue(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key) && (typeof key.value === 'string' || typeof key.value === 'number'))
    return String(key.value);
  return undefined;
}

function rangeOf(node: Node | null | undefined): [number, number, number] {
  if (!node?.range) throw new CannotSplice();
  return node.range;
}

/** Offsets and lines of the original text, and the values of its nodes. */
class SourceText {
  readonly text: string;
  readonly document: Document;
  constructor(text: string, document: Document) {
    this.text = text;
    this.document = document;
  }

  valueOf(node: Node): unknown {
    return node.toJS(this.document, { maxAliasCount: 100 });
  }

  lineStartOf(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** True when only spaces precede `offset` on its line. */
  startsLine(offset: number): boolean {
    return this.text.slice(this.lineStartOf(offset), offset).trim() === '';
  }

  columnOf(offset: number): number {
    return offset - this.lineStartOf(offset);
  }

  /** The offset just past the line on which the text before `offset` ends. */
  endOfLineAt(offset: number): number {
    if (offset > 0 && this.text[offset - 1] === '\n') return offset;
    const newline = this.text.indexOf('\n', offset);
    if (newline === -1) throw new CannotSplice(); // no final newline: leave it to the fallback
    return newline + 1;
  }

  /** The `-` that introduces the sequence item starting at `offset`. */
  dashBefore(offset: number): number {
    let index = offset - 1;
    while (index >= 0 && this.text[index] === ' ') index -= 1;
    if (this.text[index] !== '-') throw new CannotSplice();
    return index;
  }

  /**
   * The start of the comment-only lines directly above the line of `offset` (which belong to it); the
   * schema modeline belongs to the file.
   */
  startOfCommentsAbove(offset: number): number {
    let start = this.lineStartOf(offset);
    while (start > 0) {
      const previous = this.lineStartOf(start - 1);
      const line = this.text.slice(previous, start).trim();
      if (!line.startsWith('#') || MODELINE_PATTERN.test(line.slice(1))) break;
      start = previous;
    }
    return start;
  }
}
