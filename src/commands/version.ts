import { SYSREG_VERSION } from '../release.ts';
import type { Command } from '../model/command.ts';

export const command: Command = {
  name: 'version',
  summary: 'Print the sysreg version.',
  usage: `Usage: sysreg version   (or: sysreg --version)

Prints 'sysreg <version>'.

Exit status: 0.
`,
  async run({ stdout }) {
    stdout.write(`sysreg ${SYSREG_VERSION}\n`);
    return 0;
  },
};
