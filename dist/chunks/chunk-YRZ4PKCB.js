import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  CONFIG_FILE_NAME
} from "./chunk-MXBULDQQ.js";
import {
  SYSTEMS_DIRECTORY
} from "./chunk-LJMKBTNR.js";

// src/config/repository-root.ts
import { statSync } from "node:fs";
import path from "node:path";
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
