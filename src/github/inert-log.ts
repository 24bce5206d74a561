/**
 * Log text that the Actions runner does not read as workflow commands. The runner acts on `::cmd::`
 * at the start of a line and on the legacy `##[cmd]` anywhere in one (actions/runner#4692), so a
 * system name printed in a plan could raise annotations or set outputs. Each write is fenced with
 * `::stop-commands::<token>` … `::<token>::`; the token is random, so printed text cannot end the
 * fence early.
 */
import { randomUUID } from 'node:crypto';
import type { Output } from '../model/command.ts';

export function createInertLogOutput(output: Output, createToken: () => string = randomUUID): Output {
  return {
    ...(output.isTTY === undefined ? {} : { isTTY: output.isTTY }),
    write(text: string) {
      if (text === '') return true;
      const token = `sysreg-${createToken()}`;
      const body = text.endsWith('\n') ? text : `${text}\n`;
      return output.write(`::stop-commands::${token}\n${body}::${token}::\n`);
    },
  };
}
