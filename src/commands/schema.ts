/** `sysreg schema`: prints the JSON Schema of a system file (the committed .sysreg/system.schema.json). */
import { renderSystemSchema } from '../systems/schema.ts';
import type { Command } from '../model/command.ts';

export const command: Command = {
  name: 'schema',
  declare(commandLine) {
    commandLine.description(
      `Prints the JSON Schema that system files follow, as committed in .sysreg/system.schema.json.
Editors use it through the first line of each file:
  # yaml-language-server: $schema=../.sysreg/system.schema.json`,
    );
    commandLine.addHelpText('after', '\nExit status: 0; 1 when given any argument.');
  },
  async run({ stdout }) {
    stdout.write(renderSystemSchema());
    return 0;
  },
};
