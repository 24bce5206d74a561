import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  SystemYamlEditError,
  applyFieldEdits,
  findReadBackMismatch,
  listChangedViews,
  renderSystemYaml,
  specFromLive
} from "./chunk-DQZAKIT7.js";
import {
  ENVIRONMENT_NAME_PATTERN
} from "./chunk-3HH4NMVQ.js";
import {
  describeFileError
} from "./chunk-OZUNW4M4.js";
import {
  canonicalFromSpec,
  stringifyCanonicalJson
} from "./chunk-JNF55H2Q.js";
import {
  validateSystems
} from "./chunk-NG2XJFTZ.js";
import {
  environmentsOf,
  resolveSpec
} from "./chunk-U457DVOV.js";
import {
  DEFAULT_CATALOGUE
} from "./chunk-G7IWAAZC.js";
import {
  MAX_SYSTEM_FILE_BYTES,
  parseSystemFile
} from "./chunk-WZTWGM6U.js";
import {
  toRepoPath
} from "./chunk-5DKA26V4.js";
import {
  ENVIRONMENTS_KEY,
  FIELD_RULES
} from "./chunk-DRPIBXME.js";
import {
  UsageError
} from "./chunk-DFEVOAXM.js";

// src/adopt/systems-folder.ts
import { lstat, readdir, readFile, realpath } from "node:fs/promises";
import path from "node:path";
var YAML_FILE = /\.ya?ml$/i;
async function resolveSystemsFolder(root, given) {
  const rootPath = path.resolve(root);
  const realRoot = await realpath(rootPath).catch(() => rootPath);
  const absolute = path.resolve(rootPath, given);
  const relative = toRepoPath(rootPath, absolute);
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) {
    throw new UsageError(
      `--dir '${given}' is not a folder inside the repository at '${rootPath}'; sysreg writes system files only there.`
    );
  }
  let existing = absolute;
  while (!await lstat(existing).catch(() => void 0) && existing !== rootPath) {
    existing = path.dirname(existing);
  }
  const real = await realpath(existing).catch(() => existing);
  const inside = path.relative(realRoot, real);
  if (inside.startsWith("..") || path.isAbsolute(inside)) {
    throw new UsageError(
      `--dir '${given}' leads outside the repository (through a symbolic link); sysreg writes system files only inside it.`
    );
  }
  const info = await lstat(existing).catch(() => void 0);
  if (existing === absolute && info && !info.isDirectory() && !info.isSymbolicLink()) {
    throw new UsageError(`--dir '${given}' is not a folder.`);
  }
  return relative;
}
async function readSystemsFolder(root, directory) {
  const files = [];
  const walk = async (relative) => {
    const absolute = path.join(root, relative);
    let entries;
    try {
      entries = await readdir(absolute, { withFileTypes: true });
    } catch (error) {
      if (relative === directory && error.code === "ENOENT") return;
      throw new UsageError(`cannot read folder '${relative}': ${describeFileError(error)}.`);
    }
    for (const entry of entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) await walk(child);
      else
        files.push({
          file: child,
          text: YAML_FILE.test(entry.name) ? await readText(root, child) : void 0
        });
    }
  };
  await walk(directory);
  return files;
}
async function readText(root, file) {
  try {
    const bytes = await readFile(path.join(root, file));
    if (bytes.length > MAX_SYSTEM_FILE_BYTES) return void 0;
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return void 0;
  }
}

// src/adopt/import-systems.ts
import path2 from "node:path";
var YAML_FILE2 = /\.ya?ml$/i;
var FOLDER_FURNITURE = /^(readme|license|codeowners)(\.[a-z]+)?$/i;
var SAFE_ID = /^[A-Za-z0-9._-]+$/;
var MAX_FILE_NAME_BYTES = 255;
function planImport(input) {
  const { environment } = input;
  const problems = [];
  const filesById = indexFolder(input.folder, problems);
  const filesByPath = new Map(input.folder.map((file) => [file.file, file]));
  const systems = [];
  const writes = [];
  const vendorId = `0192:${input.vendorOrgNumber}`;
  for (const { id, lookup } of input.systems) {
    const live = readOwnSystem(id, lookup, vendorId, environment, problems);
    if (!live) continue;
    const unsafe = describeUnsafeFileName(id);
    if (unsafe) {
      problems.push({
        systemId: id,
        message: `'${id}' cannot be a file name: ${unsafe}.`,
        hint: "Import the other systems with --only, and ask Digdir about this id."
      });
      continue;
    }
    const spec = specFromLive(live);
    const existing = filesById.get(id) ?? [];
    if (existing.length > 1) {
      problems.push({
        systemId: id,
        message: `'${id}' is declared by more than one file: ${existing.map((found) => found.file).join(", ")}.`,
        hint: "Keep one file per system."
      });
      continue;
    }
    const outcome = planSystemFile(existing[0], spec, live, input, filesByPath, problems);
    if (!outcome) continue;
    systems.push(outcome.system);
    if (outcome.write) writes.push(outcome.write);
  }
  return { environment, systems, writes, problems, diagnostics: validateWritten(input.folder, writes) };
}
function validateWritten(folder, writes) {
  if (writes.length === 0) return [];
  const texts = /* @__PURE__ */ new Map();
  for (const entry of folder)
    if (entry.text !== void 0 && YAML_FILE2.test(entry.file)) texts.set(entry.file, entry.text);
  for (const write of writes) texts.set(write.file, write.text);
  const parsed = [...texts].map(([file, text]) => parseSystemFile(file, text));
  const written = new Set(writes.map((write) => write.file));
  return validateSystems(parsed, { catalogue: DEFAULT_CATALOGUE }).filter(
    (diagnostic) => written.has(diagnostic.file)
  );
}
function replaceKeepingOtherEnvironments(found, spec, environment, problems) {
  const rendered = renderImportedSystem(spec, environment);
  const others = found.document ? environmentsOf(found.document).filter((name) => name !== environment) : [];
  if (!found.document || others.length === 0) return { text: rendered, kept: [] };
  const newBase = canonicalJsonOf(spec);
  const edits = [];
  const kept = [];
  for (const name of others) {
    const view = resolveSpec(found.document, name);
    const viewCanonical = canonicalJsonOf(view);
    const fields = OVERRIDABLE_FIELDS.filter((key) => fieldOf(viewCanonical, key) !== fieldOf(newBase, key));
    for (const key of fields) edits.push({ path: [ENVIRONMENTS_KEY, name, key], value: view[key] });
    kept.push({ environment: name, fields });
  }
  if (edits.length === 0) return { text: rendered, kept };
  try {
    return { text: applyFieldEdits(rendered, edits), kept };
  } catch (error) {
    if (!(error instanceof SystemYamlEditError)) throw error;
    problems.push({
      file: found.file,
      systemId: spec.id,
      message: `cannot keep the other environments' overrides in '${found.file}': ${error.message}.`
    });
    return void 0;
  }
}
var OVERRIDABLE_FIELDS = FIELD_RULES.filter((rule) => rule.overridable).map(
  (rule) => rule.key
);
function planSystemFile(found, spec, live, input, filesByPath, problems) {
  const { environment } = input;
  const outcome = (file, action, text2, fields = []) => ({
    system: { systemId: spec.id, file, action, tombstone: spec.isDeleted, fields },
    ...text2 === void 0 ? {} : { write: { file, text: text2, previousText: found?.text } }
  });
  if (!found) {
    const file = path2.posix.join(input.directory, `${spec.id}.yaml`);
    if (filesByPath.has(file)) {
      problems.push({
        file,
        systemId: spec.id,
        message: `'${file}' exists but does not declare '${spec.id}'.`
      });
      return void 0;
    }
    const text2 = renderImportedSystem(spec, environment);
    return checkReadsBack(file, text2, environment, live, problems) ? outcome(file, "create", text2) : void 0;
  }
  if (input.overwrite) {
    const replaced = replaceKeepingOtherEnvironments(found, spec, environment, problems);
    if (!replaced) return void 0;
    const { text: text2, kept: kept2 } = replaced;
    if (!checkReadsBack(found.file, text2, environment, live, problems)) return void 0;
    if (found.document && !checkOthersKept(found.file, found.document, text2, environment, problems, false))
      return void 0;
    if (text2 === found.text) return outcome(found.file, "unchanged");
    const planned = outcome(found.file, "replace", text2);
    return { ...planned, system: { ...planned.system, kept: kept2 } };
  }
  if (!found.document) {
    problems.push({
      file: found.file,
      systemId: spec.id,
      message: `'${found.file}' has errors, so overrides for ${environment} cannot be added to it.`,
      hint: "Fix it first ('sysreg validate'), or replace it with --overwrite."
    });
    return void 0;
  }
  const merged = planOverrides(found.file, found.document, environment, spec, problems);
  if (!merged) return void 0;
  if (merged.edits.length === 0) return outcome(found.file, "unchanged");
  let text;
  try {
    text = applyFieldEdits(found.text, merged.edits);
  } catch (error) {
    if (!(error instanceof SystemYamlEditError)) throw error;
    problems.push({
      file: found.file,
      systemId: spec.id,
      message: `cannot edit '${found.file}': ${error.message}.`
    });
    return void 0;
  }
  const kept = checkReadsBack(found.file, text, environment, live, problems) && checkOthersKept(found.file, found.document, text, environment, problems);
  return kept ? outcome(found.file, "override", text, merged.fields) : void 0;
}
function describeUnsafeFileName(id) {
  if (!SAFE_ID.test(id)) {
    const bad = [...new Set([...id].filter((character) => !SAFE_ID.test(character)))];
    return `it holds ${bad.map((character) => JSON.stringify(character)).join(", ")}; only letters A–Z, digits, '.', '_' and '-' are safe`;
  }
  if (id.startsWith(".") || id.includes("..")) return "it starts with '.' or holds '..'";
  if (Buffer.byteLength(`${id}.yaml`) > MAX_FILE_NAME_BYTES) {
    return `'${id}.yaml' is longer than ${MAX_FILE_NAME_BYTES} bytes`;
  }
  return void 0;
}
function renderImportedSystem(spec, environment) {
  const header = [`Imported from Altinn (${environment}) by 'sysreg import'.`];
  if (spec.isDeleted) {
    header.push(
      `Deleted in ${environment}: a tombstone. The id can never be used again; keep this file so it is not.`
    );
  }
  return renderSystemYaml(spec, { headerComment: header.join("\n") });
}
function indexFolder(folder, problems) {
  const byId = /* @__PURE__ */ new Map();
  for (const entry of folder) {
    const name = path2.posix.basename(entry.file);
    if (!YAML_FILE2.test(name)) {
      if (FOLDER_FURNITURE.test(name)) continue;
      problems.push({
        file: entry.file,
        message: `'${entry.file}' is not a system file, and import writes only into a folder of system files.`,
        hint: "Check --dir, or move the file out of the folder."
      });
      continue;
    }
    if (entry.text === void 0) {
      problems.push({ file: entry.file, message: `'${entry.file}' cannot be read as a text file.` });
      continue;
    }
    const parsed = parseSystemFile(entry.file, entry.text);
    const declared = parsed.document ?? parsed.draft;
    if (!declared) {
      const first = parsed.diagnostics.find((diagnostic) => diagnostic.severity === "error");
      const where = first ? ` (line ${first.line}: ${first.message})` : "";
      problems.push({
        file: entry.file,
        message: `'${entry.file}' is not a system file sysreg can read${where}.`,
        hint: "Fix it ('sysreg validate'), move it out of the folder, or check --dir."
      });
      continue;
    }
    const list = byId.get(declared.id) ?? [];
    list.push({ file: entry.file, text: entry.text, document: parsed.document });
    byId.set(declared.id, list);
  }
  return byId;
}
function readOwnSystem(id, lookup, vendorId, environment, problems) {
  if (lookup.status === "absent") {
    problems.push({ systemId: id, message: `there is no system '${id}' in ${environment}.` });
    return void 0;
  }
  if (lookup.status === "forbidden" || lookup.system.vendor?.ID !== vendorId) {
    problems.push({
      systemId: id,
      message: `'${id}' in ${environment} belongs to another vendor, not ${vendorId}.`
    });
    return void 0;
  }
  return lookup.system;
}
function planOverrides(file, document, environment, spec, problems) {
  if (document.isDeleted !== spec.isDeleted) {
    problems.push({
      file,
      systemId: spec.id,
      message: spec.isDeleted ? `'${spec.id}' is deleted in ${environment}, but '${file}' declares it live; isDeleted cannot differ between environments.` : `'${spec.id}' is live in ${environment}, but '${file}' is a tombstone; isDeleted cannot differ between environments.`
    });
    return void 0;
  }
  if (!new RegExp(ENVIRONMENT_NAME_PATTERN).test(environment)) {
    problems.push({
      file,
      systemId: spec.id,
      message: `'${environment}' cannot name overrides under environments: (lower-case letters, digits and '-').`
    });
    return void 0;
  }
  if (document.vendor.ID !== spec.vendor.ID) {
    problems.push({
      file,
      systemId: spec.id,
      message: `'${file}' names vendor ${document.vendor.ID}, but ${environment} has ${spec.vendor.ID}.`
    });
    return void 0;
  }
  const base = resolveSpec(document, void 0);
  const current = document.environments[environment] ?? {};
  const liveCanonical = canonicalJsonOf(spec);
  const wanted = {};
  for (const rule of FIELD_RULES) {
    if (!rule.overridable) continue;
    const key = rule.key;
    if (fieldOf(canonicalJsonOf(base), key) === fieldOf(liveCanonical, key)) continue;
    const overridden = current[key];
    const keep = overridden !== void 0 && fieldOf(canonicalJsonOf({ ...base, [key]: overridden }), key) === fieldOf(liveCanonical, key);
    wanted[key] = keep ? overridden : spec[key];
  }
  const fields = [
    ...new Set(
      [...Object.keys(current), ...Object.keys(wanted)].filter((key) => {
        const before = current[key];
        const after = wanted[key];
        return stringifyCanonicalJson(before ?? null) !== stringifyCanonicalJson(after ?? null);
      })
    )
  ];
  const edits = [];
  if (fields.length === 0) return { edits, fields };
  if (Object.keys(wanted).length === 0) {
    const others = environmentsOf(document).filter((name) => name !== environment);
    edits.push({ path: others.length === 0 ? [ENVIRONMENTS_KEY] : [ENVIRONMENTS_KEY, environment] });
    return { edits, fields };
  }
  for (const key of fields) {
    const value = wanted[key];
    edits.push({ path: [ENVIRONMENTS_KEY, environment, key], value });
  }
  return { edits, fields };
}
function checkReadsBack(file, text, environment, live, problems) {
  const mismatch = findReadBackMismatch(file, text, environment, live);
  if (mismatch === void 0) return true;
  problems.push({
    file,
    systemId: live.id,
    message: `the file written for '${live.id}' would not read back as ${environment} has it (${mismatch}).`,
    hint: "This is a bug in sysreg; please report it with the system as Altinn returns it."
  });
  return false;
}
function checkOthersKept(file, before, text, environment, problems, includeBase = true) {
  const others = environmentsOf(before).filter((name) => name !== environment);
  const views = includeBase ? [void 0, ...others] : others;
  const changed = listChangedViews(file, before, text, views);
  if (changed.length === 0) return true;
  problems.push({
    file,
    message: `editing '${file}' for ${environment} would change ${changed.map((view) => view ?? "the base").join(", ")}.`,
    hint: "This is a bug in sysreg; please report it."
  });
  return false;
}
function canonicalJsonOf(spec) {
  const canonical = canonicalFromSpec(spec);
  return Object.fromEntries(
    Object.entries(canonical).map(([key, value]) => [key, stringifyCanonicalJson(value)])
  );
}
function fieldOf(canonical, key) {
  return canonical[key];
}

export {
  resolveSystemsFolder,
  readSystemsFolder,
  planImport,
  describeUnsafeFileName
};
