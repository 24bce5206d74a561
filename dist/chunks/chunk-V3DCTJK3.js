import {
  parseArguments
} from "./chunk-FNHPKAK2.js";
import {
  UsageError
} from "./chunk-BVG62MQ6.js";

// src/commands/shared/altinn-options.ts
var ALTINN_OPTION_USAGE = `  --env <name>          Environment: tt02, prod, local, or one from sysreg.config.yaml (required).
  --altinn-url <url>    Base URL of the local Altinn for --env local (default: $SYSREG_ALTINN_URL
                        or http://127.0.0.1:5101).`;
var CREDENTIALS_USAGE = `Credentials come from the environment: MASKINPORTEN_CLIENT_ID, MASKINPORTEN_KID,
MASKINPORTEN_PRIVATE_KEY (PEM PKCS#8 or a private JWK) and optionally MASKINPORTEN_SCOPE.`;
var ALTINN_OPTIONS = {
  env: { type: "string" },
  "altinn-url": { type: "string" }
};
function parseCommandArguments(argv, options, usage) {
  return parseArguments(argv, { ...ALTINN_OPTIONS, ...options }, usage);
}
function requireEnvironmentName(value, usage) {
  if (typeof value !== "string" || value.trim() === "") {
    throw new UsageError(`--env is required.

${usage}`);
  }
  return value;
}
function pickFormat(value, formats) {
  const format = typeof value === "string" ? value : formats[0];
  if (!formats.includes(format)) {
    throw new UsageError(`unknown format '${format}'; use one of ${formats.join(", ")}.`);
  }
  return format;
}
function requireDefaultSystemsFolder(positionals, usage) {
  for (const given of positionals) {
    const normalised = given.replace(/\\/g, "/").replace(/^(\.\/)+/, "").replace(/\/+$/, "");
    if (normalised !== "systems") {
      throw new UsageError(
        `unexpected argument '${given}': this command reads every file under systems/ at the repository root.

${usage}`
      );
    }
  }
}

export {
  ALTINN_OPTION_USAGE,
  CREDENTIALS_USAGE,
  parseCommandArguments,
  requireEnvironmentName,
  pickFormat,
  requireDefaultSystemsFolder
};
