import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.ts';
import { REPO_ROOT, runCli } from './support/run-cli.ts';

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

describe('cli, as a user meets it (the real CLI)', () => {
  it('names an unknown flag, suggests the one meant, and prints the one-line usage', async () => {
    const result = await runCli(['plan', '--formt', 'json'], REPO_ROOT);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'sysreg plan: unknown option --formt; did you mean --format?\n\n' +
        'Usage: sysreg plan --env NAME [options]\n' +
        "Run 'sysreg plan --help' for every option.\n",
    );
    const far = await runCli(['apply', '-x'], REPO_ROOT);
    expect(far.stderr).toContain('sysreg apply: unknown option -x.\n');
    const missing = await runCli(['validate', '--format'], REPO_ROOT);
    expect(missing.stderr).toContain('sysreg validate: --format needs a value.\n');
  });

  it('shows one command’s help for `sysreg help <command>`', async () => {
    const help = await runCli(['help', 'plan'], REPO_ROOT);
    const dashed = await runCli(['plan', '--help'], REPO_ROOT);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: sysreg plan --env NAME/);
    expect(help.stdout).toBe(dashed.stdout);
  });

  it('suggests the command meant', async () => {
    const result = await runCli(['paln'], REPO_ROOT);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "sysreg: unknown command 'paln'; did you mean 'plan'? Run 'sysreg --help' for the list.\n",
    );
  });
});
