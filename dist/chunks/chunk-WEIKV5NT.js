import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);

// src/release.ts
var SYSREG_VERSION = "0.1.0";
var MINIMUM_NODE_VERSION = "22.19.0";
var ACTION_PIN = {
  repository: "sysreg-dev/sysreg",
  commit: "bebcba7b01ea09046379eb22b63850f5992f13ba",
  tag: "v0.1.0"
};

export {
  SYSREG_VERSION,
  MINIMUM_NODE_VERSION,
  ACTION_PIN
};
