import { readFileSync } from 'node:fs';
import type { Command } from '../model/command.ts';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export const command: Command = {
  name: 'version',
  summary: 'Print the sysreg version.',
  usage: `Usage: sysreg version   (or: sysreg --version)

Prints 'sysreg <version>' from package.json.

Exit status: 0.
`,
  async run({ stdout }) {
    stdout.write(`sysreg ${packageJson.version}\n`);
    return 0;
  },
};
