// src/systems/write-file-atomically.ts
import { randomBytes } from "node:crypto";
import { open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
var MAX_NAME_STEM = 200;
async function writeFileAtomically(target, text, options = {}) {
  const existing = await stat(target).catch(() => void 0);
  if (options.exclusive && existing) {
    throw Object.assign(new Error(`'${target}' already exists`), { code: "EEXIST" });
  }
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target).slice(0, MAX_NAME_STEM)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`
  );
  const handle = await open(temporary, "wx", existing ? existing.mode & 511 : 420);
  try {
    await handle.writeFile(text, "utf8");
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export {
  writeFileAtomically
};
