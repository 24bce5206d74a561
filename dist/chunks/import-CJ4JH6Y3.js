import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  SystemYamlEditError,
  applyFieldEdits,
  findReadBackMismatch,
  listChangedViews,
  renderSystemYaml,
  specFromLive,
  writeFileSet
} from "./chunk-EN3LJNDF.js";
import {
  ALTINN_OPTION_USAGE,
  CREDENTIALS_USAGE,
  parseCommandArguments,
  readLiveState,
  requireEnvironmentName
} from "./chunk-6E3YWLPJ.js";
import {
  openAltinnConnection
} from "./chunk-V4O7UAFV.js";
import {
  canonicalFromSpec,
  stringifyCanonicalJson
} from "./chunk-I3QDYHMD.js";
import "./chunk-GXJ3DS7S.js";
import {
  ENVIRONMENT_NAME_PATTERN
} from "./chunk-IKNEDBOH.js";
import "./chunk-BWGYRILG.js";
import {
  readSystemsFolder,
  resolveSystemsFolder
} from "./chunk-Y3FKWDIB.js";
import "./chunk-JNRPWCH6.js";
import "./chunk-J6RVAHHL.js";
import "./chunk-LRC75U72.js";
import {
  environmentsOf,
  resolveSpec,
  validateSystems
} from "./chunk-7NOI2AF5.js";
import {
  DEFAULT_CATALOGUE
} from "./chunk-PNURGIQ4.js";
import "./chunk-G6XEQELQ.js";
import "./chunk-3VVXVFR3.js";
import {
  parseSystemFile
} from "./chunk-7XM6UA5P.js";
import {
  ENVIRONMENTS_KEY,
  FIELD_RULES
} from "./chunk-PD2XGLPH.js";
import {
  SYSTEMS_DIRECTORY
} from "./chunk-KBDEQPMX.js";
import {
  hasErrors,
  renderDiagnosticsText
} from "./chunk-UEDY57WB.js";
import {
  UsageError
} from "./chunk-DFEVOAXM.js";
import "./chunk-PFLRPMBQ.js";

// src/adopt/import-systems.ts
import path from "node:path";
var YAML_FILE = /\.ya?ml$/i;
var FOLDER_FURNITURE = /^(readme|license|codeowners)(\.[a-z]+)?$/i;
var SAFE_ID = /^[A-Za-z0-9._-]+$/;
var MAX_FILE_NAME_BYTES = 255;
function planImport(input) {
  const { environment } = input;
  const problems = [];
  const filesById = indexFolder(input.folder, problems);
  const filesByPath = new Map(input.folder.map((file) => [file.file, file]));
  const systems = [];
  const writes = [];
  const vendorId = `0192:${input.vendorOrgNumber}`;
  for (const { id, lookup } of input.systems) {
    const live = readOwnSystem(id, lookup, vendorId, environment, problems);
    if (!live) continue;
    const unsafe = describeUnsafeFileName(id);
    if (unsafe) {
      problems.push({
        systemId: id,
        message: `'${id}' cannot be a file name: ${unsafe}.`,
        hint: "Import the other systems with --only, and ask Digdir about this id."
      });
      continue;
    }
    const spec = specFromLive(live);
    const existing = filesById.get(id) ?? [];
    if (existing.length > 1) {
      problems.push({
        systemId: id,
        message: `'${id}' is declared by more than one file: ${existing.map((found) => found.file).join(", ")}.`,
        hint: "Keep one file per system."
      });
      continue;
    }
    const outcome = planSystemFile(existing[0], spec, live, input, filesByPath, problems);
    if (!outcome) continue;
    systems.push(outcome.system);
    if (outcome.write) writes.push(outcome.write);
  }
  return { environment, systems, writes, problems, diagnostics: validateWritten(input.folder, writes) };
}
function validateWritten(folder, writes) {
  if (writes.length === 0) return [];
  const texts = /* @__PURE__ */ new Map();
  for (const entry of folder)
    if (entry.text !== void 0 && YAML_FILE.test(entry.file)) texts.set(entry.file, entry.text);
  for (const write of writes) texts.set(write.file, write.text);
  const parsed = [...texts].map(([file, text]) => parseSystemFile(file, text));
  const written = new Set(writes.map((write) => write.file));
  return validateSystems(parsed, { catalogue: DEFAULT_CATALOGUE }).filter(
    (diagnostic) => written.has(diagnostic.file)
  );
}
function planSystemFile(found, spec, live, input, filesByPath, problems) {
  const { environment } = input;
  const outcome = (file, action, text2, fields = []) => ({
    system: { systemId: spec.id, file, action, tombstone: spec.isDeleted, fields },
    ...text2 === void 0 ? {} : { write: { file, text: text2, previousText: found?.text } }
  });
  if (!found) {
    const file = path.posix.join(input.directory, `${spec.id}.yaml`);
    if (filesByPath.has(file)) {
      problems.push({
        file,
        systemId: spec.id,
        message: `'${file}' exists but does not declare '${spec.id}'.`
      });
      return void 0;
    }
    const text2 = renderImportedSystem(spec, environment);
    return checkReadsBack(file, text2, environment, live, problems) ? outcome(file, "create", text2) : void 0;
  }
  if (input.overwrite) {
    const text2 = renderImportedSystem(spec, environment);
    if (!checkReadsBack(found.file, text2, environment, live, problems)) return void 0;
    return text2 === found.text ? outcome(found.file, "unchanged") : outcome(found.file, "replace", text2);
  }
  if (!found.document) {
    problems.push({
      file: found.file,
      systemId: spec.id,
      message: `'${found.file}' has errors, so overrides for ${environment} cannot be added to it.`,
      hint: "Fix it first ('sysreg validate'), or replace it with --overwrite."
    });
    return void 0;
  }
  const merged = planOverrides(found.file, found.document, environment, spec, problems);
  if (!merged) return void 0;
  if (merged.edits.length === 0) return outcome(found.file, "unchanged");
  let text;
  try {
    text = applyFieldEdits(found.text, merged.edits);
  } catch (error) {
    if (!(error instanceof SystemYamlEditError)) throw error;
    problems.push({
      file: found.file,
      systemId: spec.id,
      message: `cannot edit '${found.file}': ${error.message}.`
    });
    return void 0;
  }
  const kept = checkReadsBack(found.file, text, environment, live, problems) && checkOthersKept(found.file, found.document, text, environment, problems);
  return kept ? outcome(found.file, "override", text, merged.fields) : void 0;
}
function describeUnsafeFileName(id) {
  if (!SAFE_ID.test(id)) {
    const bad = [...new Set([...id].filter((character) => !SAFE_ID.test(character)))];
    return `it holds ${bad.map((character) => JSON.stringify(character)).join(", ")}; only letters A–Z, digits, '.', '_' and '-' are safe`;
  }
  if (id.startsWith(".") || id.includes("..")) return "it starts with '.' or holds '..'";
  if (Buffer.byteLength(`${id}.yaml`) > MAX_FILE_NAME_BYTES) {
    return `'${id}.yaml' is longer than ${MAX_FILE_NAME_BYTES} bytes`;
  }
  return void 0;
}
function renderImportedSystem(spec, environment) {
  const header = [`Imported from Altinn (${environment}) by 'sysreg import'.`];
  if (spec.isDeleted) {
    header.push(
      `Deleted in ${environment}: a tombstone. The id can never be used again; keep this file so it is not.`
    );
  }
  return renderSystemYaml(spec, { headerComment: header.join("\n") });
}
function indexFolder(folder, problems) {
  const byId = /* @__PURE__ */ new Map();
  for (const entry of folder) {
    const name = path.posix.basename(entry.file);
    if (!YAML_FILE.test(name)) {
      if (FOLDER_FURNITURE.test(name)) continue;
      problems.push({
        file: entry.file,
        message: `'${entry.file}' is not a system file, and import writes only into a folder of system files.`,
        hint: "Check --dir, or move the file out of the folder."
      });
      continue;
    }
    if (entry.text === void 0) {
      problems.push({ file: entry.file, message: `'${entry.file}' cannot be read as a text file.` });
      continue;
    }
    const parsed = parseSystemFile(entry.file, entry.text);
    const declared = parsed.document ?? parsed.draft;
    if (!declared) {
      const first = parsed.diagnostics.find((diagnostic) => diagnostic.severity === "error");
      const where = first ? ` (line ${first.line}: ${first.message})` : "";
      problems.push({
        file: entry.file,
        message: `'${entry.file}' is not a system file sysreg can read${where}.`,
        hint: "Fix it ('sysreg validate'), move it out of the folder, or check --dir."
      });
      continue;
    }
    const list = byId.get(declared.id) ?? [];
    list.push({ file: entry.file, text: entry.text, document: parsed.document });
    byId.set(declared.id, list);
  }
  return byId;
}
function readOwnSystem(id, lookup, vendorId, environment, problems) {
  if (lookup.status === "absent") {
    problems.push({ systemId: id, message: `there is no system '${id}' in ${environment}.` });
    return void 0;
  }
  if (lookup.status === "forbidden" || lookup.system.vendor?.ID !== vendorId) {
    problems.push({
      systemId: id,
      message: `'${id}' in ${environment} belongs to another vendor, not ${vendorId}.`
    });
    return void 0;
  }
  return lookup.system;
}
function planOverrides(file, document, environment, spec, problems) {
  if (document.isDeleted !== spec.isDeleted) {
    problems.push({
      file,
      systemId: spec.id,
      message: spec.isDeleted ? `'${spec.id}' is deleted in ${environment}, but '${file}' declares it live; isDeleted cannot differ between environments.` : `'${spec.id}' is live in ${environment}, but '${file}' is a tombstone; isDeleted cannot differ between environments.`
    });
    return void 0;
  }
  if (!new RegExp(ENVIRONMENT_NAME_PATTERN).test(environment)) {
    problems.push({
      file,
      systemId: spec.id,
      message: `'${environment}' cannot name overrides under environments: (lower-case letters, digits and '-').`
    });
    return void 0;
  }
  if (document.vendor.ID !== spec.vendor.ID) {
    problems.push({
      file,
      systemId: spec.id,
      message: `'${file}' names vendor ${document.vendor.ID}, but ${environment} has ${spec.vendor.ID}.`
    });
    return void 0;
  }
  const base = resolveSpec(document, void 0);
  const current = document.environments[environment] ?? {};
  const liveCanonical = canonicalJsonOf(spec);
  const wanted = {};
  for (const rule of FIELD_RULES) {
    if (!rule.overridable) continue;
    const key = rule.key;
    if (fieldOf(canonicalJsonOf(base), key) === fieldOf(liveCanonical, key)) continue;
    const overridden = current[key];
    const keep = overridden !== void 0 && fieldOf(canonicalJsonOf({ ...base, [key]: overridden }), key) === fieldOf(liveCanonical, key);
    wanted[key] = keep ? overridden : spec[key];
  }
  const fields = [
    ...new Set(
      [...Object.keys(current), ...Object.keys(wanted)].filter((key) => {
        const before = current[key];
        const after = wanted[key];
        return stringifyCanonicalJson(before ?? null) !== stringifyCanonicalJson(after ?? null);
      })
    )
  ];
  const edits = [];
  if (fields.length === 0) return { edits, fields };
  if (Object.keys(wanted).length === 0) {
    const others = environmentsOf(document).filter((name) => name !== environment);
    edits.push({ path: others.length === 0 ? [ENVIRONMENTS_KEY] : [ENVIRONMENTS_KEY, environment] });
    return { edits, fields };
  }
  for (const key of fields) {
    const value = wanted[key];
    edits.push({ path: [ENVIRONMENTS_KEY, environment, key], value });
  }
  return { edits, fields };
}
function checkReadsBack(file, text, environment, live, problems) {
  const mismatch = findReadBackMismatch(file, text, environment, live);
  if (mismatch === void 0) return true;
  problems.push({
    file,
    systemId: live.id,
    message: `the file written for '${live.id}' would not read back as ${environment} has it (${mismatch}).`,
    hint: "This is a bug in sysreg; please report it with the system as Altinn returns it."
  });
  return false;
}
function checkOthersKept(file, before, text, environment, problems) {
  const views = [void 0, ...environmentsOf(before).filter((name) => name !== environment)];
  const changed = listChangedViews(file, before, text, views);
  if (changed.length === 0) return true;
  problems.push({
    file,
    message: `editing '${file}' for ${environment} would change ${changed.map((view) => view ?? "the base").join(", ")}.`,
    hint: "This is a bug in sysreg; please report it."
  });
  return false;
}
function canonicalJsonOf(spec) {
  const canonical = canonicalFromSpec(spec);
  return Object.fromEntries(
    Object.entries(canonical).map(([key, value]) => [key, stringifyCanonicalJson(value)])
  );
}
function fieldOf(canonical, key) {
  return canonical[key];
}

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
  --overwrite           Replace existing files instead of adding overrides to them.

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
      context.stderr.write(`Nothing was written.
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
    if (options.only) {
      const lookups = await Promise.all(options.only.map((id) => client.getSystem(id)));
      const vendorOrgNumber = await client.getCallerOrgNumber() ?? "";
      return {
        vendorOrgNumber,
        systems: options.only.map((id, index) => ({ id, lookup: lookups[index] ?? { status: "absent" } }))
      };
    }
    const live = await readLiveState(client, { environment: options.environment, repoIds: [] });
    return {
      vendorOrgNumber: live.vendorOrgNumber,
      systems: live.listedIds.map((id) => ({ id, lookup: live.systems[id] ?? { status: "absent" } }))
    };
  } finally {
    await connection.close();
  }
}
function renderProblems(problems) {
  return problems.map((problem) => `error: ${problem.message}
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
      case "replace":
        return `replaced  ${system.file}${tombstone}`;
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
