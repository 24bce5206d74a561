import { describe, expect, it } from 'vitest';
import { createInertLogOutput } from '../../src/github/actions-runner.ts';
import { captureOutput } from '../support/actions-run.ts';
import { listWorkflowCommands } from '../support/github-scenario.ts';

describe('createInertLogOutput', () => {
  it('fences each write so the runner acts on no command inside it', () => {
    const raw = captureOutput();
    let n = 0;
    const log = createInertLogOutput(raw, () => `t${++n}`);
    log.write(
      '::error::forged\nname ##[set-output name=changes;]0\n::sysreg-guess::\n::warning::after a guess',
    );
    log.write('');
    log.write('second\n');
    raw.write('::notice::sysreg own\n');
    expect(raw.text).toBe(
      '::stop-commands::sysreg-t1\n::error::forged\nname ##[set-output name=changes;]0\n::sysreg-guess::\n' +
        '::warning::after a guess\n::sysreg-t1::\n::stop-commands::sysreg-t2\nsecond\n::sysreg-t2::\n::notice::sysreg own\n',
    );
    expect(listWorkflowCommands(raw.text)).toEqual(['::notice::sysreg own']);
  });

  it('uses a fresh random token for every write', () => {
    const raw = captureOutput();
    const log = createInertLogOutput(raw);
    log.write('a\n');
    log.write('b\n');
    const tokens = [...raw.text.matchAll(/^::stop-commands::(.+)$/gm)].map((match) => match[1]);
    expect(tokens).toHaveLength(2);
    expect(tokens[0]).toMatch(/^sysreg-[0-9a-f-]{36}$/);
    expect(tokens[0]).not.toBe(tokens[1]);
  });
});
