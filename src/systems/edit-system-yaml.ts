/**
 * The smallest edit to a system file that sets or deletes some values, for `sysreg drift --accept`:
 * text outside the edited nodes stays byte-identical, so the pull request shows only the drifted
 * fields. Edits are spliced into the original text at the source ranges the yaml parser reports; new
 * keys go where `fmt` would put them. Every result is checked by parsing it back; if a splice would not
 * read back as intended, that edit falls back to the yaml Document API (comments kept, layout
 * re-rendered). Pure.
 */
import { isDeepStrictEqual } from 'node:util';
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { holdsFieldNames, resolveFieldAlias } from './canonical-order.ts';
import type { YamlPath } from './canonical-order.ts';
import { SystemYamlEditError, type FieldEdit } from './field-edit.ts';
import { orderKeysCanonically } from './write-system-yaml.ts';
import { applySplices, CannotSplice, keyText } from './yaml-source-text.ts';
import { YAML_OUTPUT_OPTIONS } from './yaml-style.ts';
import { planSplices } from './yaml-splices.ts';

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
