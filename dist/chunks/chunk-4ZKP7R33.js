import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  findRepositoryRoot
} from "./chunk-JFDNQY3D.js";
import {
  redactSecrets
} from "./chunk-QS53BEIT.js";

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
  init: () => import("./init-HU643EJM.js"),
  new: () => import("./new-6BHZ2XGW.js"),
  fmt: () => import("./fmt-MNF2F5JB.js"),
  validate: () => import("./validate-WWUXW2QT.js"),
  plan: () => import("./plan-ZDOWGDFJ.js"),
  apply: () => import("./apply-2F7CDXMX.js"),
  drift: () => import("./drift-Z6AKZF4Q.js"),
  import: () => import("./import-YU662YO4.js"),
  catalogue: () => import("./catalogue-7D3R5E3O.js"),
  schema: () => import("./schema-E447QIJG.js"),
  emulator: () => import("./emulator-CKLHITEM.js"),
  version: () => import("./version-T542CVZ2.js")
};
function pickLoader(verb, argv) {
  if (verb === "validate" && argv.some((arg) => arg === "--env" || arg.startsWith("--env="))) {
    return () => import("./validate-online-HAFC3UEQ.js");
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
    "Run `sysreg <command> --help` for the options of one command.",
    ""
  ].join("\n");
}
async function main(context) {
  const [verb, ...rest] = context.argv;
  if (verb === void 0 || verb === "--help" || verb === "-h" || verb === "help") {
    const loaded = await Promise.all(Object.values(COMMANDS).map(async (load2) => (await load2()).command));
    context.stdout.write(renderHelp(loaded));
    return verb === void 0 ? 1 : 0;
  }
  if (verb === "--version") return main({ ...context, argv: ["version"] });
  const load = pickLoader(verb, rest);
  if (!load) {
    context.stderr.write(`sysreg: unknown command '${verb}'. Run 'sysreg --help' for the list.
`);
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
  process.exitCode = await main({
    argv: process.argv.slice(2),
    stdout: createProcessOutput(process.stdout),
    stderr: createProcessOutput(process.stderr),
    env: process.env,
    cwd: findRepositoryRoot(workingDirectory),
    workingDirectory
  });
}
if (false) await runFromProcess();

export {
  COMMANDS,
  main,
  runFromProcess
};
