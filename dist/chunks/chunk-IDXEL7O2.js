import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  findRepositoryRoot
} from "./chunk-3T32HAJJ.js";

// src/cli.ts
import module from "node:module";
import process from "node:process";
module.enableCompileCache?.();
var COMMANDS = {
  // In the order of the loop: set up, author, check, compare, change, adopt; then the tools around it.
  init: () => import("./init-BAUXUZJO.js"),
  new: () => import("./new-IGADKM3Q.js"),
  fmt: () => import("./fmt-QHUPA3HU.js"),
  validate: () => import("./validate-ZJ25GVAY.js"),
  plan: () => import("./plan-X4B4Y7T7.js"),
  apply: () => import("./apply-2JZTK4J6.js"),
  drift: () => import("./drift-TB7HEXCP.js"),
  import: () => import("./import-CJ4JH6Y3.js"),
  schema: () => import("./schema-VG5DLEKB.js"),
  emulator: () => import("./emulator-EUSHA3NN.js"),
  version: () => import("./version-T542CVZ2.js")
};
function pickLoader(verb, argv) {
  if (verb === "validate" && argv.some((arg) => arg === "--env" || arg.startsWith("--env="))) {
    return () => import("./validate-online-NRQGSJMN.js");
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
      context.stderr.write(`sysreg ${verb}: ${error.message}
`);
      return error.exitCode;
    }
    const detail = context.env.SYSREG_DEBUG && error instanceof Error ? `
${error.stack}` : "";
    const message = error instanceof Error ? error.message : String(error);
    context.stderr.write(`sysreg ${verb}: internal error: ${message}${detail}
`);
    return 1;
  }
}
async function runFromProcess() {
  const workingDirectory = process.cwd();
  process.exitCode = await main({
    argv: process.argv.slice(2),
    stdout: process.stdout,
    stderr: process.stderr,
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
