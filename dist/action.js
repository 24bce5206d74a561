import {
  main
} from "./chunks/chunk-IEMHOYRL.js";
import "./chunks/chunk-CGDUWIAB.js";
import "./chunks/chunk-QSS2BETW.js";
import "./chunks/chunk-NXYE4RLX.js";
import "./chunks/chunk-INHK5KOL.js";
import "./chunks/chunk-OGJUZ5FT.js";
import {
  failStep,
  maskSecret,
  readInput
} from "./chunks/chunk-FFJOBAUL.js";
import "./chunks/chunk-B7AQ6FAF.js";
import "./chunks/chunk-ZERHEBEW.js";
import "./chunks/chunk-BLFSHPJ3.js";
import "./chunks/chunk-JUN6NXH3.js";
import "./chunks/chunk-XUPUTSX3.js";
import "./chunks/chunk-7VZ5H7B6.js";

// src/action.ts
const process2 = globalThis.process;

// src/action-run.ts
const process = globalThis.process;
var ACTION_COMMANDS = ["validate", "plan", "apply", "drift"];
function actionArguments(inputs) {
  if (!ACTION_COMMANDS.includes(inputs.command)) {
    return {
      problem: `input 'command' must be one of ${ACTION_COMMANDS.join(", ")}; got '${inputs.command}'.`
    };
  }
  if (/["'`\\]/.test(inputs.args)) {
    return { problem: "input 'args' is split on spaces; quotes and backslashes are not supported." };
  }
  const extra = inputs.args.split(/\s+/).filter((word) => word !== "");
  if (extra.includes("--report") || extra.some((word) => word.startsWith("--report="))) {
    return { problem: "input 'args' must not set --report: the action always reports to GitHub." };
  }
  const environment = inputs.environment === "" ? [] : ["--env", inputs.environment];
  return { argv: [inputs.command, ...environment, ...extra, "--report", "github"] };
}
async function runAction() {
  const workspace = process.env.GITHUB_WORKSPACE;
  if (!workspace) {
    failStep("GITHUB_WORKSPACE is not set: the sysreg action runs only in a GitHub Actions job.");
    return 1;
  }
  const privateKey = process.env.MASKINPORTEN_PRIVATE_KEY;
  if (privateKey) {
    maskSecret(privateKey);
    for (const line of privateKey.split(/\r?\n/)) if (line.trim().length > 8) maskSecret(line.trim());
  }
  const command = readInput("command");
  if (command === "") {
    failStep(`input 'command' is required: one of ${ACTION_COMMANDS.join(", ")}.`);
    return 1;
  }
  const parsed = actionArguments({
    command,
    environment: readInput("environment"),
    args: readInput("args")
  });
  if ("problem" in parsed) {
    failStep(parsed.problem);
    return 1;
  }
  const token = readInput("github-token");
  return main({
    argv: parsed.argv,
    stdout: process.stdout,
    stderr: process.stderr,
    env: { ...process.env, ...token && !process.env.GITHUB_TOKEN ? { GITHUB_TOKEN: token } : {} },
    cwd: workspace
  });
}

// src/action.ts
process2.exitCode = await runAction();
