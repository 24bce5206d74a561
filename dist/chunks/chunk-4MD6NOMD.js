import {
  UsageError
} from "./chunk-BVG62MQ6.js";

// src/commands/shared/altinn-options.ts
var CREDENTIALS_HELP = `Credentials come from the environment: MASKINPORTEN_CLIENT_ID, MASKINPORTEN_KID,
MASKINPORTEN_PRIVATE_KEY (PEM PKCS#8 or a private JWK) and optionally MASKINPORTEN_SCOPE.`;
var ALTINN_URL_HELP = "Base URL of the local Altinn for --env local (default: $SYSREG_ALTINN_URL or http://127.0.0.1:5101).";
function declareAltinnOptions(commandLine, options = {}) {
  const environments = "tt02, prod, local, or one from sysreg.config.yaml";
  if (options.systemsFolder) commandLine.argument("[systems...]");
  if (options.optional) {
    commandLine.option("--env <name>", `Check online against this environment: ${environments}.`);
  } else {
    commandLine.option("--env <name>", `Environment: ${environments} (required).`);
    commandLine.addHelpText("after", `
${CREDENTIALS_HELP}`);
  }
  commandLine.option("--altinn-url <url>", ALTINN_URL_HELP);
  commandLine.hook("preAction", (verb) => {
    const environment = verb.opts().env;
    if (!options.optional && (typeof environment !== "string" || environment.trim() === "")) {
      verb.error("--env is required.", { code: "sysreg.missingEnvironment" });
    }
    const problem = options.systemsFolder ? findOtherFolder(verb.args) : void 0;
    if (problem) verb.error(problem, { code: "sysreg.otherSystemsFolder" });
  });
}
function pickFormat(value, formats) {
  const format = typeof value === "string" ? value : formats[0];
  if (!formats.includes(format)) {
    throw new UsageError(`unknown format '${format}'; use one of ${formats.join(", ")}.`);
  }
  return format;
}
function findOtherFolder(operands) {
  for (const given of operands) {
    const normalised = given.replace(/\\/g, "/").replace(/^(\.\/)+/, "").replace(/\/+$/, "");
    if (normalised !== "systems") {
      return `unexpected argument '${given}': this command reads every file under systems/ at the repository root.`;
    }
  }
  return void 0;
}

export {
  declareAltinnOptions,
  pickFormat
};
