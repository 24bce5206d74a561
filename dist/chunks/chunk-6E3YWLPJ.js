import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-DFEVOAXM.js";

// src/commands/shared/altinn-options.ts
import { parseArgs } from "node:util";
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
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...ALTINN_OPTIONS, ...options },
      allowPositionals: true,
      strict: true
    });
    return parsed;
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}

${usage}`);
  }
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

// src/altinn/read-live-state.ts
async function readLiveState(client, options) {
  const cancel = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, cancel.signal]) : cancel.signal;
  const call = { signal };
  const repoIds = Promise.resolve(options.repoIds);
  repoIds.catch(() => void 0);
  try {
    const listed = await client.listVendorSystems(call);
    const listedIds = listed.map((system) => system.systemId);
    const read = (ids) => Promise.all(
      [...ids].map(async (id) => [id, await client.getSystem(id, call)])
    );
    const listedReads = read(new Set(listedIds));
    listedReads.catch(() => cancel.abort());
    const listedSet = new Set(listedIds);
    const repoOnly = new Set((await repoIds).filter((id) => !listedSet.has(id)));
    const lookups = [...await listedReads, ...await read(repoOnly)];
    const vendorOrgNumber = await client.getCallerOrgNumber(call) ?? listed[0]?.systemVendorOrgNumber ?? "";
    return {
      environment: options.environment,
      vendorOrgNumber,
      listedIds,
      systems: Object.fromEntries(lookups)
    };
  } catch (error) {
    cancel.abort(error);
    throw error;
  }
}

export {
  ALTINN_OPTION_USAGE,
  CREDENTIALS_USAGE,
  parseCommandArguments,
  requireEnvironmentName,
  pickFormat,
  requireDefaultSystemsFolder,
  readLiveState
};
