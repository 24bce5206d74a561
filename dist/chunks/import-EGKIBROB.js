import {
  SystemYamlEditError,
  applyFieldEdits,
  findReadBackMismatch,
  listChangedViews,
  renderSystemYaml,
  specFromLive,
  writeFileSet
} from "./chunk-FDUWJKKH.js";
import {
  readLiveState
} from "./chunk-GCDYRGNO.js";
import {
  declareAltinnOptions
} from "./chunk-4MD6NOMD.js";
import {
  collectRepeated
} from "./chunk-QSS2BETW.js";
import "./chunk-NXYE4RLX.js";
import {
  ENVIRONMENT_NAME_PATTERN
} from "./chunk-PAIP5VFL.js";
import {
  YAML_FILE,
  describeUnsafeFileName,
  indexFolder,
  readSystemsFolder,
  resolveSystemsFolder
} from "./chunk-WOGTZCVF.js";
import "./chunk-H7G7TA44.js";
import "./chunk-GHDIG2VB.js";
import "./chunk-JQXKIT2I.js";
import "./chunk-B7AQ6FAF.js";
import {
  validateSystems
} from "./chunk-NLQ3QRQQ.js";
import {
  DEFAULT_CATALOGUE
} from "./chunk-DYX2OOHH.js";
import {
  openAltinnConnection
} from "./chunk-O7WPZCOJ.js";
import {
  canonicalFromSpec,
  stringifyCanonicalJson
} from "./chunk-LTTDTWR3.js";
import "./chunk-Y6H6IDJD.js";
import {
  environmentsOf,
  resolveSpec
} from "./chunk-TWCSMN77.js";
import "./chunk-2QRLR2CN.js";
import "./chunk-ZERHEBEW.js";
import "./chunk-J7OVXALX.js";
import {
  parseSystemFile
} from "./chunk-XTLGM2XZ.js";
import {
  SYSTEMS_DIRECTORY
} from "./chunk-BLFSHPJ3.js";
import {
  ENVIRONMENTS_KEY,
  FIELD_RULES
} from "./chunk-JUN6NXH3.js";
import {
  hasErrors,
  renderDiagnosticsText
} from "./chunk-SJD3TTC4.js";
import "./chunk-RPKBACA5.js";
import {
  UsageError
} from "./chunk-BVG62MQ6.js";
import "./chunk-XUPUTSX3.js";
import "./chunk-7VZ5H7B6.js";

// src/adopt/import-systems.ts
const path = globalThis.process.getBuiltinModule("node:path");

// src/adopt/render-imported-system.ts
function renderImportedSystem(spec, environment) {
  const header = [`Imported from Altinn (${environment}) by 'sysreg import'.`];
  if (spec.isDeleted) {
    header.push(
      `Deleted in ${environment}: a tombstone. The id can never be used again; keep this file so it is not.`
    );
  }
  return renderSystemYaml(spec, { headerComment: header.join("\n") });
}

// src/adopt/import-overrides.ts
function replaceKeepingOtherEnvironments(found, spec, environment, problems) {
  const rendered = renderImportedSystem(spec, environment);
  const others = found.document ? environmentsOf(found.document).filter((name) => name !== environment) : [];
  if (!found.document || others.length === 0) return { text: rendered, kept: [] };
  const newBase = canonicalJsonOf(spec);
  const edits = [];
  const kept = [];
  for (const name of others) {
    const view = resolveSpec(found.document, name);
    const viewCanonical = canonicalJsonOf(view);
    const fields = OVERRIDABLE_FIELDS.filter((key) => fieldOf(viewCanonical, key) !== fieldOf(newBase, key));
    for (const key of fields) edits.push({ path: [ENVIRONMENTS_KEY, name, key], value: view[key] });
    kept.push({ environment: name, fields });
  }
  if (edits.length === 0) return { text: rendered, kept };
  try {
    return { text: applyFieldEdits(rendered, edits), kept };
  } catch (error) {
    if (!(error instanceof SystemYamlEditError)) throw error;
    problems.push({
      file: found.file,
      systemId: spec.id,
      message: `cannot keep the other environments' overrides in '${found.file}': ${error.message}.`
    });
    return void 0;
  }
}
var OVERRIDABLE_FIELDS = FIELD_RULES.filter((rule) => rule.overridable).map(
  (rule) => rule.key
);
function planOverrides(file, document, environment, spec, problems) {
  if (!checkEnvironmentName(file, spec.id, environment, problems)) return void 0;
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
  if (Object.keys(wanted).length === 0)
    return { edits: [removeEnvironmentBlock(document, environment)], fields };
  for (const key of fields) {
    const value = wanted[key];
    edits.push({ path: [ENVIRONMENTS_KEY, environment, key], value });
  }
  return { edits, fields };
}
function planAbsence(file, document, environment, problems) {
  if (!checkEnvironmentName(file, document.id, environment, problems)) return void 0;
  if (resolveSpec(document, environment).isDeleted) return [];
  if (!document.isDeleted) return [{ path: [ENVIRONMENTS_KEY, environment, "isDeleted"], value: true }];
  const current = document.environments[environment] ?? {};
  if (Object.keys(current).some((key) => key !== "isDeleted"))
    return [{ path: [ENVIRONMENTS_KEY, environment, "isDeleted"] }];
  return [removeEnvironmentBlock(document, environment)];
}
function removeEnvironmentBlock(document, environment) {
  const others = environmentsOf(document).filter((name) => name !== environment);
  return { path: others.length === 0 ? [ENVIRONMENTS_KEY] : [ENVIRONMENTS_KEY, environment] };
}
function checkEnvironmentName(file, systemId, environment, problems) {
  if (new RegExp(ENVIRONMENT_NAME_PATTERN).test(environment)) return true;
  problems.push({
    file,
    systemId,
    message: `'${environment}' cannot name overrides under environments: (lower-case letters, digits and '-').`
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

// src/adopt/import-systems.ts
function planImport(input) {
  const { environment } = input;
  const problems = [];
  const filesById = indexFolder(input.folder, problems);
  const filesByPath = new Map(input.folder.map((file) => [file.file, file]));
  const systems = [];
  const writes = [];
  const vendorId = `0192:${input.vendorOrgNumber}`;
  for (const { id, lookup } of input.systems) {
    const existing = filesById.get(id) ?? [];
    if (lookup.status === "absent" && existing.length === 1 && existing[0]?.document) {
      const outcome2 = planAbsentSystem(
        { ...existing[0], document: existing[0].document },
        environment,
        problems
      );
      if (outcome2) systems.push(outcome2.system);
      if (outcome2?.write) writes.push(outcome2.write);
      continue;
    }
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
    const replaced = replaceKeepingOtherEnvironments(found, spec, environment, problems);
    if (!replaced) return void 0;
    const { text: text2, kept: kept2 } = replaced;
    if (!checkReadsBack(found.file, text2, environment, live, problems)) return void 0;
    if (found.document && !checkOthersKept(found.file, found.document, text2, environment, problems, false))
      return void 0;
    if (text2 === found.text) return outcome(found.file, "unchanged");
    const planned = outcome(found.file, "replace", text2);
    return { ...planned, system: { ...planned.system, kept: kept2 } };
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
  const text = editFile(found, spec.id, merged.edits, problems);
  const kept = text !== void 0 && checkReadsBack(found.file, text, environment, live, problems) && checkOthersKept(found.file, found.document, text, environment, problems);
  return kept ? outcome(found.file, "override", text, merged.fields) : void 0;
}
function planAbsentSystem(found, environment, problems) {
  const { file, document } = found;
  const edits = planAbsence(file, document, environment, problems);
  if (!edits) return void 0;
  const system = { systemId: document.id, file, tombstone: true };
  if (edits.length === 0) return { system: { ...system, action: "unchanged", fields: [] } };
  const text = editFile(found, document.id, edits, problems);
  if (text === void 0) return void 0;
  const view = parseSystemFile(file, text).document;
  if (!view || !resolveSpec(view, environment).isDeleted) {
    problems.push({
      file,
      systemId: document.id,
      message: `the edit to '${file}' would not make '${document.id}' absent in ${environment}.`,
      hint: "This is a bug in sysreg; please report it."
    });
    return void 0;
  }
  if (!checkOthersKept(file, document, text, environment, problems)) return void 0;
  return {
    system: { ...system, action: "override", fields: ["isDeleted"] },
    write: { file, text, previousText: found.text }
  };
}
function editFile(found, systemId, edits, problems) {
  try {
    return applyFieldEdits(found.text, edits);
  } catch (error) {
    if (!(error instanceof SystemYamlEditError)) throw error;
    problems.push({ file: found.file, systemId, message: `cannot edit '${found.file}': ${error.message}.` });
    return void 0;
  }
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
function checkOthersKept(file, before, text, environment, problems, includeBase = true) {
  const others = environmentsOf(before).filter((name) => name !== environment);
  const views = includeBase ? [void 0, ...others] : others;
  const changed = listChangedViews(file, before, text, views);
  if (changed.length === 0) return true;
  problems.push({
    file,
    message: `editing '${file}' for ${environment} would change ${changed.map((view) => view ?? "the base").join(", ")}.`,
    hint: "This is a bug in sysreg; please report it."
  });
  return false;
}

// src/commands/import.ts
var command = {
  name: "import",
  declare(commandLine) {
    commandLine.usage("--env NAME [--only ID\u2026] [--dir systems] [--overwrite]").description(
      `Writes one canonical YAML file per live system of the vendor, so that 'sysreg plan' right after is
empty. A system that already has a file gets 'environments.<env>' overrides in it for exactly the
fields where this environment differs from the file (comments and layout kept). Every file is
checked first; then all are written, or none.`
    );
    declareAltinnOptions(commandLine);
    commandLine.option(
      "--only <id>",
      "Import only this system (repeat, or separate ids with commas). Altinn does not list deleted systems: name a deleted id here to import it as a tombstone.",
      collectRepeated
    ).option("--dir <folder>", "The systems folder, inside the repository.", SYSTEMS_DIRECTORY).option(
      "--overwrite",
      "Replace existing files instead of adding overrides to them; what other environments override is kept (as overrides), and listed."
    ).addHelpText("after", "\nExit status: 0 imported (or nothing to do), 1 error (nothing written).");
  },
  async run(context, { options: values }) {
    const environment = values.env;
    const only = splitIds(values.only);
    const directory = await resolveSystemsFolder(context.cwd, values.dir);
    const folder = await readSystemsFolder(context.cwd, directory);
    const { vendorOrgNumber, systems } = await readImportSources(context, {
      environment,
      altinnUrl: values.altinnUrl,
      only
    });
    const input = {
      environment,
      vendorOrgNumber,
      systems,
      directory,
      folder,
      overwrite: values.overwrite === true
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
  if (ids.some((id) => id === "")) throw new UsageError("--only needs a system id.");
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
      case "override": {
        const absent = system.tombstone ? ` (absent in ${environment})` : "";
        return `overrides ${system.file}: environments.${environment}: ${system.fields.join(", ")}${absent}`;
      }
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
