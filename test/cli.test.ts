import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.ts';

function capture() {
  let text = '';
  return {
    write: (chunk: string) => (text += chunk),
    get text() {
      return text;
    },
  };
}

describe('cli', () => {
  it('prints the version', async () => {
    const stdout = capture();
    const stderr = capture();
    const code = await main({ argv: ['--version'], stdout, stderr, env: {}, cwd: process.cwd() });
    expect(code).toBe(0);
    expect(stdout.text).toMatch(/^sysreg \d+\.\d+\.\d+\n$/);
  });

  it('rejects an unknown verb with exit 1 and no stack trace', async () => {
    const stdout = capture();
    const stderr = capture();
    const code = await main({ argv: ['frobnicate'], stdout, stderr, env: {}, cwd: process.cwd() });
    expect(code).toBe(1);
    expect(stderr.text).toContain("unknown command 'frobnicate'");
    expect(stderr.text).not.toMatch(/\n\s+at /);
  });
});
