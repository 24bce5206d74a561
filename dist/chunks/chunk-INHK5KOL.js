import {
  CONFIG_FILE_NAME
} from "./chunk-ZERHEBEW.js";
import {
  SYSTEMS_DIRECTORY
} from "./chunk-BLFSHPJ3.js";

// src/config/repository-root.ts
const { statSync } = globalThis.process.getBuiltinModule("node:fs");
const path = globalThis.process.getBuiltinModule("node:path");
function exists(file, kind) {
  try {
    const info = statSync(file);
    return kind === "any" || (kind === "file" ? info.isFile() : info.isDirectory());
  } catch {
    return false;
  }
}
function isRepositoryRoot(folder) {
  return exists(path.join(folder, CONFIG_FILE_NAME), "file") || exists(path.join(folder, SYSTEMS_DIRECTORY), "directory");
}
var isGitTop = (folder) => exists(path.join(folder, ".git"), "any");
function findRepositoryRoot(start) {
  let folder = path.resolve(start);
  for (; ; ) {
    if (isRepositoryRoot(folder)) return folder;
    const parent = path.dirname(folder);
    if (parent === folder || isGitTop(folder)) return path.resolve(start);
    folder = parent;
  }
}
function findGitRoot(start) {
  let folder = path.resolve(start);
  for (; ; ) {
    if (isGitTop(folder)) return folder;
    const parent = path.dirname(folder);
    if (parent === folder) return void 0;
    folder = parent;
  }
}

export {
  findRepositoryRoot,
  findGitRoot
};
