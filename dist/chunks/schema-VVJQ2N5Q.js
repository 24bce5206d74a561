import {
  renderSystemSchema
} from "./chunk-PAIP5VFL.js";
import "./chunk-JUN6NXH3.js";
import "./chunk-7VZ5H7B6.js";

// src/commands/schema.ts
var command = {
  name: "schema",
  declare(commandLine) {
    commandLine.description(
      `Prints the JSON Schema that system files follow, as committed in .sysreg/system.schema.json.
Editors use it through the first line of each file:
  # yaml-language-server: $schema=../.sysreg/system.schema.json`
    );
    commandLine.addHelpText("after", "\nExit status: 0; 1 when given any argument.");
  },
  async run({ stdout }) {
    stdout.write(renderSystemSchema());
    return 0;
  }
};
export {
  command
};
