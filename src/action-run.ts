/**
 * What the GitHub Action does: reads the step's inputs, masks the Maskinporten key, and runs the same
 * `main` the CLI runs, from GITHUB_WORKSPACE, always with `--report github`, so both report through
 * one runner module (src/github/actions-runner.ts, on @actions/core). src/action.ts runs it.
 */
import process from 'node:process';
import { main } from './cli.ts';
import { failStep, maskSecret, readInput } from './github/actions-runner.ts';

/** The verbs a workflow step may run; the others (new, fmt, import, …) are for people. */
export const ACTION_COMMANDS = ['validate', 'plan', 'apply', 'drift'] as const;

/** The CLI arguments a step's inputs stand for, or the problem with them. */
export function actionArguments(inputs: {
  command: string;
  environment: string;
  args: string;
}): { argv: string[] } | { problem: string } {
  if (!(ACTION_COMMANDS as readonly string[]).includes(inputs.command)) {
    return {
      problem: `input 'command' must be one of ${ACTION_COMMANDS.join(', ')}; got '${inputs.command}'.`,
    };
  }
  // Split on white space with no shell: a quote would not group words, so it is refused, not misread.
  if (/["'`\\]/.test(inputs.args)) {
    return { problem: "input 'args' is split on spaces; quotes and backslashes are not supported." };
  }
  const extra = inputs.args.split(/\s+/).filter((word) => word !== '');
  if (extra.includes('--report') || extra.some((word) => word.startsWith('--report='))) {
    return { problem: "input 'args' must not set --report: the action always reports to GitHub." };
  }
  const environment = inputs.environment === '' ? [] : ['--env', inputs.environment];
  return { argv: [inputs.command, ...environment, ...extra, '--report', 'github'] };
}

export async function runAction(): Promise<number> {
  const workspace = process.env.GITHUB_WORKSPACE;
  if (!workspace) {
    failStep('GITHUB_WORKSPACE is not set: the sysreg action runs only in a GitHub Actions job.');
    return 1;
  }
  const privateKey = process.env.MASKINPORTEN_PRIVATE_KEY;
  if (privateKey) {
    // The runner masks secrets it passed in; this also covers a key that reached env another way.
    maskSecret(privateKey);
    for (const line of privateKey.split(/\r?\n/)) if (line.trim().length > 8) maskSecret(line.trim());
  }
  const command = readInput('command');
  if (command === '') {
    failStep(`input 'command' is required: one of ${ACTION_COMMANDS.join(', ')}.`);
    return 1;
  }
  const parsed = actionArguments({
    command,
    environment: readInput('environment'),
    args: readInput('args'),
  });
  if ('problem' in parsed) {
    failStep(parsed.problem);
    return 1;
  }
  const token = readInput('github-token');
  return main({
    argv: parsed.argv,
    stdout: process.stdout,
    stderr: process.stderr,
    env: { ...process.env, ...(token && !process.env.GITHUB_TOKEN ? { GITHUB_TOKEN: token } : {}) },
    cwd: workspace,
  });
}
