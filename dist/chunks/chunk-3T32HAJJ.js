import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  CONFIG_FILE_NAME
} from "./chunk-BWGYRILG.js";
import {
  SYSTEMS_DIRECTORY
} from "./chunk-KBDEQPMX.js";

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
  if (exists(path.join(folder, CONFIG_FILE_NAME), "file")) return true;
  return exists(path.join(folder, SYSTEMS_DIRECTORY), "directory") && exists(path.join(folder, ".git"), "any");
}
function findRepositoryRoot(start) {
  let folder = path.resolve(start);
  for (; ; ) {
    if (isRepositoryRoot(folder)) return folder;
    const parent = path.dirname(folder);
    if (parent === folder) return path.resolve(start);
    folder = parent;
  }
}
function findGitRoot(start) {
  let folder = path.resolve(start);
  for (; ; ) {
    if (exists(path.join(folder, ".git"), "any")) return folder;
    const parent = path.dirname(folder);
    if (parent === folder) return void 0;
    folder = parent;
  }
}

export {
  findRepositoryRoot,
  findGitRoot
};
