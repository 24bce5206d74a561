/**
 * The pieces the splicing editor works with: the original text with its offsets, lines and node
 * values, splices into it, and values rendered the way \`fmt\` writes them.
 */
import { Document, isAlias, isCollection, isScalar } from 'yaml';
import type { Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import type { YamlPath } from './canonical-order.ts';
import { orderKeysCanonically } from './write-system-yaml.ts';
import { MODELINE_PATTERN, YAML_OUTPUT_OPTIONS, applyCanonicalStyle } from './yaml-style.ts';

export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Thrown inside planning when the source has a shape splicing does not handle; the caller falls back. */
export class CannotSplice extends Error {}

export function applySplices(text: string, splices: Splice[]): string {
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
export type Slot = { kind: 'pair'; map: YAMLMap; pair: Pair } | { kind: 'item'; seq: YAMLSeq; index: number };

export function asInsertion(splice: Splice): Splice {
  return { ...splice, end: splice.start };
}

export function endOfPair(pair: Pair): number {
  const value = pair.value as Node | null;
  return value && !isAlias(value) ? rangeOf(value)[1] : rangeOf(pair.key as Node)[1];
}

/** Renders `value` (a one-key map or a list) in block style as it would sit at `path`, no header. */
export function renderBlock(value: Record<string, unknown> | unknown[], path: YamlPath): string {
  const document = new Document(orderKeysCanonically(value, path));
  applyCanonicalStyle(document);
  return document.toString(YAML_OUTPUT_OPTIONS);
}

export function renderFlow(value: unknown, path: YamlPath, padded: boolean): string {
  const document = new Document(orderKeysCanonically(value, path));
  applyCanonicalStyle(document);
  if (isCollection(document.contents)) document.contents.flow = true;
  return document.toString({ ...YAML_OUTPUT_OPTIONS, flowCollectionPadding: padded }).trimEnd();
}

export function renderScalar(value: unknown, previousType: string | undefined): string {
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
export function indentLines(text: string, column: number): string {
  const pad = ' '.repeat(column);
  return text
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}

export function isBlockScalar(node: Node): boolean {
  return isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
}

export function isScalarValue(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function keyText(key: unknown): string | undefined {
  if (isScalar(key) && (typeof key.value === 'string' || typeof key.value === 'number'))
    return String(key.value);
  return undefined;
}

export function rangeOf(node: Node | null | undefined): [number, number, number] {
  if (!node?.range) throw new CannotSplice();
  return node.range;
}

/** Offsets and lines of the original text, and the values of its nodes. */
export class SourceText {
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
