#!/usr/bin/env node
/**
 * sysreg: GitOps for the Altinn system register. A thin entry: finds the verb, hands it the process's
 * edges, and turns failures into messages and exit codes. Verbs live in src/commands/, one per file.
 */
import module from 'node:module';
import type { Command, CommandContext } from './model/command.ts';
import { createProcessOutput } from './commands/process-output.ts';
import { redactSecrets } from './model/redact.ts';
import { Interrupted, watchInterruptions } from './commands/interruption.ts';
import { findClosest } from './commands/shared/arguments.ts';
import { findRepositoryRoot } from './config/repository-root.ts';

// Node caches compiled (and type-stripped) modules across runs: most of a short command's start-up.
module.enableCompileCache?.();

/** Verbs are loaded lazily so that `sysreg validate` never pays for the HTTP or GitHub stacks. */
export const COMMANDS: Record<string, () => Promise<{ command: Command }>> = {
  // In the order of the loop: set up, author, check, compare, change, adopt; then the tools around it.
  init: () => import('./commands/init.ts'),
  new: () => import('./commands/new.ts'),
  fmt: () => import('./commands/fmt.ts'),
  validate: () => import('./commands/validate.ts'),
  plan: () => import('./commands/plan.ts'),
  apply: () => import('./commands/apply.ts'),
  drift: () => import('./commands/drift.ts'),
  import: () => import('./commands/import.ts'),
  catalogue: () => import('./commands/catalogue.ts'),
  schema: () => import('./commands/schema.ts'),
  emulator: () => import('./commands/emulator.ts'),
  version: () => import('./commands/version.ts'),
};

/** `validate --env` is the online check, in a module of its own so offline validate loads no HTTP code. */
function pickLoader(verb: string, argv: string[]): (() => Promise<{ command: Command }>) | undefined {
  if (verb === 'validate' && argv.some((arg) => arg === '--env' || arg.startsWith('--env='))) {
    return () => import('./commands/validate-online.ts');
  }
  return COMMANDS[verb];
}

function renderHelp(commands: Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'sysreg: GitOps for the Altinn system register',
    '',
    'Usage: sysreg <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `sysreg help <command>` (or `sysreg <command> --help`) for the options of one command.',
    '',
  ].join('\n');
}

export async function main(context: Omit<CommandContext, 'argv'> & { argv: string[] }): Promise<number> {
  const [verb, ...rest] = context.argv;
  // `sysreg help plan` is `sysreg plan --help`.
  if (verb === 'help' && rest.length > 0) return main({ ...context, argv: [rest[0]!, '--help'] });
  if (verb === undefined || verb === '--help' || verb === '-h' || verb === 'help') {
    const loaded = await Promise.all(Object.values(COMMANDS).map(async (load) => (await load()).command));
    context.stdout.write(renderHelp(loaded));
    return verb === undefined ? 1 : 0;
  }
  if (verb === '--version') return main({ ...context, argv: ['version'] });
  const load = pickLoader(verb, rest);
  if (!load) {
    const meant = findClosest(verb, Object.keys(COMMANDS));
    const suggestion = meant ? `; did you mean '${meant}'?` : '.';
    context.stderr.write(
      `sysreg: unknown command '${verb}'${suggestion} Run 'sysreg --help' for the list.\n`,
    );
    return 1;
  }
  const { command } = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    context.stdout.write(`${command.usage.trimEnd()}\n`);
    return 0;
  }
  try {
    return await command.run({ ...context, argv: rest });
  } catch (error) {
    // Whatever a cancelled request threw, the cause is the signal: say so, not "internal error".
    const interrupted = context.signal?.aborted ? context.signal.reason : undefined;
    if (interrupted instanceof Interrupted) {
      context.stderr.write(
        `sysreg ${verb}: ${interrupted.message} before it finished; nothing was written.\n`,
      );
      return interrupted.exitCode;
    }
    if (error instanceof Error && 'exitCode' in error && typeof error.exitCode === 'number') {
      context.stderr.write(`sysreg ${verb}: ${redactSecrets(error.message)}\n`);
      return error.exitCode;
    }
    const detail = context.env.SYSREG_DEBUG && error instanceof Error ? `\n${error.stack}` : '';
    const message = error instanceof Error ? error.message : String(error);
    // Whatever failed, a secret in the message (a key in the wrong variable) is not printed.
    context.stderr.write(`sysreg ${verb}: internal error: ${redactSecrets(`${message}${detail}`)}\n`);
    return 1;
  }
}

/** Runs the command line of this process, from the repository root found upwards of where it started. */
export async function runFromProcess(): Promise<void> {
  const workingDirectory = process.cwd();
  const argv = process.argv.slice(2);
  const stdout = createProcessOutput(process.stdout);
  const stderr = createProcessOutput(process.stderr);
  const interruptions = watchInterruptions({ verb: argv[0] ?? '', stderr });
  try {
    process.exitCode = await main({
      argv,
      stdout,
      stderr,
      stdin: process.stdin,
      env: process.env,
      cwd: await findRepositoryRoot(workingDirectory),
      workingDirectory,
      signal: interruptions.signal,
    });
  } finally {
    interruptions.dispose();
  }
}

if (import.meta.main) await runFromProcess();
