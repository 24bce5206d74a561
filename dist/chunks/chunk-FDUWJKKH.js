import {
  compareKeysCanonically,
  holdsFieldNames,
  resolveFieldAlias
} from "./chunk-H7G7TA44.js";
import {
  MODELINE_PATTERN,
  SCHEMA_MODELINE,
  YAML_OUTPUT_OPTIONS,
  applyCanonicalStyle,
  renderDocument
} from "./chunk-GHDIG2VB.js";
import {
  writeFileAtomically
} from "./chunk-JQXKIT2I.js";
import {
  describeFileError
} from "./chunk-B7AQ6FAF.js";
import {
  canonicalFromLive,
  canonicalFromSpec,
  stringifyCanonicalJson
} from "./chunk-LTTDTWR3.js";
import {
  resolveSpec
} from "./chunk-TWCSMN77.js";
import {
  copyRequestFields
} from "./chunk-2QRLR2CN.js";
import {
  parseSystemFile
} from "./chunk-XTLGM2XZ.js";
import {
  Document,
  isAlias,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  parseDocument
} from "./chunk-BLFSHPJ3.js";
import {
  ENVIRONMENTS_KEY,
  FIELD_RULES
} from "./chunk-JUN6NXH3.js";

// src/adopt/write-file-set.ts
const { lstat, mkdir, rm } = globalThis.process.getBuiltinModule("node:fs/promises");
const path = globalThis.process.getBuiltinModule("node:path");
var NODE_FILE_SYSTEM = {
  writeFile: (target, text, options) => writeFileAtomically(target, text, options),
  removeFile: (target) => rm(target, { force: true })
};
var FileSetWriteError = class extends Error {
  exitCode = 1;
  /** The file whose write failed. */
  file;
  /** Files that could not be put back (empty when the rollback was complete). */
  notRolledBack;
  constructor(file, reason, notRolledBack) {
    const rest = notRolledBack.length === 0 ? "nothing was changed" : `these files could not be put back as they were: ${notRolledBack.join(", ")}`;
    super(`cannot write '${file}': ${reason}; ${rest}.`);
    this.name = "FileSetWriteError";
    this.file = file;
    this.notRolledBack = notRolledBack;
  }
};
async function writeFileSet(root, writes, fileSystem = NODE_FILE_SYSTEM) {
  for (const write of writes) {
    const info = await lstat(path.join(root, write.file)).catch(() => void 0);
    if (info && !info.isFile() && !info.isSymbolicLink()) {
      throw new FileSetWriteError(write.file, "it is a folder or other non-file", []);
    }
    if (info && write.previousText === void 0) {
      throw new FileSetWriteError(write.file, "it appeared while sysreg was working", []);
    }
  }
  const createdFolders = [];
  const done = [];
  for (const write of writes) {
    const target = path.join(root, write.file);
    try {
      const folder = await mkdir(path.dirname(target), { recursive: true });
      if (folder !== void 0) createdFolders.push(folder);
      await fileSystem.writeFile(target, write.text, { exclusive: write.previousText === void 0 });
    } catch (error) {
      const notRolledBack = await rollBack(root, done, fileSystem);
      for (const folder of createdFolders.reverse())
        await rm(folder, { recursive: true, force: true }).catch(() => void 0);
      throw new FileSetWriteError(write.file, describeFileError(error), notRolledBack);
    }
    done.push(write);
  }
}
async function rollBack(root, done, fileSystem) {
  const failed = [];
  for (const write of [...done].reverse()) {
    const target = path.join(root, write.file);
    try {
      if (write.previousText === void 0) await fileSystem.removeFile(target);
      else await fileSystem.writeFile(target, write.previousText, { exclusive: false });
    } catch {
      failed.push(write.file);
    }
  }
  return failed;
}

// src/systems/field-edit.ts
var SystemYamlEditError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "SystemYamlEditError";
  }
};

// src/systems/edit-system-yaml.ts
const { isDeepStrictEqual: isDeepStrictEqual3 } = globalThis.process.getBuiltinModule("node:util");

// src/systems/write-system-yaml.ts
const { isDeepStrictEqual } = globalThis.process.getBuiltinModule("node:util");
function renderSystemYaml(system, options = {}) {
  const fields = {};
  for (const rule of FIELD_RULES) {
    const value = system[rule.key];
    if (value === void 0) continue;
    const isDefault = rule.defaultValue !== void 0 && isDeepStrictEqual(value, rule.defaultValue);
    if (isDefault && rule.key !== "isVisible") continue;
    fields[rule.key] = value;
  }
  const environments = Object.entries(system.environments ?? {}).filter(
    ([, overrides]) => Object.values(overrides).some((value) => value !== void 0)
  );
  if (environments.length > 0) fields[ENVIRONMENTS_KEY] = Object.fromEntries(environments);
  const document = new Document(orderKeysCanonically(fields, []));
  applyCanonicalStyle(document);
  const header = (options.headerComment ?? "").split("\n").map((line) => line.trimEnd()).filter((line) => line.trim() !== "");
  document.commentBefore = [SCHEMA_MODELINE, ...header.map((line) => ` ${line}`)].join("\n");
  return renderDocument(document);
}
function orderKeysCanonically(value, path2) {
  if (Array.isArray(value)) return value.map((item, index) => orderKeysCanonically(item, [...path2, index]));
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value).filter(([, item]) => item !== void 0);
  entries.sort(([a], [b]) => compareKeysCanonically(path2, a, b));
  return Object.fromEntries(entries.map(([key, item]) => [key, orderKeysCanonically(item, [...path2, key])]));
}

// src/systems/yaml-source-text.ts
var CannotSplice = class extends Error {
};
function applySplices(text, splices) {
  const ordered = splices.map((splice, order) => ({ ...splice, order })).sort((a, b) => b.start - a.start || b.end - b.start - (a.end - a.start) || b.order - a.order);
  let result = text;
  for (const splice of ordered)
    result = result.slice(0, splice.start) + splice.text + result.slice(splice.end);
  return result;
}
function asInsertion(splice) {
  return { ...splice, end: splice.start };
}
function endOfPair(pair) {
  const value = pair.value;
  return value && !isAlias(value) ? rangeOf(value)[1] : rangeOf(pair.key)[1];
}
function renderBlock(value, path2) {
  const document = new Document(orderKeysCanonically(value, path2));
  applyCanonicalStyle(document);
  return document.toString(YAML_OUTPUT_OPTIONS);
}
function renderFlow(value, path2, padded) {
  const document = new Document(orderKeysCanonically(value, path2));
  applyCanonicalStyle(document);
  if (isCollection(document.contents)) document.contents.flow = true;
  return document.toString({ ...YAML_OUTPUT_OPTIONS, flowCollectionPadding: padded }).trimEnd();
}
function renderScalar(value, previousType) {
  const document = new Document(value);
  applyCanonicalStyle(document);
  const scalar = document.contents;
  if (isScalar(scalar) && typeof value === "string" && (previousType === "QUOTE_DOUBLE" || previousType === "QUOTE_SINGLE")) {
    scalar.type = previousType;
  }
  return document.toString(YAML_OUTPUT_OPTIONS).replace(/\n$/, "");
}
function indentLines(text, column) {
  const pad = " ".repeat(column);
  return text.split("\n").map((line) => line === "" ? line : pad + line).join("\n");
}
function isBlockScalar(node) {
  return isScalar(node) && (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED");
}
function isScalarValue(value) {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function keyText(key) {
  if (isScalar(key) && (typeof key.value === "string" || typeof key.value === "number"))
    return String(key.value);
  return void 0;
}
function rangeOf(node) {
  if (!node?.range) throw new CannotSplice();
  return node.range;
}
var SourceText = class {
  text;
  document;
  constructor(text, document) {
    this.text = text;
    this.document = document;
  }
  valueOf(node) {
    return node.toJS(this.document, { maxAliasCount: 100 });
  }
  lineStartOf(offset) {
    return this.text.lastIndexOf("\n", offset - 1) + 1;
  }
  /** True when only spaces precede `offset` on its line. */
  startsLine(offset) {
    return this.text.slice(this.lineStartOf(offset), offset).trim() === "";
  }
  columnOf(offset) {
    return offset - this.lineStartOf(offset);
  }
  /** The offset just past the line on which the text before `offset` ends. */
  endOfLineAt(offset) {
    if (offset > 0 && this.text[offset - 1] === "\n") return offset;
    const newline = this.text.indexOf("\n", offset);
    if (newline === -1) throw new CannotSplice();
    return newline + 1;
  }
  /** The `-` that introduces the sequence item starting at `offset`. */
  dashBefore(offset) {
    let index = offset - 1;
    while (index >= 0 && this.text[index] === " ") index -= 1;
    if (this.text[index] !== "-") throw new CannotSplice();
    return index;
  }
  /**
   * The start of the comment-only lines directly above the line of `offset` (which belong to it); the
   * schema modeline belongs to the file.
   */
  startOfCommentsAbove(offset) {
    let start = this.lineStartOf(offset);
    while (start > 0) {
      const previous = this.lineStartOf(start - 1);
      const line = this.text.slice(previous, start).trim();
      if (!line.startsWith("#") || MODELINE_PATTERN.test(line.slice(1))) break;
      start = previous;
    }
    return start;
  }
};

// src/systems/yaml-splices.ts
const { isDeepStrictEqual: isDeepStrictEqual2 } = globalThis.process.getBuiltinModule("node:util");
function planSplices(text, document, edit) {
  const source = new SourceText(text, document);
  let container = document.contents;
  let slot;
  let parentSlot;
  for (let depth = 0; depth < edit.path.length; depth += 1) {
    const segment = edit.path[depth];
    const here = edit.path.slice(0, depth);
    if (isMap(container)) {
      const pair = container.items.find((item) => keyText(item.key) === String(segment));
      if (!pair) {
        if (edit.value === void 0) return [];
        const missing = edit.path.slice(depth + 1);
        if (missing.some((part) => typeof part === "number")) throw new CannotSplice();
        const value = missing.reduceRight((inner, key) => ({ [key]: inner }), edit.value);
        return insertPair(source, container, here, String(segment), value);
      }
      parentSlot = slot;
      slot = { kind: "pair", map: container, pair };
      container = pair.value;
    } else if (isSeq(container) && typeof segment === "number") {
      if (segment === container.items.length && depth === edit.path.length - 1 && edit.value !== void 0) {
        return insertItems(source, container, here, container.items.length, [edit.value]);
      }
      if (segment >= container.items.length) {
        if (edit.value === void 0) return [];
        throw new CannotSplice();
      }
      parentSlot = slot;
      slot = { kind: "item", seq: container, index: segment };
      container = container.items[segment];
    } else {
      throw new SystemYamlEditError(
        `cannot edit ${edit.path.join(".")}: ${here.join(".") || "the top level"} is not a map or list`
      );
    }
  }
  if (!slot) throw new SystemYamlEditError("an edit needs a path");
  if (edit.value === void 0) {
    if (slot.kind === "item" && slot.seq.items.length === 1 && !slot.seq.flow && parentSlot?.kind === "pair") {
      return replaceSlot(source, parentSlot, edit.path.slice(0, -1), []);
    }
    return removeSlot(source, slot);
  }
  return replaceValue(source, slot, container, edit.path, edit.value);
}
function replaceValue(source, slot, node, path2, value) {
  if (node && !isAlias(node) && isDeepStrictEqual2(source.valueOf(node), value)) return [];
  if (isScalar(node) && isScalarValue(value) && !isBlockScalar(node)) {
    const rendered = renderScalar(value, node.type);
    if (!rendered.includes("\n")) return [{ start: rangeOf(node)[0], end: rangeOf(node)[1], text: rendered }];
  }
  if (isCollection(node) && node.flow) {
    if (node.items.length > 0 && (isMap(node) && isRecord(value) || isSeq(node) && Array.isArray(value))) {
      const padded = source.text[rangeOf(node)[0] + 1] === " ";
      const rendered = renderFlow(value, path2, padded);
      if (!rendered.includes("\n"))
        return [{ start: rangeOf(node)[0], end: rangeOf(node)[1], text: rendered }];
    }
  } else if (isMap(node) && isRecord(value) && node.items.length > 0) {
    return editMap(source, node, path2, value);
  } else if (isSeq(node) && Array.isArray(value) && value.length > 0 && node.items.length > 0) {
    return editSeq(source, node, path2, value);
  }
  return replaceSlot(source, slot, path2, value);
}
function editMap(source, map, path2, value) {
  const splices = [];
  for (const pair of map.items) {
    const key = keyText(pair.key);
    if (key === void 0) throw new CannotSplice();
    if (!(key in value) || value[key] === void 0) {
      splices.push(...removeSlot(source, { kind: "pair", map, pair }));
    } else {
      splices.push(
        ...replaceValue(source, { kind: "pair", map, pair }, pair.value, [...path2, key], value[key])
      );
    }
  }
  const existing = new Set(map.items.map((pair) => keyText(pair.key)));
  for (const [key, item] of Object.entries(value)) {
    if (item !== void 0 && !existing.has(key)) splices.push(...insertPair(source, map, path2, key, item));
  }
  return splices;
}
function editSeq(source, seq, path2, value) {
  const old = seq.items.map((item) => isAlias(item) ? /* @__PURE__ */ Symbol("alias") : source.valueOf(item));
  const kept = matchCommonSubsequence(old, value);
  const splices = [];
  const anchors = [[-1, -1], ...kept, [seq.items.length, value.length]];
  for (let k = 1; k < anchors.length; k += 1) {
    const [oldBefore, newBefore] = anchors[k - 1];
    const [oldAfter, newAfter] = anchors[k];
    const oldRun = oldAfter - oldBefore - 1;
    const newRun = newAfter - newBefore - 1;
    const pairsOfMaps = oldRun === newRun && Array.from({ length: oldRun }, (_, offset) => offset + 1).every(
      (offset) => isMap(seq.items[oldBefore + offset]) && isRecord(value[newBefore + offset])
    );
    if (pairsOfMaps) {
      for (let offset = 1; offset <= oldRun; offset += 1) {
        const index = oldBefore + offset;
        const slot = { kind: "item", seq, index };
        splices.push(
          ...replaceValue(
            source,
            slot,
            seq.items[index],
            [...path2, index],
            value[newBefore + offset]
          )
        );
      }
      continue;
    }
    for (let index = oldBefore + 1; index < oldAfter; index += 1) {
      splices.push(...removeSlot(source, { kind: "item", seq, index }));
    }
    if (newRun > 0) {
      splices.push(...insertItems(source, seq, path2, oldAfter, value.slice(newBefore + 1, newAfter)));
    }
  }
  return splices;
}
function matchCommonSubsequence(old, next) {
  const lengths = Array.from({ length: old.length + 1 }, () => new Array(next.length + 1).fill(0));
  for (let i2 = old.length - 1; i2 >= 0; i2 -= 1) {
    for (let j2 = next.length - 1; j2 >= 0; j2 -= 1) {
      const row = lengths[i2];
      row[j2] = isDeepStrictEqual2(old[i2], next[j2]) ? (lengths[i2 + 1]?.[j2 + 1] ?? 0) + 1 : Math.max(lengths[i2 + 1]?.[j2] ?? 0, row[j2 + 1] ?? 0);
    }
  }
  const pairs = [];
  let i = 0;
  let j = 0;
  while (i < old.length && j < next.length) {
    if (isDeepStrictEqual2(old[i], next[j])) {
      pairs.push([i, j]);
      i += 1;
      j += 1;
    } else if ((lengths[i + 1]?.[j] ?? 0) >= (lengths[i]?.[j + 1] ?? 0)) i += 1;
    else j += 1;
  }
  return pairs;
}
function insertPair(source, map, path2, key, value) {
  if (map.flow || map.items.length === 0) throw new CannotSplice();
  const column = source.columnOf(rangeOf(map.items[0]?.key)[0]);
  const rendered = indentLines(renderBlock({ [key]: value }, path2), column);
  const next = map.items.find((pair) => {
    const other = keyText(pair.key);
    return other !== void 0 && compareKeysCanonically(path2, key, other) < 0;
  });
  if (next) {
    const nextStart = rangeOf(next.key)[0];
    if (source.startsLine(nextStart)) {
      return [asInsertion({ start: source.startOfCommentsAbove(nextStart), end: -1, text: rendered })];
    }
    return [asInsertion({ start: nextStart, end: -1, text: rendered.slice(column) + " ".repeat(column) })];
  }
  const last = map.items[map.items.length - 1];
  return [asInsertion({ start: source.endOfLineAt(endOfPair(last)), end: -1, text: rendered })];
}
function insertItems(source, seq, path2, before, items) {
  if (seq.flow || seq.items.length === 0) throw new CannotSplice();
  const dash = source.dashBefore(rangeOf(seq.items[0])[0]);
  const rendered = indentLines(renderBlock(items, path2), source.columnOf(dash));
  const anchor = seq.items[before];
  const start = anchor ? source.startOfCommentsAbove(source.dashBefore(rangeOf(anchor)[0])) : source.endOfLineAt(rangeOf(seq.items[seq.items.length - 1])[1]);
  return [asInsertion({ start, end: -1, text: rendered })];
}
function removeSlot(source, slot) {
  if (slot.kind === "pair") {
    const keyStart = rangeOf(slot.pair.key)[0];
    if (slot.map.flow || !source.startsLine(keyStart)) throw new CannotSplice();
    return [
      {
        start: source.startOfCommentsAbove(keyStart),
        end: source.endOfLineAt(endOfPair(slot.pair)),
        text: ""
      }
    ];
  }
  if (slot.seq.flow) throw new CannotSplice();
  const item = slot.seq.items[slot.index];
  const start = source.startOfCommentsAbove(source.dashBefore(rangeOf(item)[0]));
  return [{ start, end: source.endOfLineAt(rangeOf(item)[1]), text: "" }];
}
function replaceSlot(source, slot, path2, value) {
  if (slot.kind === "pair") {
    if (slot.map.flow) throw new CannotSplice();
    const keyStart = rangeOf(slot.pair.key)[0];
    const key = keyText(slot.pair.key);
    if (key === void 0) throw new CannotSplice();
    const column = source.columnOf(keyStart);
    const rendered2 = indentLines(renderBlock({ [key]: value }, path2.slice(0, -1)), column);
    return [{ start: keyStart, end: source.endOfLineAt(endOfPair(slot.pair)), text: rendered2.slice(column) }];
  }
  if (slot.seq.flow) throw new CannotSplice();
  const item = slot.seq.items[slot.index];
  const dash = source.dashBefore(rangeOf(item)[0]);
  const rendered = indentLines(renderBlock([value], path2.slice(0, -1)), source.columnOf(dash));
  return [{ start: source.lineStartOf(dash), end: source.endOfLineAt(rangeOf(item)[1]), text: rendered }];
}

// src/systems/edit-system-yaml.ts
var EDIT_PARSE_OPTIONS = { uniqueKeys: true, strict: true, maxAliasCount: 100 };
function applyFieldEdits(text, edits) {
  const crlf = text.includes("\r\n");
  let current = crlf ? text.replace(/\r\n/g, "\n") : text;
  for (const edit of edits) current = applyFieldEdit(current, edit);
  return crlf ? current.replace(/\n/g, "\r\n") : current;
}
function applyFieldEdit(text, given) {
  const document = parseDocument(text, EDIT_PARSE_OPTIONS);
  if (document.errors.length > 0) {
    throw new SystemYamlEditError(
      `cannot edit a file that does not parse: ${document.errors[0]?.message ?? ""}`
    );
  }
  const edit = {
    path: spellPathAsWritten(document, given.path),
    value: toPlainData(given.value, given.path)
  };
  const expected = setValueAt(document.toJS({ maxAliasCount: 100 }), edit.path, edit.value);
  let spliced;
  try {
    spliced = applySplices(text, planSplices(text, document, edit));
  } catch (error) {
    if (!(error instanceof CannotSplice)) throw error;
  }
  if (spliced !== void 0 && readsBackAs(spliced, expected)) return spliced;
  return editThroughDocument(document, edit, expected);
}
function spellPathAsWritten(document, path2) {
  const spelled = [];
  let node = document.contents;
  for (const segment of path2) {
    let written = segment;
    if (isMap(node) && typeof segment === "string") {
      const pairs = node.items;
      let pair = pairs.find((item) => keyText(item.key) === segment);
      if (!pair && holdsFieldNames(spelled)) {
        pair = pairs.find((item) => {
          const key = keyText(item.key);
          return key !== void 0 && resolveFieldAlias(key) === segment;
        });
      }
      if (pair) written = keyText(pair.key) ?? segment;
      node = pair?.value;
    } else if (isSeq(node) && typeof segment === "number") {
      node = node.items[segment];
    } else {
      node = void 0;
    }
    spelled.push(written);
  }
  return spelled;
}
function toPlainData(value, path2) {
  if (value === void 0) return void 0;
  try {
    return structuredClone(value);
  } catch {
    throw new SystemYamlEditError(`the value for ${path2.join(".")} is not plain data`);
  }
}
function readsBackAs(text, expected) {
  const document = parseDocument(text, EDIT_PARSE_OPTIONS);
  return document.errors.length === 0 && isDeepStrictEqual3(document.toJS({ maxAliasCount: 100 }), expected);
}
function editThroughDocument(document, edit, expected) {
  if (edit.path.length === 0) throw new SystemYamlEditError("an edit needs a path");
  if (edit.value === void 0) document.deleteIn(edit.path);
  else document.setIn(edit.path, document.createNode(orderKeysCanonically(edit.value, edit.path)));
  const result = document.toString(YAML_OUTPUT_OPTIONS);
  if (!readsBackAs(result, expected)) {
    throw new SystemYamlEditError(
      `cannot set ${edit.path.join(".")}: the file's structure does not allow it`
    );
  }
  return result;
}
function setValueAt(data, path2, value) {
  const [head, ...rest] = path2;
  if (head === void 0) return value;
  if (Array.isArray(data) && typeof head === "number") {
    if (value === void 0 && head >= data.length) return data;
    const copy = [...data];
    if (rest.length === 0 && value === void 0) copy.splice(head, 1);
    else copy[head] = setValueAt(copy[head], rest, value);
    return copy;
  }
  const key = String(head);
  const exists = typeof data === "object" && data !== null && key in data;
  if (value === void 0 && !exists) return data;
  const record = typeof data === "object" && data !== null ? { ...data } : {};
  if (rest.length === 0 && value === void 0) delete record[key];
  else {
    const next = setValueAt(record[key], rest, value);
    if (next !== void 0) record[key] = next;
  }
  return record;
}

// src/adopt/check-written-system.ts
function findReadBackMismatch(file, text, environment, live) {
  const parsed = parseSystemFile(file, text);
  if (!parsed.document) {
    const first = parsed.diagnostics.find((diagnostic) => diagnostic.severity === "error");
    return first ? `line ${first.line}: ${first.message}` : "it does not parse";
  }
  const resolved = canonicalFromSpec(resolveSpec(parsed.document, environment));
  const wanted = canonicalFromLive(live);
  const differing = Object.entries(resolved).filter(([key, value]) => stringifyCanonicalJson(value) !== stringifyCanonicalJson(wanted[key])).map(([key]) => key);
  return differing.length === 0 ? void 0 : `${differing.join(", ")} would differ`;
}
function listChangedViews(file, before, text, views) {
  const after = parseSystemFile(file, text).document;
  const canonical = (spec) => stringifyCanonicalJson(canonicalFromSpec(spec));
  return views.filter(
    (view) => !after || canonical(resolveSpec(before, view)) !== canonical(resolveSpec(after, view))
  );
}

// src/adopt/spec-from-live.ts
function specFromLive(live) {
  const fields = copyRequestFields(live);
  return {
    ...fields,
    // Altinn drops empty client ids when it reads its text[] back; the file says what it will hold.
    clientId: fields.clientId.filter((clientId) => clientId !== ""),
    isDeleted: live.isDeleted === true
  };
}

export {
  SystemYamlEditError,
  renderSystemYaml,
  applyFieldEdits,
  findReadBackMismatch,
  listChangedViews,
  specFromLive,
  writeFileSet
};
