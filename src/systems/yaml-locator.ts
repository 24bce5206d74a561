/**
 * Where a path of a system file is written: walks the parsed YAML nodes (alias spellings included) to
 * a line and column. The nodes are dropped once a file is clean and re-parsed on demand.
 */
import {
  isAlias,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Document,
  type Node,
  type Pair,
} from 'yaml';
import type { SourceSpan } from '../model/diagnostic.ts';
import { CANONICAL_FIELD_BY_ALIAS, ENVIRONMENTS_KEY } from '../model/fields.ts';
import type { SourcePath } from './parsed-file.ts';
import { parseSystemYaml } from './yaml-options.ts';

export interface ParsedYaml {
  yamlDocument: Document;
  lineCounter: LineCounter;
}

export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  return { yamlDocument: parseSystemYaml(text, { lineCounter }), lineCounter };
}

export function createLocator(file: string, text: string, parsed: ParsedYaml) {
  let retained: ParsedYaml | undefined = parsed;
  const nodes = (): ParsedYaml => (retained ??= parseYaml(text));

  const spanOf = (range: readonly number[] | null | undefined): SourceSpan => {
    if (!range) return { file, line: 1, column: 1 };
    const { lineCounter } = nodes();
    const start = lineCounter.linePos(range[0] ?? 0);
    const end = lineCounter.linePos(range[1] ?? range[0] ?? 0);
    return { file, line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
  };

  /**
   * Each map's pairs by key text, built on first look-up, so locating thousands of diagnostics in one
   * map stays linear. The first pair of a spelling wins, as a linear search would find it.
   */
  const pairIndexes = new WeakMap<object, { byKey: Map<string, Pair>; byCanonical: Map<string, Pair> }>();
  const indexPairs = (map: { items: Pair[] }) => {
    let index = pairIndexes.get(map);
    if (!index) {
      index = { byKey: new Map(), byCanonical: new Map() };
      for (const item of map.items) {
        if (!isScalar(item.key)) continue;
        const text = String(item.key.value);
        if (!index.byKey.has(text)) index.byKey.set(text, item);
        const canonical = CANONICAL_FIELD_BY_ALIAS.get(text);
        if (canonical !== undefined && !index.byCanonical.has(canonical))
          index.byCanonical.set(canonical, item);
      }
      pairIndexes.set(map, index);
    }
    return index;
  };

  /** Walks the nodes along `path` as far as they are written. */
  const walk = (path: SourcePath) => {
    let current: unknown = nodes().yamlDocument.contents;
    let keyNode: Node | undefined;
    let depth = 0;
    for (const segment of path) {
      if (isMap(current)) {
        const aliasable = depth === 0 || (depth === 2 && path[0] === ENVIRONMENTS_KEY);
        const index = indexPairs(current as { items: Pair[] });
        const pair =
          index.byKey.get(String(segment)) ??
          (aliasable ? index.byCanonical.get(String(segment)) : undefined);
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
