import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  describeFileError
} from "./chunk-OZUNW4M4.js";
import {
  writeFileAtomically
} from "./chunk-HFONU46N.js";

// src/adopt/write-file-set.ts
import { lstat, mkdir, rm } from "node:fs/promises";
import path from "node:path";
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

export {
  writeFileSet
};
