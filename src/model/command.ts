/**
 * What every verb of the CLI is: a module under src/commands/ exporting `command`. The edges a
 * command touches (streams, environment, working directory) come in through `CommandContext`, so
 * tests run the real command in-process or as a child process alike.
 */
import path from 'node:path';
import type { Command as CommandLine } from 'commander';

export interface Output {
  write(text: string): unknown;
  /** True when it is an interactive terminal (colour and progress are allowed). */
  isTTY?: boolean;
}

/** Where apply reads the answer to its question; only a terminal is asked. */
export interface Input extends NodeJS.ReadableStream {
  isTTY?: boolean;
}

export interface CommandContext {
  stdout: Output;
  stderr: Output;
  /**
   * Absent when nothing can be asked (tests in-process). Opened on first use: creating
   * `process.stdin` loads Node's stream and file-watching code, a tenth of a short command's start-up.
   */
  stdin?: () => Input;
  env: Record<string, string | undefined>;
  /** Repository root: the directory holding `systems/`. */
  cwd: string;
  /** Aborted by Ctrl-C, SIGTERM or SIGHUP (src/commands/interruption.ts); reads stop at once. */
  signal?: AbortSignal;
  /** Where the command was started, when not at the root: file arguments are relative to it. */
  workingDirectory?: string;
}

/** What the command line read for a verb: its options by name (camelCase) and its operands. */
export interface ParsedArguments<O> {
  options: O;
  operands: string[];
}

/**
 * A verb, declared on the command line (arguments, options, help text) and run with what was parsed.
 * `CommandLine` is commander's Command; its options land in `O` under camelCase names.
 */
export interface Command<O extends object = object> {
  name: string;
  declare(commandLine: CommandLine): void;
  /** Returns the exit code: 0 success/no changes, 1 error, 2 changes (with --detailed-exitcode). */
  run(context: CommandContext, parsed: ParsedArguments<O>): Promise<number>;
}

/**
 * An expected failure the user can act on (bad flag, missing credential, unreachable Altinn). The CLI
 * prints its message without a stack trace and exits with `exitCode`.
 */
export class UsageError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'UsageError';
    this.exitCode = exitCode;
  }
}

/** A file argument as the user gave it (relative to where they stand), relative to the repository root. */
export function resolveFileArgument(
  context: Pick<CommandContext, 'cwd' | 'workingDirectory'>,
  given: string,
): string {
  if (context.workingDirectory === undefined || path.isAbsolute(given)) return given;
  const relative = path.relative(context.cwd, path.resolve(context.workingDirectory, given));
  return relative === '' ? '.' : relative.split(path.sep).join('/');
}
