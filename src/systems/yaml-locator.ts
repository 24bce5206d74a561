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
  parseDocument,
  type Document,
  type Node,
} from 'yaml';
import type { SourceSpan } from '../model/diagnostic.ts';
import { CANONICAL_FIELD_BY_ALIAS, ENVIRONMENTS_KEY } from '../model/fields.ts';
import type { SourcePath } from './parsed-file.ts';
import { YAML_PARSE_OPTIONS } from './yaml-options.ts';

export interface ParsedYaml {
  yamlDocument: Document;
  lineCounter: LineCounter;
}

export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  return { yamlDocument: parseDocument(text, { ...YAML_PARSE_OPTIONS, lineCounter }), lineCounter };
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
                (item) =>
                  isScalar(item.key) && CANONICAL_FIELD_BY_ALIAS.get(String(item.key.value)) === segment,
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
