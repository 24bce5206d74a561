import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  Interrupted,
  watchInterruptions
} from "./chunk-NQ6FXIXM.js";
import {
  findRepositoryRoot
} from "./chunk-YRZ4PKCB.js";
import {
  redactSecrets
} from "./chunk-QS53BEIT.js";
import {
  findClosest
} from "./chunk-ES5KJZ65.js";

// src/cli.ts
import module from "node:module";
import process from "node:process";

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
  init: () => import("./init-H7POCINZ.js"),
  new: () => import("./new-GUYZYAER.js"),
  fmt: () => import("./fmt-Q26QELPH.js"),
  validate: () => import("./validate-KHCU3DD4.js"),
  plan: () => import("./plan-BYJ7BHVP.js"),
  apply: () => import("./apply-5BJGTQ3O.js"),
  drift: () => import("./drift-OXPL7QJT.js"),
  import: () => import("./import-MRY7QQIJ.js"),
  catalogue: () => import("./catalogue-FWFIQRSU.js"),
  schema: () => import("./schema-I6FJ5L5O.js"),
  emulator: () => import("./emulator-BPFB7N6W.js"),
  version: () => import("./version-FTU7SMYZ.js")
};
function pickLoader(verb, argv) {
  if (verb === "validate" && argv.some((arg) => arg === "--env" || arg.startsWith("--env="))) {
    return () => import("./validate-online-7FHASZNL.js");
  }
  return COMMANDS[verb];
}
function renderHelp(commands) {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    "sysreg: GitOps for the Altinn system register",
    "",
    "Usage: sysreg <command> [options]",
    "",
    "Commands:",
    ...lines,
    "",
    "Run `sysreg help <command>` (or `sysreg <command> --help`) for the options of one command.",
    ""
  ].join("\n");
}
async function main(context) {
  const [verb, ...rest] = context.argv;
  if (verb === "help" && rest.length > 0) return main({ ...context, argv: [rest[0], "--help"] });
  if (verb === void 0 || verb === "--help" || verb === "-h" || verb === "help") {
    const loaded = await Promise.all(Object.values(COMMANDS).map(async (load2) => (await load2()).command));
    context.stdout.write(renderHelp(loaded));
    return verb === void 0 ? 1 : 0;
  }
  if (verb === "--version") return main({ ...context, argv: ["version"] });
  const load = pickLoader(verb, rest);
  if (!load) {
    const meant = findClosest(verb, Object.keys(COMMANDS));
    const suggestion = meant ? `; did you mean '${meant}'?` : ".";
    context.stderr.write(
      `sysreg: unknown command '${verb}'${suggestion} Run 'sysreg --help' for the list.
`
    );
    return 1;
  }
  const { command } = await load();
  if (rest.includes("--help") || rest.includes("-h")) {
    context.stdout.write(`${command.usage.trimEnd()}
`);
    return 0;
  }
  try {
    return await command.run({ ...context, argv: rest });
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
      stdin: process.stdin,
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
