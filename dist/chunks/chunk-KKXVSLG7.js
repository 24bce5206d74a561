// src/release.ts
var SYSREG_VERSION = "0.1.0";
var MINIMUM_NODE_VERSION = "22.19.0";
var ACTION_PIN = {
  repository: "sysreg-dev/sysreg",
  commit: "2a58ec879daa0fecef024b208b1121eeda005780",
  tag: "v0.1.0"
};

export {
  SYSREG_VERSION,
  MINIMUM_NODE_VERSION,
  ACTION_PIN
};
