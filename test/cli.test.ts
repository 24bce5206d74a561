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

  it('names a value given to a flag that takes none, an argument too many, and a missing --env', async () => {
    const valued = await runCli(['apply', '--yes=1'], REPO_ROOT);
    expect(valued.code).toBe(1);
    expect(valued.stderr).toMatch(/^sysreg apply: --yes takes no value\.\n\nUsage: sysreg apply /);
    const extra = await runCli(['import', '--env', 'local', 'stray'], REPO_ROOT);
    expect(extra.code).toBe(1);
    expect(extra.stderr).toMatch(/^sysreg import: unexpected argument stray\.\n\nUsage: sysreg import /);
    // A mistyped flag is named before the environment it also lacks.
    const both = await runCli(['drift', '--detailed-exitcod'], REPO_ROOT);
    expect(both.stderr).toMatch(
      /^sysreg drift: unknown option --detailed-exitcod; did you mean --detailed-exitcode\?/,
    );
    const none = await runCli(['drift'], REPO_ROOT);
    expect(none.stderr).toMatch(/^sysreg drift: --env is required\.\n/);
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
