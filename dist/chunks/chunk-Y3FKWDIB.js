import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  describeFileError
} from "./chunk-LRC75U72.js";
import {
  MAX_SYSTEM_FILE_BYTES
} from "./chunk-7XM6UA5P.js";
import {
  toRepoPath
} from "./chunk-KBDEQPMX.js";
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

export {
  resolveSystemsFolder,
  readSystemsFolder
};
