import { SYSREG_VERSION } from '../release.ts';
import type { Command } from '../model/command.ts';

export const command: Command = {
  name: 'version',
  declare(commandLine) {
    commandLine.description("Prints 'sysreg <version>' (as sysreg --version does).");
    commandLine.addHelpText('after', '\nExit status: 0.');
  },
  async run({ stdout }) {
    stdout.write(`sysreg ${SYSREG_VERSION}\n`);
    return 0;
  },
};
