import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  UsageError,
  resolveFileArgument
} from "./chunk-DFEVOAXM.js";

// src/commands/shared/output-file.ts
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
async function writeOutputFile(context, file, text) {
  const target = path.resolve(context.cwd, resolveFileArgument(context, file));
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  } catch (error) {
    const reason = error.code ?? error.message;
    throw new UsageError(`cannot write --out ${file}: ${String(reason)}`);
  }
  return target;
}

export {
  writeOutputFile
};
