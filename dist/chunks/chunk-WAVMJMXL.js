import {
  CONFIG_FILE_NAME
} from "./chunk-VP34OMXV.js";
import {
  SYSTEMS_DIRECTORY
} from "./chunk-PE4WBMRQ.js";

// src/config/repository-root.ts
const { stat } = globalThis.process.getBuiltinModule("node:fs/promises");
const path = globalThis.process.getBuiltinModule("node:path");
async function exists(file, kind) {
  try {
    const info = await stat(file);
    return kind === "any" || (kind === "file" ? info.isFile() : info.isDirectory());
  } catch {
    return false;
  }
}
async function isRepositoryRoot(folder) {
  return await exists(path.join(folder, CONFIG_FILE_NAME), "file") || await exists(path.join(folder, SYSTEMS_DIRECTORY), "directory");
}
var isGitTop = (folder) => exists(path.join(folder, ".git"), "any");
async function findRepositoryRoot(start) {
  let folder = path.resolve(start);
  for (; ; ) {
    if (await isRepositoryRoot(folder)) return folder;
    const parent = path.dirname(folder);
    if (parent === folder || await isGitTop(folder)) return path.resolve(start);
    folder = parent;
  }
}
async function findGitRoot(start) {
  let folder = path.resolve(start);
  for (; ; ) {
    if (await isGitTop(folder)) return folder;
    const parent = path.dirname(folder);
    if (parent === folder) return void 0;
    folder = parent;
  }
}

export {
  findRepositoryRoot,
  findGitRoot
};
