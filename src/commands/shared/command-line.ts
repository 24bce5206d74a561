/**
 * The command line, read by commander: it parses each verb's declared arguments and options, renders
 * the help from those declarations, and finds the verb or flag a typo meant. What is sysreg's own is
 * the wording: commander's errors become one sentence naming the flag, with the verb's usage line,
 * and every parse failure exits 1 without a stack trace.
 */
import { Command as CommandLine, CommanderError } from 'commander';
import type { Command, CommandContext } from '../../model/command.ts';

export { CommandLine };

/** Fixed, so help reads the same on every terminal and in the README. */
const HELP_WIDTH = 100;

/** Commander's codes for "help or version was shown"; their exit code is commander's. */
const SHOWN = new Set(['commander.help', 'commander.helpDisplayed', 'commander.version']);

/** A verb the CLI knows before loading it: its one-line summary and where its module is. */
export interface VerbEntry {
  summary: string;
  load: () => Promise<{ command: Command }>;
}

type Streams = Pick<CommandContext, 'stdout' | 'stderr'>;

/** `sysreg` with every verb named (not yet declared: a verb's module is loaded when it is used). */
export function createCommandLine(
  verbs: Record<string, VerbEntry>,
  streams: Streams,
  version: string,
): CommandLine {
  const program = new CommandLine('sysreg')
    .description('sysreg: GitOps for the Altinn system register')
    .usage('<command> [options]')
    .version(`sysreg ${version}`, '--version', 'Print the sysreg version.')
    .helpOption('-h, --help', 'Show this help.')
    .helpCommand('help [command]', 'Show the options of one command.')
    .addHelpText(
      'after',
      '\nRun `sysreg help <command>` (or `sysreg <command> --help`) for the options of one command.',
    )
    .configureHelp({ helpWidth: HELP_WIDTH })
    .configureOutput({
      writeOut: (text) => streams.stdout.write(text),
      writeErr: (text) => streams.stderr.write(text),
      // Errors are thrown (exitOverride) and worded by describeParseError instead.
      outputError: () => {},
    })
    .exitOverride();
  for (const [name, entry] of Object.entries(verbs)) program.command(name).summary(entry.summary);
  return program;
}

/** The verb's declared command, ready to parse and to show its help. */
export function declareVerb(program: CommandLine, command: Command): CommandLine {
  const verb = program.commands.find((candidate) => candidate.name() === command.name);
  if (verb === undefined) throw new Error(`no verb '${command.name}' on the command line`);
  command.declare(verb);
  return verb;
}

/**
 * Parses `argv` and runs what it names. Returns the exit code of help, version or a parse error;
 * undefined when a verb's action ran (it sets its own).
 */
export async function parseCommandLine(
  program: CommandLine,
  argv: readonly string[],
  streams: Streams,
): Promise<number | undefined> {
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return undefined;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (SHOWN.has(error.code)) return error.exitCode;
    const verb = program.commands.find((candidate) => candidate.name() === argv[0]);
    streams.stderr.write(renderParseError(error, verb));
    return 1;
  }
}

/** `sysreg <verb>: <sentence>`, then the verb's usage line and where the rest is. */
function renderParseError(error: CommanderError, verb: CommandLine | undefined): string {
  const sentence = describeParseError(error);
  if (error.code === 'commander.unknownCommand' || verb === undefined) return `sysreg: ${sentence}\n`;
  return `sysreg ${verb.name()}: ${sentence}\n\n${renderUsageSummary(verb)}\n`;
}

/** The one-line usage of a verb and where its every option is listed. */
export function renderUsageSummary(verb: CommandLine): string {
  return `Usage: sysreg ${verb.name()} ${verb.usage()}\nRun 'sysreg ${verb.name()} --help' for every option.`;
}

/** Commander's message as one sentence in sysreg's words; anything unforeseen in commander's own. */
function describeParseError(error: CommanderError): string {
  const [first = '', hint = ''] = error.message.replace(/^error: /, '').split('\n');
  const meant = /^\(Did you mean (.+)\?\)$/.exec(hint)?.[1];
  const quoted = /'([^']*)'/.exec(first)?.[1] ?? '';
  // An option's flags as declared (`-y, --yes`, `--format <fmt>`): the long one names it.
  const flag = /--[\w-]+/.exec(quoted)?.[0] ?? quoted.split(/[ ,]/)[0];
  switch (error.code) {
    case 'commander.unknownCommand':
      return `unknown command '${quoted}'${meant ? `; did you mean '${meant}'?` : '.'} Run 'sysreg --help' for the list.`;
    case 'commander.unknownOption':
      if (meant && quoted.startsWith(`${meant}=`)) return `${meant} takes no value.`;
      return `unknown option ${quoted}${meant ? `; did you mean ${meant}?` : '.'}`;
    case 'commander.optionMissingArgument':
      return `${flag} needs a value.`;
    case 'commander.missingMandatoryOptionValue':
      return `${flag} is required.`;
    case 'commander.excessArguments': {
      const extra = /got \d+: (.*)\.$/.exec(first)?.[1] ?? '';
      return `unexpected argument${extra.includes(', ') ? 's' : ''} ${extra}.`;
    }
    default:
      return [first, hint].filter(Boolean).join(' ');
  }
}

/** Option value parser for a flag that may be given more than once: every value, in order. */
export function collectRepeated(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
