import {
  SYSREG_VERSION
} from "./chunk-IOBAWFLS.js";
import "./chunk-7VZ5H7B6.js";

// src/commands/version.ts
var command = {
  name: "version",
  summary: "Print the sysreg version.",
  usage: `Usage: sysreg version   (or: sysreg --version)

Prints 'sysreg <version>'.

Exit status: 0.
`,
  async run({ stdout }) {
    stdout.write(`sysreg ${SYSREG_VERSION}
`);
    return 0;
  }
};
export {
  command
};
