// src/release.ts
var SYSREG_VERSION = "0.1.0";
var MINIMUM_NODE_VERSION = "22.19.0";
var ACTION_PIN = {
  repository: "sysreg-dev/sysreg",
  commit: "dda0a3af6e428e007ef4378d3953d0c81c88ea9f",
  tag: "v0.1.0"
};

export {
  SYSREG_VERSION,
  MINIMUM_NODE_VERSION,
  ACTION_PIN
};
