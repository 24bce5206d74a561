#!/usr/bin/env node
/**
 * sysreg: GitOps for the Altinn system register. A thin entry: finds the verb, hands it the process's
 * edges, and turns failures into messages and exit codes. Verbs live in src/commands/, one per file.
 */
import module from 'node:module';
import type { CommandContext } from './model/command.ts';
import { createProcessOutput } from './commands/process-output.ts';
import { redactSecrets } from './model/redact.ts';
import { Interrupted, watchInterruptions } from './commands/interruption.ts';
import {
  createCommandLine,
  declareVerb,
  parseCommandLine,
  type VerbEntry,
} from './commands/shared/command-line.ts';
import { findRepositoryRoot } from './config/repository-root.ts';
import { SYSREG_VERSION } from './release.ts';

// Node caches compiled (and type-stripped) modules across runs: most of a short command's start-up.
module.enableCompileCache?.();

/**
 * Every verb with its summary for `sysreg --help`. A verb's module is loaded only when it is used,
 * so that `sysreg validate` never pays for the HTTP or GitHub stacks.
 */
export const COMMANDS: Record<string, VerbEntry> = {
  // In the order of the loop: set up, author, check, compare, change, adopt; then the tools around it.
  init: {
    summary: 'Set up a git repository to keep its systems with sysreg.',
    load: () => import('./commands/init.ts'),
  },
  new: { summary: 'Write a commented skeleton for a new system.', load: () => import('./commands/new.ts') },
  fmt: {
    summary: 'Rewrite system files into the canonical form (or --check that they are).',
    load: () => import('./commands/fmt.ts'),
  },
  validate: {
    summary: 'Check system files against the register rules (offline, or online with --env).',
    load: () => import('./commands/validate.ts'),
  },
  plan: {
    summary: 'Show what applying git to Altinn would change (reads only).',
    load: () => import('./commands/plan.ts'),
  },
  apply: {
    summary: 'Make Altinn match git: create, update and (with --allow-delete) delete systems.',
    load: () => import('./commands/apply.ts'),
  },
  drift: {
    summary: 'Report what changed in Altinn outside git (reads only).',
    load: () => import('./commands/drift.ts'),
  },
  import: {
    summary: "Write the vendor's live systems into YAML files (all or nothing).",
    load: () => import('./commands/import.ts'),
  },
  catalogue: {
    summary: "Snapshot an environment's access packages and resources into .sysreg/ (catalogue pull).",
    load: () => import('./commands/catalogue.ts'),
  },
  schema: { summary: 'Print the JSON Schema of a system file.', load: () => import('./commands/schema.ts') },
  emulator: {
    summary: 'Run the local Altinn (register, Maskinporten, catalogues) on loopback.',
    load: () => import('./commands/emulator.ts'),
  },
  version: { summary: 'Print the sysreg version.', load: () => import('./commands/version.ts') },
};

/** How the CLI is invoked: the arguments (verb first) and the edges the verb gets. */
export interface Invocation extends CommandContext {
  argv: string[];
}

export async function main(invocation: Invocation): Promise<number> {
  const { argv, ...context } = invocation;
  const program = createCommandLine(COMMANDS, context, SYSREG_VERSION);
  // The verb named (`sysreg plan …` or `sysreg help plan`) is loaded and declared; no other is.
  const named = argv[0] === 'help' ? argv[1] : argv[0];
  const entry = named !== undefined && Object.hasOwn(COMMANDS, named) ? COMMANDS[named] : undefined;
  let exitCode = 1;
  if (entry) {
    const { command } = await entry.load();
    const verb = declareVerb(program, command);
    verb.action(async () => {
      exitCode = await runVerb(context, command.name, () =>
        command.run(context, { options: verb.opts(), operands: verb.args }),
      );
    });
  }
  return (await parseCommandLine(program, argv, context)) ?? exitCode;
}

/** Runs a verb, turning its failures into one message and an exit code. */
async function runVerb(context: CommandContext, verb: string, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
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
      stdin: () => process.stdin,
      env: process.env,
      cwd: findRepositoryRoot(workingDirectory),
      workingDirectory,
      signal: interruptions.signal,
    });
  } finally {
    interruptions.dispose();
  }
}

if (import.meta.main) await runFromProcess();
