// src/model/write-file-atomically.ts
const { randomBytes } = globalThis.process.getBuiltinModule("node:crypto");
const { closeSync, fsyncSync, linkSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } = globalThis.process.getBuiltinModule("node:fs");
const path = globalThis.process.getBuiltinModule("node:path");
var MAX_NAME_STEM = 200;
var TEMPORARY_NAME = /^\.(.*)\.(\d+)\.[0-9a-f]{8}\.tmp$/;
var LINK_UNSUPPORTED = /* @__PURE__ */ new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS"]);
var FOLDER_SYNC_UNSUPPORTED = /* @__PURE__ */ new Set(["EISDIR", "EPERM", "EINVAL", "EACCES"]);
function writeFileAtomicallySync(target, text, options = {}) {
  const existing = statSync(target, { throwIfNoEntry: false });
  if (options.exclusive && existing) throw alreadyExists(target);
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target).slice(0, MAX_NAME_STEM)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`
  );
  const descriptor = openSync(temporary, "wx", options.mode ?? (existing ? existing.mode & 511 : 420));
  try {
    try {
      writeFileSync(descriptor, text, "utf8");
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    if (options.exclusive) linkExclusively(temporary, target);
    else renameSync(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
  }
  syncFolder(path.dirname(target));
}
async function writeFileAtomically(target, text, options = {}) {
  writeFileAtomicallySync(target, text, options);
}
function removeStaleTemporaryFiles(target) {
  const folder = path.dirname(target);
  const stem = path.basename(target).slice(0, MAX_NAME_STEM);
  const removed = [];
  let names;
  try {
    names = readdirSync(folder);
  } catch (error) {
    if (error.code === "ENOENT") return removed;
    throw error;
  }
  for (const name of names) {
    const match = TEMPORARY_NAME.exec(name);
    if (!match || match[1] !== stem || isRunning(Number(match[2]))) continue;
    rmSync(path.join(folder, name), { force: true });
    removed.push(name);
  }
  return removed;
}
function linkExclusively(temporary, target) {
  try {
    linkSync(temporary, target);
  } catch (error) {
    const code = error.code ?? "";
    if (!LINK_UNSUPPORTED.has(code)) throw error;
    if (statSync(target, { throwIfNoEntry: false })) throw alreadyExists(target);
    renameSync(temporary, target);
  }
}
function syncFolder(folder) {
  let descriptor;
  try {
    descriptor = openSync(folder, "r");
  } catch (error) {
    if (FOLDER_SYNC_UNSUPPORTED.has(error.code ?? "")) return;
    throw error;
  }
  try {
    fsyncSync(descriptor);
  } catch (error) {
    if (!FOLDER_SYNC_UNSUPPORTED.has(error.code ?? "")) throw error;
  } finally {
    closeSync(descriptor);
  }
}
function isRunning(pid) {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
function alreadyExists(target) {
  return Object.assign(new Error(`'${target}' already exists`), { code: "EEXIST" });
}

export {
  writeFileAtomicallySync,
  writeFileAtomically,
  removeStaleTemporaryFiles
};
