import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  writeFileSet
} from "./chunk-26SHPYE5.js";
import {
  readLiveState
} from "./chunk-5H4AKS2N.js";
import {
  ALTINN_OPTION_USAGE,
  CREDENTIALS_USAGE,
  parseCommandArguments,
  requireEnvironmentName
} from "./chunk-AFYJKM2W.js";
import {
  planImport,
  readSystemsFolder,
  resolveSystemsFolder
} from "./chunk-XHTUKUZC.js";
import "./chunk-ZE2ZZQNO.js";
import "./chunk-SDPSUG5G.js";
import "./chunk-AFTL4S32.js";
import "./chunk-3ILH4DJ4.js";
import "./chunk-RG4TCREV.js";
import {
  openAltinnConnection
} from "./chunk-W3Y5SBTU.js";
import "./chunk-GXJ3DS7S.js";
import "./chunk-Y7HMJB2Q.js";
import "./chunk-SC5P5PEX.js";
import "./chunk-QS53BEIT.js";
import "./chunk-R3FZRAIC.js";
import "./chunk-KOQTTC3B.js";
import "./chunk-G7IWAAZC.js";
import "./chunk-47EHJWBS.js";
import "./chunk-5D3DEEUL.js";
import "./chunk-MZAI5OD6.js";
import "./chunk-LIZD3WMD.js";
import {
  SYSTEMS_DIRECTORY
} from "./chunk-JL2D3Q3I.js";
import "./chunk-ES5KJZ65.js";
import {
  hasErrors,
  renderDiagnosticsText
} from "./chunk-P2GHN5B7.js";
import "./chunk-TMLGWUGT.js";
import {
  UsageError
} from "./chunk-DFEVOAXM.js";
import "./chunk-PFLRPMBQ.js";

// src/commands/import.ts
var USAGE = `Usage: sysreg import --env NAME [--only ID…] [--dir systems] [--overwrite]

Writes one canonical YAML file per live system of the vendor, so that 'sysreg plan' right after is
empty. A system that already has a file gets 'environments.<env>' overrides in it for exactly the
fields where this environment differs from the file (comments and layout kept). Every file is
checked first; then all are written, or none.

Options:
${ALTINN_OPTION_USAGE}
  --only <id>           Import only this system (repeat, or separate ids with commas). Altinn does not
                        list deleted systems: name a deleted id here to import it as a tombstone.
  --dir <folder>        The systems folder, inside the repository (default: systems).
  --overwrite           Replace existing files instead of adding overrides to them; what other
                        environments override is kept (as overrides), and listed.

${CREDENTIALS_USAGE}

Exit status: 0 imported (or nothing to do), 1 error (nothing written).
`;
var command = {
  name: "import",
  summary: "Write the vendor's live systems into YAML files (all or nothing).",
  usage: USAGE,
  async run(context) {
    const { values, positionals } = parseCommandArguments(
      context.argv,
      {
        only: { type: "string", multiple: true },
        dir: { type: "string", default: SYSTEMS_DIRECTORY },
        overwrite: { type: "boolean", default: false }
      },
      USAGE
    );
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'

${USAGE}`);
    const environment = requireEnvironmentName(values.env, USAGE);
    const only = splitIds(values.only);
    const directory = await resolveSystemsFolder(context.cwd, values.dir);
    const folder = await readSystemsFolder(context.cwd, directory);
    const { vendorOrgNumber, systems } = await readImportSources(context, {
      environment,
      altinnUrl: values["altinn-url"],
      only
    });
    const input = {
      environment,
      vendorOrgNumber,
      systems,
      directory,
      folder,
      overwrite: values.overwrite
    };
    const plan = planImport(input);
    if (plan.problems.length > 0) {
      context.stderr.write(renderProblems(plan.problems));
      context.stderr.write(`sysreg import: nothing was written.
`);
      return 1;
    }
    await writeFileSet(context.cwd, plan.writes);
    context.stdout.write(renderImportSummary(plan.systems, environment));
    if (hasErrors(plan.diagnostics)) {
      context.stderr.write(
        `warning: the imported files say what ${environment} has, but do not pass 'sysreg validate'; plan refuses to run until they do:

`
      );
      context.stderr.write(
        renderDiagnosticsText({
          diagnostics: plan.diagnostics,
          fileCount: plan.writes.length,
          sources: new Map(plan.writes.map((write) => [write.file, write.text]))
        })
      );
    }
    return 0;
  }
};
function splitIds(values) {
  if (values === void 0) return void 0;
  const ids = values.flatMap((value) => value.split(",")).map((id) => id.trim());
  if (ids.some((id) => id === "")) throw new UsageError(`--only needs a system id

${USAGE}`);
  return [...new Set(ids)];
}
async function readImportSources(context, options) {
  const { connection } = await openAltinnConnection(context, options);
  try {
    const { client } = connection;
    const call = context.signal ? { signal: context.signal } : {};
    if (options.only) {
      const lookups = await Promise.all(options.only.map((id) => client.getSystem(id, call)));
      const vendorOrgNumber = await client.getCallerOrgNumber(call) ?? "";
      return {
        vendorOrgNumber,
        systems: options.only.map((id, index) => ({ id, lookup: lookups[index] ?? { status: "absent" } }))
      };
    }
    const live = await readLiveState(client, { environment: options.environment, repoIds: [], ...call });
    return {
      vendorOrgNumber: live.vendorOrgNumber,
      systems: live.listedIds.map((id) => ({ id, lookup: live.systems[id] ?? { status: "absent" } }))
    };
  } finally {
    await connection.close();
  }
}
function renderProblems(problems) {
  return problems.map((problem) => `sysreg import: ${problem.message}
${problem.hint ? `  hint: ${problem.hint}
` : ""}`).join("");
}
function renderImportSummary(systems, environment) {
  if (systems.length === 0) return `There are no systems to import from ${environment}.
`;
  const lines = systems.map((system) => {
    const tombstone = system.tombstone ? " (deleted: a tombstone)" : "";
    switch (system.action) {
      case "create":
        return `created   ${system.file}${tombstone}`;
      case "replace": {
        const kept = (system.kept ?? []).map(
          ({ environment: name, fields }) => fields.length === 0 ? `environments.${name} follows the new base` : `kept environments.${name}: ${fields.join(", ")}`
        );
        return `replaced  ${system.file}${tombstone}${kept.length > 0 ? ` (${kept.join("; ")})` : ""}`;
      }
      case "override":
        return `overrides ${system.file}: environments.${environment}: ${system.fields.join(", ")}`;
      case "unchanged":
        return `unchanged ${system.file}`;
    }
  });
  const written = systems.filter((system) => system.action !== "unchanged").length;
  return `${lines.join("\n")}

Imported ${systems.length} system${systems.length === 1 ? "" : "s"} from ${environment} (${written} file${written === 1 ? "" : "s"} written). 'sysreg plan --env ${environment}' now shows no changes for them.
`;
}
export {
  command
};
