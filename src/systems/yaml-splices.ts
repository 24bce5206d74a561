/**
 * The splices that make one edit in place: replace, insert or remove exactly the nodes the edit
 * touches, new keys where \`fmt\` would put them. A shape it does not handle throws CannotSplice, and
 * the caller falls back to the Document API.
 */
import { isDeepStrictEqual } from 'node:util';
import { isAlias, isCollection, isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { compareKeysCanonically } from './canonical-order.ts';
import type { YamlPath } from './canonical-order.ts';
import { SystemYamlEditError, type FieldEdit } from './field-edit.ts';
import {
  asInsertion,
  CannotSplice,
  endOfPair,
  indentLines,
  isBlockScalar,
  isRecord,
  isScalarValue,
  keyText,
  rangeOf,
  renderBlock,
  renderFlow,
  renderScalar,
  SourceText,
  type Slot,
  type Splice,
} from './yaml-source-text.ts';

export function planSplices(text: string, document: Document, edit: FieldEdit): Splice[] {
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
