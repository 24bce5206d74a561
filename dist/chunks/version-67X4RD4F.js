import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  SYSREG_VERSION
} from "./chunk-HYUQQRIW.js";
import "./chunk-PFLRPMBQ.js";

// src/commands/version.ts
var command = {
  name: "version",
  declare(commandLine) {
    commandLine.description("Prints 'sysreg <version>' (as sysreg --version does).");
    commandLine.addHelpText("after", "\nExit status: 0.");
  },
  async run({ stdout }) {
    stdout.write(`sysreg ${SYSREG_VERSION}
`);
    return 0;
  }
};
export {
  command
};
