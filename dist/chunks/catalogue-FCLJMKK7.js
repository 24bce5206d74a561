import {
  declareAltinnOptions
} from "./chunk-4MD6NOMD.js";
import {
  Argument
} from "./chunk-NXYE4RLX.js";
import {
  writeFileAtomically
} from "./chunk-JQXKIT2I.js";
import {
  collectCatalogueReferences,
  pullCatalogue
} from "./chunk-4EZJHFKE.js";
import {
  SnapshotError,
  compareCatalogues,
  parseCatalogueSnapshot,
  renderCatalogueSnapshot,
  snapshotPath
} from "./chunk-HTATWITR.js";
import {
  openAltinnConnection
} from "./chunk-O7WPZCOJ.js";
import "./chunk-LTTDTWR3.js";
import "./chunk-Y6H6IDJD.js";
import "./chunk-TWCSMN77.js";
import "./chunk-2QRLR2CN.js";
import "./chunk-ZERHEBEW.js";
import {
  loadSystemFiles
} from "./chunk-XTLGM2XZ.js";
import {
  discoverSystemFiles
} from "./chunk-BLFSHPJ3.js";
import "./chunk-JUN6NXH3.js";
import {
  UsageError
} from "./chunk-BVG62MQ6.js";
import "./chunk-XUPUTSX3.js";
import "./chunk-7VZ5H7B6.js";

// src/commands/catalogue.ts
const { mkdir, readFile } = globalThis.process.getBuiltinModule("node:fs/promises");
const path = globalThis.process.getBuiltinModule("node:path");
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
async function pull(context, values) {
  const environment = values.env;
  const discovered = discoverSystemFiles(context.cwd, []);
  const references = collectCatalogueReferences(loadSystemFiles(discovered.files));
  const { connection } = await openAltinnConnection(context, {
    environment,
    altinnUrl: values.altinnUrl
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
  return values.detailedExitcode ? 2 : 0;
}
var command = {
  name: "catalogue",
  declare(commandLine) {
    commandLine.usage("pull --env NAME [--detailed-exitcode]").description(
      `Reads the environment's catalogue and writes it to .sysreg/catalogue-<env>.json, sorted and without
timestamps, for you to commit: every access package the environment defines (its public export)
and the resources the files under systems/ name. Offline 'sysreg validate' then checks each file's
access packages against the snapshot of each environment (an unknown one is an error with "did you
mean"), instead of sysreg's short built-in list (where an unknown one is only a warning).`
    ).addArgument(new Argument("<subcommand>", "pull (the only one).").choices(["pull"]));
    declareAltinnOptions(commandLine);
    commandLine.option("--detailed-exitcode", "Exit 2 when the snapshot changed (or is new).").addHelpText(
      "after",
      `
Exit status: 0 written (or unchanged), 1 error (nothing written), 2 changed (with
--detailed-exitcode).`
    );
  },
  run: (context, { options }) => pull(context, options)
};
export {
  command
};
