#!/usr/bin/env node
import {
  MINIMUM_NODE_VERSION
} from "./chunks/chunk-OGJUZ5FT.js";
import "./chunks/chunk-7VZ5H7B6.js";

// src/bin.ts
import module from "node:module";
function isNodeVersionSupported(actual, minimum) {
  const have = actual.split(".").map(Number);
  const need = minimum.split(".").map(Number);
  for (let index = 0; index < need.length; index += 1) {
    const a = have[index] ?? 0;
    const b = need[index] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}
if (!isNodeVersionSupported(process.versions.node, MINIMUM_NODE_VERSION)) {
  process.stderr.write(`sysreg needs Node >= ${MINIMUM_NODE_VERSION}; this is ${process.versions.node}.
`);
  process.exitCode = 1;
} else {
  module.enableCompileCache?.();
  const { runFromProcess } = await import("./chunks/cli-VPDSMRQG.js");
  await runFromProcess();
}
export {
  isNodeVersionSupported
};
