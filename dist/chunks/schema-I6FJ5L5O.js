import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  renderSystemSchema
} from "./chunk-3E4X7VFU.js";
import "./chunk-LPPGVJBP.js";
import {
  UsageError
} from "./chunk-DFEVOAXM.js";
import "./chunk-PFLRPMBQ.js";

// src/commands/schema.ts
var command = {
  name: "schema",
  summary: "Print the JSON Schema of a system file.",
  usage: `Usage: sysreg schema

Prints the JSON Schema that system files follow, as committed in .sysreg/system.schema.json.
Editors use it through the first line of each file:
  # yaml-language-server: $schema=../.sysreg/system.schema.json

Exit status: 0; 1 when given any argument.
`,
  async run({ argv, stdout }) {
    if (argv.length > 0) throw new UsageError(`'schema' takes no arguments; got '${argv.join(" ")}'.`);
    stdout.write(renderSystemSchema());
    return 0;
  }
};
export {
  command
};
