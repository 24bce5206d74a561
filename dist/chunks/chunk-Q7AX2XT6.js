// src/release.ts
var SYSREG_VERSION = "0.1.0";
var MINIMUM_NODE_VERSION = "22.19.0";
var ACTION_PIN = {
  repository: "sysreg-dev/sysreg",
  commit: "b3354ae431e5b221585eca81a04520016a7e715e",
  tag: "v0.1.0"
};

export {
  SYSREG_VERSION,
  MINIMUM_NODE_VERSION,
  ACTION_PIN
};
