import {
  describeFileError
} from "./chunk-B7AQ6FAF.js";
import {
  MAX_SYSTEM_FILE_BYTES,
  parseSystemFile
} from "./chunk-XTLGM2XZ.js";
import {
  toRepoPath
} from "./chunk-BLFSHPJ3.js";
import {
  UsageError
} from "./chunk-BVG62MQ6.js";

// src/adopt/systems-folder.ts
const { lstat, readdir, readFile, realpath } = globalThis.process.getBuiltinModule("node:fs/promises");
const path = globalThis.process.getBuiltinModule("node:path");
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

// src/adopt/import-folder.ts
const path2 = globalThis.process.getBuiltinModule("node:path");
var YAML_FILE2 = /\.ya?ml$/i;
var FOLDER_FURNITURE = /^(readme|license|codeowners)(\.[a-z]+)?$/i;
var SAFE_ID = /^[A-Za-z0-9._-]+$/;
var MAX_FILE_NAME_BYTES = 255;
function describeUnsafeFileName(id) {
  if (!SAFE_ID.test(id)) {
    const bad = [...new Set([...id].filter((character) => !SAFE_ID.test(character)))];
    return `it holds ${bad.map((character) => JSON.stringify(character)).join(", ")}; only letters A\u2013Z, digits, '.', '_' and '-' are safe`;
  }
  if (id.startsWith(".") || id.includes("..")) return "it starts with '.' or holds '..'";
  if (Buffer.byteLength(`${id}.yaml`) > MAX_FILE_NAME_BYTES) {
    return `'${id}.yaml' is longer than ${MAX_FILE_NAME_BYTES} bytes`;
  }
  return void 0;
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

export {
  resolveSystemsFolder,
  readSystemsFolder,
  YAML_FILE2 as YAML_FILE,
  describeUnsafeFileName,
  indexFolder
};
