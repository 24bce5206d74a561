/** `sysreg schema`: prints the JSON Schema of a system file (the committed .sysreg/system.schema.json). */
import { renderSystemSchema } from '../systems/schema.ts';
import { UsageError, type Command } from '../model/command.ts';

export const command: Command = {
  name: 'schema',
  summary: 'Print the JSON Schema of a system file.',
  usage: `Usage: sysreg schema

Prints the JSON Schema that system files follow, as committed in .sysreg/system.schema.json.
Editors use it through the first line of each file:
  # yaml-language-server: $schema=../.sysreg/system.schema.json

Exit status: 0; 1 when given any argument.
`,
  async run({ argv, stdout }) {
    if (argv.length > 0) throw new UsageError(`'schema' takes no arguments; got '${argv.join(' ')}'.`);
    stdout.write(renderSystemSchema());
    return 0;
  },
};
