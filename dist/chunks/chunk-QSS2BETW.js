import {
  Command,
  CommanderError
} from "./chunk-NXYE4RLX.js";

// src/commands/shared/command-line.ts
var HELP_WIDTH = 100;
var SHOWN = /* @__PURE__ */ new Set(["commander.help", "commander.helpDisplayed", "commander.version"]);
function createCommandLine(verbs, streams, version) {
  const program = new Command("sysreg").description("sysreg: GitOps for the Altinn system register").usage("<command> [options]").version(`sysreg ${version}`, "--version", "Print the sysreg version.").helpOption("-h, --help", "Show this help.").helpCommand("help [command]", "Show the options of one command.").addHelpText(
    "after",
    "\nRun `sysreg help <command>` (or `sysreg <command> --help`) for the options of one command."
  ).configureHelp({ helpWidth: HELP_WIDTH }).configureOutput({
    writeOut: (text) => streams.stdout.write(text),
    writeErr: (text) => streams.stderr.write(text),
    // Errors are thrown (exitOverride) and worded by describeParseError instead.
    outputError: () => {
    }
  }).exitOverride();
  for (const [name, entry] of Object.entries(verbs)) program.command(name).summary(entry.summary);
  return program;
}
function declareVerb(program, command) {
  const verb = program.commands.find((candidate) => candidate.name() === command.name);
  if (verb === void 0) throw new Error(`no verb '${command.name}' on the command line`);
  command.declare(verb);
  return verb;
}
async function parseCommandLine(program, argv, streams) {
  try {
    await program.parseAsync([...argv], { from: "user" });
    return void 0;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (SHOWN.has(error.code)) return error.exitCode;
    const verb = program.commands.find((candidate) => candidate.name() === argv[0]);
    streams.stderr.write(renderParseError(error, verb));
    return 1;
  }
}
function renderParseError(error, verb) {
  const sentence = describeParseError(error);
  if (error.code === "commander.unknownCommand" || verb === void 0) return `sysreg: ${sentence}
`;
  return `sysreg ${verb.name()}: ${sentence}

${renderUsageSummary(verb)}
`;
}
function renderUsageSummary(verb) {
  return `Usage: sysreg ${verb.name()} ${verb.usage()}
Run 'sysreg ${verb.name()} --help' for every option.`;
}
function describeParseError(error) {
  const [first = "", hint = ""] = error.message.replace(/^error: /, "").split("\n");
  const meant = /^\(Did you mean (.+)\?\)$/.exec(hint)?.[1];
  const quoted = /'([^']*)'/.exec(first)?.[1] ?? "";
  const flag = /--[\w-]+/.exec(quoted)?.[0] ?? quoted.split(/[ ,]/)[0];
  switch (error.code) {
    case "commander.unknownCommand":
      return `unknown command '${quoted}'${meant ? `; did you mean '${meant}'?` : "."} Run 'sysreg --help' for the list.`;
    case "commander.unknownOption":
      if (meant && quoted.startsWith(`${meant}=`)) return `${meant} takes no value.`;
      return `unknown option ${quoted}${meant ? `; did you mean ${meant}?` : "."}`;
    case "commander.optionMissingArgument":
      return `${flag} needs a value.`;
    case "commander.missingMandatoryOptionValue":
      return `${flag} is required.`;
    case "commander.excessArguments": {
      const extra = /got \d+: (.*)\.$/.exec(first)?.[1] ?? "";
      return `unexpected argument${extra.includes(", ") ? "s" : ""} ${extra}.`;
    }
    default:
      return [first, hint].filter(Boolean).join(" ");
  }
}
function collectRepeated(value, previous) {
  return [...previous ?? [], value];
}

export {
  createCommandLine,
  declareVerb,
  parseCommandLine,
  collectRepeated
};
