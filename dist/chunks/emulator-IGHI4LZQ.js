import {
  exportJWK,
  exportPKCS8,
  generateKeyPair
} from "./chunk-Y6H6IDJD.js";
import {
  SCOPE_WRITE
} from "./chunk-2QRLR2CN.js";
import {
  UsageError
} from "./chunk-BVG62MQ6.js";
import "./chunk-7VZ5H7B6.js";

// src/commands/emulator.ts
const process = globalThis.process;

// src/emulator/demo-client.ts
const { randomUUID } = globalThis.process.getBuiltinModule("node:crypto");
const { mkdtemp, rm, writeFile } = globalThis.process.getBuiltinModule("node:fs/promises");
const { tmpdir } = globalThis.process.getBuiltinModule("node:os");
const path = globalThis.process.getBuiltinModule("node:path");
var DEMO_ORG_NUMBER = "314159268";
async function registerDemoClient(url, options = {}) {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const clientId = options.clientId ?? `sysreg-demo-${randomUUID().slice(0, 8)}`;
  const kid = `demo-${randomUUID().slice(0, 8)}`;
  const orgNumber = options.orgNumber ?? DEMO_ORG_NUMBER;
  const jwk = { ...await exportJWK(publicKey), kid, alg: "RS256", use: "sig" };
  const base = url.replace(/\/+$/, "");
  const response = await fetch(`${base}/_emulator/clients`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ clientId, orgNumber, scopes: options.scopes ?? [SCOPE_WRITE], jwk })
  });
  if (response.status !== 201) {
    throw new Error(`the local Altinn refused the demo client: ${response.status} ${await response.text()}`);
  }
  return {
    clientId,
    kid,
    orgNumber,
    env: {
      MASKINPORTEN_CLIENT_ID: clientId,
      MASKINPORTEN_KID: kid,
      MASKINPORTEN_PRIVATE_KEY: await exportPKCS8(privateKey),
      SYSREG_ALTINN_URL: base
    }
  };
}
async function saveDemoKey(client) {
  const folder = await mkdtemp(path.join(tmpdir(), "sysreg-demo-client-"));
  const keyFile = path.join(folder, "private-key.pem");
  await writeFile(keyFile, client.env.MASKINPORTEN_PRIVATE_KEY ?? "", { mode: 384, flag: "wx" });
  return { keyFile, remove: () => rm(folder, { recursive: true, force: true }) };
}
function renderDemoClientExports(client, keyFile) {
  const quote = (value) => `'${value.replace(/'/g, `'\\''`)}'`;
  return [
    "# Point sysreg at this local Altinn (paste into your shell; then use --env local):",
    `export SYSREG_ALTINN_URL=${quote(client.env.SYSREG_ALTINN_URL ?? "")}`,
    `export MASKINPORTEN_CLIENT_ID=${quote(client.clientId)}`,
    `export MASKINPORTEN_KID=${quote(client.kid)}`,
    `export MASKINPORTEN_PRIVATE_KEY="$(cat ${quote(keyFile)})"`,
    ""
  ].join("\n");
}

// src/commands/emulator.ts
var DEFAULT_EMULATOR_PORT = 5101;
function readPort(value) {
  if (value === void 0) return DEFAULT_EMULATOR_PORT;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535)
    throw new UsageError(`--port must be an integer from 0 to 65535, got '${value}'`);
  return port;
}
var command = {
  name: "emulator",
  declare(commandLine) {
    commandLine.usage("[--port N] [--host 127.0.0.1] [--data FILE] [--demo-client]").description(
      `Starts the local Altinn (system register, Maskinporten and catalogues) and prints its base URL.
Serves until stopped with Ctrl-C (SIGINT) or SIGTERM.`
    ).option("--port <n>", `Port to listen on (default ${DEFAULT_EMULATOR_PORT}; 0 picks a free port).`).option("--host <host>", "Address to listen on.", "127.0.0.1").option(
      "--data <file>",
      "Keep state in this JSON file across restarts (written atomically); default in memory."
    ).option(
      "--demo-client",
      `Register a Maskinporten client for vendor 0192:${DEMO_ORG_NUMBER} with a fresh key, save the key to a 0600 file outside the repository (removed on stop), and print the export lines that point the CLI at this local Altinn.`
    ).addHelpText(
      "after",
      "\nExit status: 0 after a clean stop, 1 when it cannot start (port in use, unwritable --data)."
    );
  },
  async run({ stdout }, { options: values }) {
    const port = readPort(values.port);
    const { startEmulator } = await import("./emulator-7HM2IRGX.js");
    let emulator;
    try {
      emulator = await startEmulator({
        port,
        host: values.host,
        ...values.data !== void 0 ? { dataFile: values.data } : {}
      });
    } catch (error) {
      const code = error.code;
      if (code === "EADDRINUSE")
        throw new UsageError(`port ${port} is already in use; pick another with --port`);
      if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND")
        throw new UsageError(`cannot listen on host '${values.host}'`);
      throw error;
    }
    stdout.write(`${emulator.url}
`);
    let removeKey = async () => {
    };
    if (values.demoClient) {
      const client = await registerDemoClient(emulator.url);
      const saved = await saveDemoKey(client);
      removeKey = saved.remove;
      stdout.write(renderDemoClientExports(client, saved.keyFile));
    }
    await new Promise((resolve) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        void emulator.close().then(removeKey).then(resolve);
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
    return 0;
  }
};
export {
  DEFAULT_EMULATOR_PORT,
  command
};
