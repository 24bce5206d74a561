import {
  compareKeysCanonically,
  holdsFieldNames,
  resolveFieldAlias
} from "./chunk-H7G7TA44.js";
import {
  applyCanonicalStyle,
  placeSchemaModeline,
  renderDocument
} from "./chunk-GHDIG2VB.js";
import {
  writeFileAtomically
} from "./chunk-JQXKIT2I.js";
import {
  describeFileError
} from "./chunk-B7AQ6FAF.js";
import {
  parseSystemFile,
  readSystemFileText
} from "./chunk-XTLGM2XZ.js";
import {
  LineCounter,
  SYSTEMS_DIRECTORY,
  YAML_TO_JS_OPTIONS,
  discoverSystemFiles,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseSystemYaml,
  toRepoPath,
  visit
} from "./chunk-BLFSHPJ3.js";
import {
  ENVIRONMENTS_KEY
} from "./chunk-JUN6NXH3.js";
import {
  escapeTerminalLines,
  escapeTerminalText
} from "./chunk-RPKBACA5.js";
import {
  resolveFileArgument
} from "./chunk-BVG62MQ6.js";
import "./chunk-7VZ5H7B6.js";

// src/commands/fmt.ts
const { realpath } = globalThis.process.getBuiltinModule("node:fs/promises");
const path = globalThis.process.getBuiltinModule("node:path");

// src/systems/format.ts
const { isDeepStrictEqual } = globalThis.process.getBuiltinModule("node:util");
function formatSystemYaml(text) {
  const unchanged = (problems2) => ({ text, changed: false, problems: problems2 });
  const lineCounter = new LineCounter();
  const document = parseSystemYaml(text, { prettyErrors: true, lineCounter });
  if (document.errors.length > 0) {
    return unchanged(document.errors.map((error) => describeYamlError(error, lineCounter)));
  }
  if (!isMap(document.contents)) {
    return unchanged(["the file must hold one mapping of fields (id, vendor, name, \u2026) at the top level"]);
  }
  const strayBreak = findStrayLineBreakInComments(document, text, lineCounter);
  if (strayBreak) return unchanged([strayBreak]);
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
  const firstKey = isMap(document.contents) ? document.contents.items[0]?.key : void 0;
  if (isScalar(firstKey)) firstKey.spaceBefore = false;
  problems.push(...findUnwritableNodes(document));
  if (problems.length > 0) return unchanged(problems);
  applyCanonicalStyle(document);
  const formatted = renderDocument(document);
  if (formatted === text) return { text, changed: false, problems: [] };
  const reparsed = parseSystemYaml(formatted);
  if (reparsed.errors.length > 0 || !isDeepStrictEqual(readMeaning(reparsed), before)) {
    return unchanged([
      "formatting would change what the file means; it was left as it is (please report this)"
    ]);
  }
  return { text: formatted, changed: formatted !== text, problems: [] };
}
function formatSystemFile(file, text) {
  const before = parseSystemFile(file, text);
  if (!before.document && !before.draft) {
    const first = before.diagnostics.find((d) => d.severity === "error");
    const why = first ? `: ${first.message.replace(/\.$/, "")} (line ${first.line}, column ${first.column})` : "";
    return {
      problems: [`it does not read as a system file${why}; fix what 'sysreg validate' reports first`]
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
        "formatting would change what 'sysreg validate' reports; the file was left as it is (please report this)"
      ]
    };
  }
  return { changed: true, text: result.text };
}
function countErrorsByRule(parsed) {
  const counts = /* @__PURE__ */ new Map();
  for (const d of parsed.diagnostics)
    if (d.severity === "error") counts.set(d.ruleId, (counts.get(d.ruleId) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).join(";");
}
function describeYamlError(error, lineCounter) {
  if (error.linePos) return error.message.trim();
  const { line, col } = lineCounter.linePos(error.pos[0]);
  return `${error.message} at line ${line}, column ${col}`;
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
function arrangeNode(node, path2, problems) {
  if (isSeq(node)) {
    node.items.forEach((item, index) => arrangeNode(item, [...path2, index], problems));
    return;
  }
  if (!isMap(node)) return;
  if (holdsFieldNames(path2)) renameAliasKeys(node.items, path2, problems);
  for (const pair of node.items) {
    const key = keyText(pair.key);
    if (key !== void 0) arrangeNode(pair.value, [...path2, key], problems);
  }
  node.items.sort((a, b) => {
    const keyA = keyText(a.key);
    const keyB = keyText(b.key);
    return keyA === void 0 || keyB === void 0 ? 0 : compareKeysCanonically(path2, keyA, keyB);
  });
}
function findUnwritableNodes(document) {
  const anchored = /* @__PURE__ */ new Set();
  const problems = [];
  visit(document, (_key, node) => {
    if (isScalar(node) && node.value instanceof Uint8Array) {
      problems.push("a `!!binary` value is not something a system file holds; remove it");
      return;
    }
    if (isAlias(node)) {
      if (!anchored.has(node.source)) {
        problems.push(
          `the canonical key order would put the alias *${node.source} before its anchor &${node.source}; write the value out instead of the alias, or move the anchor to the first place it is used`
        );
      }
      return;
    }
    if (node !== null && typeof node === "object" && "anchor" in node && typeof node.anchor === "string")
      anchored.add(node.anchor);
  });
  return problems;
}
var STRAY_LINE_BREAK = /[\r\u2028\u2029]/;
function findStrayLineBreakInComments(document, text, lineCounter) {
  const comments = [document.commentBefore, document.comment];
  visit(document, (_key, node) => {
    const commented = node;
    comments.push(commented.commentBefore, commented.comment);
  });
  for (const comment of comments) {
    const line = comment?.split("\n").find((part) => STRAY_LINE_BREAK.test(part));
    if (line === void 0) continue;
    const found = STRAY_LINE_BREAK.exec(line);
    const before = line.slice(0, found?.index);
    const offset = text.indexOf(`#${before}${found?.[0]}`);
    const where = offset === -1 ? "" : `line ${lineCounter.linePos(offset).line}: `;
    const code = (found?.[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
    return `${where}a comment holds a line break (U+${code}) that does not end the line; YAML readers disagree on where that comment ends, so the file was left as it is: remove the character`;
  }
  return void 0;
}
function renameAliasKeys(pairs, path2, problems) {
  const written = new Set(pairs.map((pair) => isPair(pair) ? keyText(pair.key) : void 0));
  for (const pair of pairs) {
    if (!isPair(pair) || !isScalar(pair.key) || typeof pair.key.value !== "string") continue;
    const alias = pair.key.value;
    const canonical = resolveFieldAlias(alias);
    if (canonical === void 0) continue;
    const where = path2.length === 0 ? "" : ` under ${path2.join(".")}`;
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
  if (isScalar(key) && (typeof key.value === "string" || typeof key.value === "number"))
    return String(key.value);
  return void 0;
}

// src/commands/fmt.ts
var command = {
  name: "fmt",
  declare(commandLine) {
    commandLine.usage("[--check] [paths\u2026]").description(
      `Rewrites system files into the canonical form: key order, field spelling, quoting and list style.
Comments stay with the keys they are written above. Files that are already canonical are not
touched, nor are files that do not read as system files (fix what \`sysreg validate\` reports
first), nor targets of symbolic links that lead out of systems/.`
    ).argument("[paths...]", "Files or folders to format (default: systems/).").option("--check", "Change nothing; list the files that would change and exit 1 if there are any.").addHelpText("after", "\nExit status: 0 when every file is (or now is) canonical, 1 otherwise.");
  },
  async run(context, { options, operands }) {
    const { stdout, stderr, cwd } = context;
    const check = options.check === true;
    const { files, diagnostics } = discoverSystemFiles(
      cwd,
      operands.map((given) => resolveFileArgument(context, given))
    );
    let failures = 0;
    for (const diagnostic of diagnostics) {
      stderr.write(escapeTerminalText(`${diagnostic.file}: ${diagnostic.message}`) + "\n");
      failures += 1;
    }
    const changed = [];
    const systemsFolder = await realpath(path.join(cwd, SYSTEMS_DIRECTORY)).catch(() => void 0);
    for (const file of files) {
      const shownPath = escapeTerminalText(file.path);
      const result = await formatFile(file);
      if ("problems" in result) {
        for (const problem of result.problems) {
          stderr.write(`${shownPath}: cannot format: ${indentContinuation(escapeTerminalLines(problem))}
`);
        }
        failures += 1;
        continue;
      }
      if (!result.changed) continue;
      changed.push(file.path);
      if (check) {
        stdout.write(`${shownPath}
`);
        continue;
      }
      const target = await resolveWriteTarget(cwd, file, systemsFolder);
      if (typeof target !== "string") {
        stderr.write(`${shownPath}: not written: ${target.problem}
`);
        failures += 1;
        continue;
      }
      try {
        await writeFileAtomically(target, result.text);
      } catch (error) {
        stderr.write(`${shownPath}: cannot write: ${describeFileError(error)}
`);
        failures += 1;
        continue;
      }
      stdout.write(`formatted ${shownPath}
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
async function formatFile(file) {
  const decoded = readSystemFileText(file);
  if (!decoded.ok) {
    const { line, column, message } = decoded.diagnostic;
    return { problems: [`${message} (line ${line}, column ${column})`] };
  }
  return formatSystemFile(file.path, decoded.text);
}
async function resolveWriteTarget(root, file, systemsFolder) {
  const realRoot = await realpath(root).catch(() => path.resolve(root));
  const real = await realpath(file.absolutePath).catch(() => void 0);
  if (real === void 0) return { problem: "the file is gone" };
  const asWritten = path.join(realRoot, toRepoPath(root, file.absolutePath));
  if (real === asWritten) return real;
  const relative = systemsFolder === void 0 ? ".." : path.relative(systemsFolder, real);
  if (relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative)) return real;
  return {
    problem: `it is reached through a symbolic link that leads out of ${SYSTEMS_DIRECTORY}/ (to '${escapeTerminalText(toRepoPath(realRoot, real))}'); fmt does not write through it`
  };
}
function indentContinuation(text) {
  return text.replace(/\n/g, "\n    ");
}
export {
  command
};
