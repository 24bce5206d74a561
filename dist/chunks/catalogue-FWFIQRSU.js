import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  ALTINN_OPTION_USAGE,
  CREDENTIALS_USAGE,
  parseCommandArguments,
  requireEnvironmentName
} from "./chunk-AFYJKM2W.js";
import {
  writeFileAtomically
} from "./chunk-HFONU46N.js";
import {
  collectCatalogueReferences,
  pullCatalogue
} from "./chunk-7SQ2OXUT.js";
import {
  openAltinnConnection
} from "./chunk-NL67VIKX.js";
import "./chunk-6NLQGXK2.js";
import "./chunk-GXJ3DS7S.js";
import "./chunk-MXBULDQQ.js";
import "./chunk-QS53BEIT.js";
import {
  SnapshotError,
  compareCatalogues,
  parseCatalogueSnapshot,
  renderCatalogueSnapshot,
  snapshotPath
} from "./chunk-KGULHHCH.js";
import "./chunk-XG5GZA5Y.js";
import "./chunk-IDQTVNP5.js";
import {
  loadSystemFiles
} from "./chunk-MAKOQR3N.js";
import {
  discoverSystemFiles
} from "./chunk-LJMKBTNR.js";
import "./chunk-ES5KJZ65.js";
import "./chunk-LPPGVJBP.js";
import {
  UsageError
} from "./chunk-DFEVOAXM.js";
import "./chunk-PFLRPMBQ.js";

// src/commands/catalogue.ts
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
var USAGE = `Usage: sysreg catalogue pull --env NAME [--detailed-exitcode]

Reads the environment's catalogue and writes it to .sysreg/catalogue-<env>.json, sorted and without
timestamps, for you to commit: every access package the environment defines (its public export)
and the resources the files under systems/ name. Offline 'sysreg validate' then checks each file's
access packages against the snapshot of each environment (an unknown one is an error with "did you
mean"), instead of sysreg's short built-in list (where an unknown one is only a warning).

Options:
${ALTINN_OPTION_USAGE}
  --detailed-exitcode   Exit 2 when the snapshot changed (or is new).

${CREDENTIALS_USAGE}

Exit status: 0 written (or unchanged), 1 error (nothing written), 2 changed (with
--detailed-exitcode).
`;
var LISTED_NAMES = 10;
async function readPreviousSnapshot(absolutePath, file, environment) {
  let text;
  try {
    text = await readFile(absolutePath, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw error;
  }
  try {
    return { text, catalogue: parseCatalogueSnapshot(file, text, environment) };
  } catch (error) {
    if (error instanceof SnapshotError) return { text, catalogue: void 0 };
    throw error;
  }
}
function describeChange(change) {
  const list = (sign, names) => names.length === 0 ? [] : [
    `  ${sign} ${names.slice(0, LISTED_NAMES).join(", ")}${names.length > LISTED_NAMES ? `, and ${names.length - LISTED_NAMES} more` : ""}`
  ];
  return [
    ...list("added:", change.added),
    ...list("removed:", change.removed),
    ...list("changed:", change.changed)
  ].join("\n");
}
async function pull(context) {
  const { values, positionals } = parseCommandArguments(
    context.argv,
    { "detailed-exitcode": { type: "boolean", default: false } },
    USAGE
  );
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'.

${USAGE}`);
  const environment = requireEnvironmentName(values.env, USAGE);
  const discovered = await discoverSystemFiles(context.cwd, []);
  const references = collectCatalogueReferences(await loadSystemFiles(discovered.files));
  const { connection } = await openAltinnConnection(context, {
    environment,
    altinnUrl: values["altinn-url"]
  });
  let catalogue;
  try {
    catalogue = await pullCatalogue(connection.client, { resourceIds: references.resourceIds });
  } finally {
    await connection.close();
  }
  const file = snapshotPath(environment);
  if (catalogue.accessPackages.length === 0) {
    throw new UsageError(`${environment} exported no access packages; ${file} was left as it is.`);
  }
  const absolutePath = path.join(context.cwd, file);
  const text = renderCatalogueSnapshot(environment, catalogue);
  const previous = await readPreviousSnapshot(absolutePath, file, environment);
  const summary = `${catalogue.accessPackages.length} access packages, ${catalogue.resources.length} resources`;
  if (previous?.text === text) {
    context.stdout.write(`${file}: unchanged (${summary}).
`);
    return 0;
  }
  await mkdir(path.dirname(absolutePath), { recursive: true });
  await writeFileAtomically(absolutePath, text);
  const change = previous?.catalogue ? compareCatalogues(previous.catalogue, catalogue) : void 0;
  const verb = previous === void 0 ? "written" : "changed";
  const details = change ? describeChange(change) : "";
  context.stdout.write(`${file}: ${verb} (${summary}). Commit it.
${details ? `${details}
` : ""}`);
  return values["detailed-exitcode"] ? 2 : 0;
}
var command = {
  name: "catalogue",
  summary: "Snapshot an environment's access packages and resources into .sysreg/ (catalogue pull).",
  usage: USAGE,
  async run(context) {
    const [subcommand, ...rest] = context.argv;
    if (subcommand !== "pull") {
      throw new UsageError(
        `${subcommand === void 0 ? "a subcommand is needed" : `unknown subcommand '${subcommand}'`}.

${USAGE}`
      );
    }
    return pull({ ...context, argv: rest });
  }
};
export {
  command
};
