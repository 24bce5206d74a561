import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  compareKeysCanonically,
  holdsFieldNames,
  resolveFieldAlias
} from "./chunk-JNRPWCH6.js";
import {
  writeFileAtomically
} from "./chunk-J6RVAHHL.js";
import {
  applyCanonicalStyle,
  describeFileError,
  placeSchemaModeline,
  renderDocument
} from "./chunk-LRC75U72.js";
import {
  YAML_PARSE_OPTIONS,
  YAML_TO_JS_OPTIONS,
  decodeSystemFile
} from "./chunk-7XM6UA5P.js";
import {
  ENVIRONMENTS_KEY
} from "./chunk-PD2XGLPH.js";
import {
  discoverSystemFiles,
  require_dist
} from "./chunk-KBDEQPMX.js";
import {
  UsageError,
  resolveFileArgument
} from "./chunk-DFEVOAXM.js";
import {
  __toESM
} from "./chunk-PFLRPMBQ.js";

// src/commands/fmt.ts
import { readFile, realpath } from "node:fs/promises";
import { parseArgs } from "node:util";

// src/systems/format.ts
var import_yaml = __toESM(require_dist(), 1);
import { isDeepStrictEqual } from "node:util";
var FORMAT_PARSE_OPTIONS = { ...YAML_PARSE_OPTIONS, prettyErrors: true };
function formatSystemYaml(text) {
  const unchanged = (problems2) => ({ text, changed: false, problems: problems2 });
  const document = (0, import_yaml.parseDocument)(text, FORMAT_PARSE_OPTIONS);
  if (document.errors.length > 0) {
    return unchanged(document.errors.map((error) => error.message.trim()));
  }
  if (!(0, import_yaml.isMap)(document.contents)) {
    return unchanged(["the file must hold one mapping of fields (id, vendor, name, …) at the top level"]);
  }
  let before;
  try {
    before = readMeaning(document);
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    return unchanged([
      `YAML aliases expand too much (more than ${YAML_TO_JS_OPTIONS.maxAliasCount} expansions)`
    ]);
  }
  const problems = [];
  placeSchemaModeline(document);
  arrangeNode(document.contents, [], problems);
  if (problems.length > 0) return unchanged(problems);
  applyCanonicalStyle(document);
  const formatted = renderDocument(document);
  if (formatted === text) return { text, changed: false, problems: [] };
  const reparsed = (0, import_yaml.parseDocument)(formatted, FORMAT_PARSE_OPTIONS);
  if (reparsed.errors.length > 0 || !isDeepStrictEqual(readMeaning(reparsed), before)) {
    return unchanged([
      "formatting would change what the file means; it was left as it is (please report this)"
    ]);
  }
  return { text: formatted, changed: formatted !== text, problems: [] };
}
function readMeaning(document) {
  const data = document.toJS(YAML_TO_JS_OPTIONS);
  if (!isPlainRecord(data)) return data;
  const fields = renameFieldAliases(data);
  const environments = fields[ENVIRONMENTS_KEY];
  if (isPlainRecord(environments)) {
    fields[ENVIRONMENTS_KEY] = Object.fromEntries(
      Object.entries(environments).map(([name, overrides]) => [
        name,
        isPlainRecord(overrides) ? renameFieldAliases(overrides) : overrides
      ])
    );
  }
  return fields;
}
function renameFieldAliases(record) {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [resolveFieldAlias(key) ?? key, value])
  );
}
function isPlainRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function arrangeNode(node, path, problems) {
  if ((0, import_yaml.isSeq)(node)) {
    node.items.forEach((item, index) => arrangeNode(item, [...path, index], problems));
    return;
  }
  if (!(0, import_yaml.isMap)(node)) return;
  if (holdsFieldNames(path)) renameAliasKeys(node.items, path, problems);
  for (const pair of node.items) {
    const key = keyText(pair.key);
    if (key !== void 0) arrangeNode(pair.value, [...path, key], problems);
  }
  node.items.sort((a, b) => {
    const keyA = keyText(a.key);
    const keyB = keyText(b.key);
    return keyA === void 0 || keyB === void 0 ? 0 : compareKeysCanonically(path, keyA, keyB);
  });
}
function renameAliasKeys(pairs, path, problems) {
  const written = new Set(pairs.map((pair) => (0, import_yaml.isPair)(pair) ? keyText(pair.key) : void 0));
  for (const pair of pairs) {
    if (!(0, import_yaml.isPair)(pair) || !(0, import_yaml.isScalar)(pair.key) || typeof pair.key.value !== "string") continue;
    const alias = pair.key.value;
    const canonical = resolveFieldAlias(alias);
    if (canonical === void 0) continue;
    const where = path.length === 0 ? "" : ` under ${path.join(".")}`;
    if (written.has(canonical)) {
      problems.push(
        `'${alias}' and '${canonical}'${where} are the same field written twice; keep one (canonical: '${canonical}')`
      );
      continue;
    }
    written.add(canonical);
    pair.key.value = canonical;
  }
}
function keyText(key) {
  if ((0, import_yaml.isScalar)(key) && (typeof key.value === "string" || typeof key.value === "number"))
    return String(key.value);
  return void 0;
}

// src/commands/fmt.ts
var USAGE = `Usage: sysreg fmt [--check] [paths…]

Rewrites system files into the canonical form: key order, field spelling, quoting and list style.
Comments stay with the keys they are written above. Files that are already canonical are not touched.

Options:
  --check   Change nothing; list the files that would change and exit 1 if there are any.

Paths default to systems/. Exit 0 when every file is (or now is) canonical, 1 otherwise.
`;
var command = {
  name: "fmt",
  summary: "Rewrite system files into the canonical form (or --check that they are).",
  usage: USAGE,
  async run(context) {
    const { argv, stdout, stderr, cwd } = context;
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: { check: { type: "boolean" } }, allowPositionals: true });
    } catch (error) {
      throw new UsageError(`${error instanceof Error ? error.message : String(error)}

${USAGE}`);
    }
    const check = parsed.values.check === true;
    const { files, diagnostics } = await discoverSystemFiles(
      cwd,
      parsed.positionals.map((given) => resolveFileArgument(context, given))
    );
    let failures = 0;
    for (const diagnostic of diagnostics) {
      stderr.write(`${diagnostic.file}: ${diagnostic.message}
`);
      failures += 1;
    }
    const changed = [];
    for (const file of files) {
      const text = await readSystemText(file);
      if (typeof text !== "string") {
        stderr.write(`${file.path}: cannot format: ${text.problem}
`);
        failures += 1;
        continue;
      }
      const result = formatSystemYaml(text);
      if (result.problems.length > 0) {
        for (const problem of result.problems) {
          stderr.write(`${file.path}: cannot format: ${indentContinuation(problem)}
`);
        }
        failures += 1;
        continue;
      }
      if (!result.changed) continue;
      changed.push(file.path);
      if (check) {
        stdout.write(`${file.path}
`);
        continue;
      }
      try {
        await writeFileAtomically(await realpath(file.absolutePath), result.text);
      } catch (error) {
        stderr.write(`${file.path}: cannot write: ${describeFileError(error)}
`);
        failures += 1;
        continue;
      }
      stdout.write(`formatted ${file.path}
`);
    }
    const noun = (count) => `${count} file${count === 1 ? "" : "s"}`;
    if (check) {
      if (changed.length > 0) {
        stderr.write(`${noun(changed.length)} not in canonical form; run 'sysreg fmt' to rewrite them.
`);
      } else if (failures === 0) {
        stdout.write(`${noun(files.length)} already in canonical form.
`);
      }
      return changed.length > 0 || failures > 0 ? 1 : 0;
    }
    if (changed.length === 0 && failures === 0)
      stdout.write(`${noun(files.length)} already in canonical form.
`);
    return failures > 0 ? 1 : 0;
  }
};
async function readSystemText(file) {
  let bytes;
  try {
    bytes = await readFile(file.absolutePath);
  } catch (error) {
    return { problem: `cannot read: ${describeFileError(error)}` };
  }
  const decoded = decodeSystemFile(file.path, bytes);
  if (decoded.ok) return decoded.text;
  const { line, column, message } = decoded.diagnostic;
  return { problem: `${message} (line ${line}, column ${column})` };
}
function indentContinuation(text) {
  return text.replace(/\n/g, "\n    ");
}
export {
  command
};
