import {
  Interrupted,
  watchInterruptions
} from "./chunk-CGDUWIAB.js";
import {
  createCommandLine,
  declareVerb,
  parseCommandLine
} from "./chunk-QSS2BETW.js";
import {
  findRepositoryRoot
} from "./chunk-INHK5KOL.js";
import {
  SYSREG_VERSION
} from "./chunk-OGJUZ5FT.js";
import {
  redactSecrets
} from "./chunk-XUPUTSX3.js";

// src/cli.ts
const module = globalThis.process.getBuiltinModule("node:module");

// src/commands/process-output.ts
var CLOSED_STREAM_CODES = /* @__PURE__ */ new Set(["EPIPE", "EBADF", "ECONNRESET", "ERR_STREAM_DESTROYED"]);
function isClosedStreamError(error) {
  const code = error?.code;
  return typeof code === "string" && CLOSED_STREAM_CODES.has(code);
}
function createProcessOutput(stream) {
  let closed = false;
  stream.on("error", (error) => {
    if (!isClosedStreamError(error)) throw error;
    closed = true;
  });
  return {
    write(text) {
      if (closed || stream.destroyed) return true;
      try {
        return stream.write(text);
      } catch (error) {
        if (!isClosedStreamError(error)) throw error;
        closed = true;
        return true;
      }
    },
    ...stream.isTTY ? { isTTY: true } : {}
  };
}

// src/cli.ts
module.enableCompileCache?.();
var COMMANDS = {
  // In the order of the loop: set up, author, check, compare, change, adopt; then the tools around it.
  init: {
    summary: "Set up a git repository to keep its systems with sysreg.",
    load: () => import("./init-3YCVKMFC.js")
  },
  new: { summary: "Write a commented skeleton for a new system.", load: () => import("./new-ECZQUQ5O.js") },
  fmt: {
    summary: "Rewrite system files into the canonical form (or --check that they are).",
    load: () => import("./fmt-RMAHYJJ6.js")
  },
  validate: {
    summary: "Check system files against the register rules (offline, or online with --env).",
    load: () => import("./validate-HMBA323Y.js")
  },
  plan: {
    summary: "Show what applying git to Altinn would change (reads only).",
    load: () => import("./plan-YDNKJEBV.js")
  },
  apply: {
    summary: "Make Altinn match git: create, update and (with --allow-delete) delete systems.",
    load: () => import("./apply-3WHV4V26.js")
  },
  drift: {
    summary: "Report what changed in Altinn outside git (reads only).",
    load: () => import("./drift-RHJQNERU.js")
  },
  import: {
    summary: "Write the vendor's live systems into YAML files (all or nothing).",
    load: () => import("./import-EGKIBROB.js")
  },
  catalogue: {
    summary: "Snapshot an environment's access packages and resources into .sysreg/ (catalogue pull).",
    load: () => import("./catalogue-FCLJMKK7.js")
  },
  schema: { summary: "Print the JSON Schema of a system file.", load: () => import("./schema-VVJQ2N5Q.js") },
  emulator: {
    summary: "Run the local Altinn (register, Maskinporten, catalogues) on loopback.",
    load: () => import("./emulator-IGHI4LZQ.js")
  },
  version: { summary: "Print the sysreg version.", load: () => import("./version-T3T3KG55.js") }
};
async function main(invocation) {
  const { argv, ...context } = invocation;
  const program = createCommandLine(COMMANDS, context, SYSREG_VERSION);
  const named = argv[0] === "help" ? argv[1] : argv[0];
  const entry = named !== void 0 && Object.hasOwn(COMMANDS, named) ? COMMANDS[named] : void 0;
  let exitCode = 1;
  if (entry) {
    const { command } = await entry.load();
    const verb = declareVerb(program, command);
    verb.action(async () => {
      exitCode = await runVerb(
        context,
        command.name,
        () => command.run(context, { options: verb.opts(), operands: verb.args })
      );
    });
  }
  return await parseCommandLine(program, argv, context) ?? exitCode;
}
async function runVerb(context, verb, run) {
  try {
    return await run();
  } catch (error) {
    const interrupted = context.signal?.aborted ? context.signal.reason : void 0;
    if (interrupted instanceof Interrupted) {
      context.stderr.write(
        `sysreg ${verb}: ${interrupted.message} before it finished; nothing was written.
`
      );
      return interrupted.exitCode;
    }
    if (error instanceof Error && "exitCode" in error && typeof error.exitCode === "number") {
      context.stderr.write(`sysreg ${verb}: ${redactSecrets(error.message)}
`);
      return error.exitCode;
    }
    const detail = context.env.SYSREG_DEBUG && error instanceof Error ? `
${error.stack}` : "";
    const message = error instanceof Error ? error.message : String(error);
    context.stderr.write(`sysreg ${verb}: internal error: ${redactSecrets(`${message}${detail}`)}
`);
    return 1;
  }
}
async function runFromProcess() {
  const workingDirectory = process.cwd();
  const argv = process.argv.slice(2);
  const stdout = createProcessOutput(process.stdout);
  const stderr = createProcessOutput(process.stderr);
  const interruptions = watchInterruptions({ verb: argv[0] ?? "", stderr });
  try {
    process.exitCode = await main({
      argv,
      stdout,
      stderr,
      stdin: () => process.stdin,
      env: process.env,
      cwd: findRepositoryRoot(workingDirectory),
      workingDirectory,
      signal: interruptions.signal
    });
  } finally {
    interruptions.dispose();
  }
}
if (false) await runFromProcess();

export {
  COMMANDS,
  main,
  runFromProcess
};
