import { isMap, isPair, isScalar, isSeq, parseDocument, YAMLParseError } from 'yaml';
import type { Document, DocumentOptions, ParseOptions, SchemaOptions, ToJSOptions } from 'yaml';

/**
 * How sysreg parses YAML (through `parseSystemYaml`, which the formatter uses too). YAML 1.2 core:
 * `yes` is a string. Duplicate keys are found by `findDuplicateKeys`, not the yaml library, whose check
 * compares each key with every earlier one (a 60,000-key file took minutes).
 */
export const YAML_PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  uniqueKeys: false,
  strict: true,
  prettyErrors: false,
  // Problems are reported as diagnostics; nothing is written to the process's stderr.
  logLevel: 'error',
};

/** A legitimate system file needs few aliases; this bounds "billion laughs" expansion. */
export const YAML_TO_JS_OPTIONS: ToJSOptions = { maxAliasCount: 20 };

/** Parses a system file's YAML as validate and fmt read it: sysreg's options, duplicate keys as errors. */
export function parseSystemYaml(text: string, options: ParseOptions = {}): Document {
  const document = parseDocument(text, { ...YAML_PARSE_OPTIONS, ...options });
  document.errors.push(...findDuplicateKeys(document));
  return document;
}

/**
 * A `DUPLICATE_KEY` error at each scalar key already set earlier in its map, in one pass per map. Keys
 * are equal as the yaml library's own check has it: the same scalar value.
 */
function findDuplicateKeys(document: Document): YAMLParseError[] {
  const found: YAMLParseError[] = [];
  // A direct walk rather than yaml's `visit`, which builds a path for every node: a tenth of the
  // parse on a 5,000-file repository. Same order: each map before what it holds, keys before values.
  const walk = (node: unknown): void => {
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        if (seen.has(pair.key.value)) {
          const start = pair.key.range?.[0] ?? 0;
          found.push(new YAMLParseError([start, start + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        } else seen.add(pair.key.value);
      }
      for (const pair of node.items) {
        walk(pair.key);
        walk(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item);
    } else if (isPair(node)) {
      walk(node.key);
      walk(node.value);
    }
  };
  walk(document.contents);
  return found;
}
