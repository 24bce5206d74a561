import {
  SYSREG_VERSION
} from "./chunk-OGJUZ5FT.js";
import "./chunk-7VZ5H7B6.js";

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
