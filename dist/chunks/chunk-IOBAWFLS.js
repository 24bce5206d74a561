// src/release.ts
var SYSREG_VERSION = "0.1.0";
var MINIMUM_NODE_VERSION = "22.19.0";
var ACTION_PIN = {
  repository: "sysreg-dev/sysreg",
  commit: "b4f09cd1ec14ca88110d2407f665ea7f6cb4100c",
  tag: "v0.1.0"
};

export {
  SYSREG_VERSION,
  MINIMUM_NODE_VERSION,
  ACTION_PIN
};
