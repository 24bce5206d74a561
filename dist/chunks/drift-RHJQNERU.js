import {
  compareWithAltinn,
  createDriftReport,
  decideDriftExitCode,
  driftComparisonWithHistory,
  renderDriftJson,
  renderDriftText,
  writeOutputFile
} from "./chunk-EFBOAXCO.js";
import {
  SystemYamlEditError,
  applyFieldEdits,
  findReadBackMismatch,
  listChangedViews,
  specFromLive,
  writeFileSet
} from "./chunk-FDUWJKKH.js";
import "./chunk-GCDYRGNO.js";
import {
  declareAltinnOptions,
  pickFormat
} from "./chunk-4MD6NOMD.js";
import {
  collectRepeated
} from "./chunk-QSS2BETW.js";
import "./chunk-NXYE4RLX.js";
import "./chunk-H7G7TA44.js";
import "./chunk-GHDIG2VB.js";
import "./chunk-JQXKIT2I.js";
import {
  renderDriftMarkdown
} from "./chunk-O5OKAX22.js";
import "./chunk-OXRKPH2W.js";
import "./chunk-B7AQ6FAF.js";
import {
  wantsColor
} from "./chunk-EFA3IRPG.js";
import "./chunk-NLQ3QRQQ.js";
import "./chunk-DYX2OOHH.js";
import "./chunk-O7WPZCOJ.js";
import "./chunk-LTTDTWR3.js";
import "./chunk-Y6H6IDJD.js";
import {
  environmentsOf,
  isOverridden,
  resolveEnvironment,
  resolveSpec
} from "./chunk-TWCSMN77.js";
import "./chunk-2QRLR2CN.js";
import "./chunk-ZERHEBEW.js";
import "./chunk-J7OVXALX.js";
import "./chunk-XTLGM2XZ.js";
import "./chunk-BLFSHPJ3.js";
import {
  ENVIRONMENTS_KEY,
  FIELD_RULE_BY_KEY
} from "./chunk-JUN6NXH3.js";
import "./chunk-SJD3TTC4.js";
import "./chunk-RPKBACA5.js";
import {
  UsageError
} from "./chunk-BVG62MQ6.js";
import "./chunk-XUPUTSX3.js";
import "./chunk-7VZ5H7B6.js";

// src/adopt/accept-drift.ts
const { isDeepStrictEqual } = globalThis.process.getBuiltinModule("node:util");
function acceptDrift(input) {
  const { environment, live } = input;
  const report = createDriftReport({
    desired: input.files.map((file) => resolveEnvironment(file, environment)),
    live,
    environment
  });
  const only = input.only ? new Set(input.only) : void 0;
  const items = report.items.filter((item) => !only || only.has(item.systemId));
  const filesByPath = new Map(input.files.map((file) => [file.file, file]));
  const accepted = [];
  const unaccepted = [];
  const writes = [];
  const skip = (item, reason) => unaccepted.push({ systemId: item.systemId, file: item.file, kind: item.kind, reason });
  for (const item of items) {
    const reason = explainNotAcceptable(item, environment);
    if (reason) {
      skip(item, reason);
      continue;
    }
    const parsed = item.file === null ? void 0 : filesByPath.get(item.file);
    const lookup = live.systems[item.systemId];
    if (!parsed || lookup?.status !== "found") {
      skip(item, "its file or its live state could not be found again; run drift once more.");
      continue;
    }
    const outcome = editForLive(parsed, lookup.system, item, {
      environment,
      others: listOtherEnvironments(parsed, environment, input.environments ?? DEFAULT_ENVIRONMENTS),
      intoBase: input.intoBase ?? false
    });
    if ("reason" in outcome) {
      skip(item, outcome.reason);
      continue;
    }
    writes.push({ file: parsed.file, text: outcome.text, previousText: parsed.text });
    accepted.push({
      systemId: item.systemId,
      file: parsed.file,
      fields: outcome.fields,
      keptApart: outcome.keptApart
    });
  }
  const drifted = new Set(items.map((item) => item.systemId));
  const notDrifted = [...only ?? []].filter((id) => !drifted.has(id));
  return { environment, accepted, unaccepted, writes, notDrifted };
}
function explainNotAcceptable(item, environment) {
  switch (item.kind) {
    case "missing-in-altinn":
      return `it is missing in ${environment}; 'sysreg apply' creates it, or ${recordAbsence(item, environment)} keeps it out of ${environment}.`;
    case "deleted-in-altinn":
      return `it was deleted in ${environment}; ${recordAbsence(item, environment)} records that in its file.`;
    case "unmanaged-in-altinn":
      return `no file describes it; 'sysreg import --env ${environment} --only ${item.systemId}' adopts it.`;
    case "changed-outside-git":
      if (item.fields.some((field) => field.field === "isDeleted")) {
        return `its file says it must not exist in ${environment}, but it is live there; 'sysreg apply --allow-delete' deletes it, or 'sysreg import --env ${environment} --only ${item.systemId}' records it as live there.`;
      }
      return void 0;
  }
}
var recordAbsence = (item, environment) => `'sysreg import --env ${environment} --only ${item.systemId}' (environments.${environment}.isDeleted: true)`;
var DEFAULT_ENVIRONMENTS = ["tt02", "prod"];
function listOtherEnvironments(parsed, environment, configured) {
  const names = /* @__PURE__ */ new Set([...configured, ...environmentsOf(parsed.document)]);
  names.delete(environment);
  return [...names].sort();
}
function placeField(parsed, field, value, placement) {
  const { document } = parsed;
  if (isOverridden(document, placement.environment, field)) return "override";
  if (placement.intoBase) return "base";
  const shared = placement.others.length > 0 && placement.others.every((name) => isDeepStrictEqual(resolveSpec(document, name)[field], value));
  return shared ? "base" : "override";
}
function editForLive(parsed, live, item, where) {
  const { environment } = where;
  const spec = specFromLive(live);
  const fields = [];
  const edits = [];
  for (const change of item.fields) {
    const field = change.field;
    const placement = placeField(parsed, field, spec[field], where);
    if (placement === "override" && !FIELD_RULE_BY_KEY.get(field)?.overridable) {
      return { reason: `${field} differs, and it cannot be overridden per environment; edit it by hand.` };
    }
    fields.push({ field, placement });
    edits.push({
      path: placement === "base" ? [field] : [ENVIRONMENTS_KEY, environment, field],
      value: spec[field]
    });
  }
  let text;
  try {
    text = applyFieldEdits(parsed.text, edits);
  } catch (error) {
    if (!(error instanceof SystemYamlEditError)) throw error;
    return { reason: `its file cannot be edited: ${error.message}.` };
  }
  const mismatch = findReadBackMismatch(parsed.file, text, environment, live);
  if (mismatch)
    return { reason: `the edited file would not read back as live (${mismatch}); a bug in sysreg.` };
  const keep = where.intoBase ? [] : [...where.others];
  if (fields.every((field) => field.placement === "override")) keep.push(void 0);
  const changed = listChangedViews(parsed.file, parsed.document, text, keep);
  if (changed.length > 0) {
    const names = changed.map((view) => view ?? "the base").join(", ");
    return { reason: `the edit would also change ${names}; a bug in sysreg.` };
  }
  const overridden = fields.some((field) => field.placement === "override");
  return { text, fields, keptApart: overridden && !where.intoBase ? [...where.others] : [] };
}

// src/commands/shared/run-accept-drift.ts
async function runAcceptDrift(context, comparison, options) {
  const result = acceptDrift({
    environment: comparison.environment,
    files: comparison.desiredState.files.filter((file) => file.document !== void 0),
    live: comparison.live,
    only: options.only,
    // Altinn's two and the configured ones; `local` (the emulator) only when it is configured.
    environments: ["tt02", "prod", ...Object.keys(comparison.config.environments)],
    intoBase: options.intoBase
  });
  await writeFileSet(context.cwd, result.writes);
  context.stdout.write(renderAcceptedDrift(result));
  return result;
}
function renderAcceptedDrift(result) {
  const { environment } = result;
  const lines = [];
  for (const system of result.accepted) {
    const fields = system.fields.map(
      (field) => field.placement === "base" ? field.field : `environments.${environment}.${field.field}`
    ).join(", ");
    lines.push(`accepted ${system.file}: ${fields}`);
    if (system.keptApart.length > 0) {
      lines.push(
        `         only in ${environment}: ${system.keptApart.join(", ")} keep${system.keptApart.length === 1 ? "s" : ""} the base value. --into-base writes the base, for every environment.`
      );
    }
  }
  for (const item of result.unaccepted) {
    lines.push(`left     ${item.file ?? item.systemId} (${item.kind}): ${item.reason}`);
  }
  for (const id of result.notDrifted) lines.push(`no drift ${id}`);
  const count = result.accepted.length;
  lines.push(
    "",
    count === 0 ? `No drift to accept from ${environment}.` : `Wrote live values from ${environment} into ${count} file${count === 1 ? "" : "s"}; review the diff and open a pull request.`
  );
  return `${lines.join("\n")}
`;
}

// src/commands/drift.ts
var DRIFT_FORMATS = ["text", "markdown", "json"];
var command = {
  name: "drift",
  declare(commandLine) {
    commandLine.usage("--env NAME [options]").description(
      `Reports what differs in Altinn from git: systems changed outside git, missing in Altinn, unmanaged
in Altinn (no file describes them), or deleted in Altinn while the file is live. Reads only from
Altinn; only --accept writes, and only to the files.`
    );
    declareAltinnOptions(commandLine, { systemsFolder: true });
    commandLine.option(
      "--accept",
      "Write the live values of systems changed outside git into their files, as the smallest edit (comments kept), for review as a pull request. All files or none. Reports as text; not with --format markdown/json or --report. A value is written as an environments.<env> override whenever the other environments (tt02, prod and those in sysreg.config.yaml or in the file) read a different one, so a test value never reaches prod; into the base only when every other environment already has it, or with --into-base."
    ).option("--into-base", "With --accept: write into the base, changing every environment that reads it.").option(
      "--only <id>",
      "With --accept: only this system (repeat, or separate ids with commas).",
      collectRepeated
    ).option("--format <fmt>", "text (default), markdown or json.").option("--out <file>", "Also write the report as JSON (the same as --format json prints).").option("--detailed-exitcode", "Exit 2 when there is drift.").option(
      "--report <target>",
      "github: also report to GitHub from an Actions job: keep one issue labelled sysreg-drift open while there is drift, closed when it is gone."
    ).addHelpText(
      "after",
      `
Exit status: 0 no drift, 1 error, 2 drift (with --detailed-exitcode).
With --accept: 0 when the files were written (or there was nothing to accept), 1 error (nothing
written).`
    );
  },
  async run(context, { options: values }) {
    if (values.only && !values.accept) throw new UsageError("--only goes with --accept.");
    if (values.intoBase && !values.accept) throw new UsageError("--into-base goes with --accept.");
    if (values.accept && values.report !== void 0) {
      throw new UsageError("--accept edits the files here; it does not go with --report.");
    }
    const environment = values.env;
    const format = pickFormat(values.format, DRIFT_FORMATS);
    if (values.accept && format !== "text") throw new UsageError("--accept reports as text only.");
    const github = values.report === void 0 ? void 0 : await import("./report-command-V77EFZQN.js");
    github?.parseReportTarget(values.report);
    const comparison = await compareWithAltinn(context, { environment, altinnUrl: values.altinnUrl });
    if (values.accept) {
      await comparison.connection.close();
      const only = values.only?.flatMap(
        (ids) => ids.split(",").map((id) => id.trim()).filter(Boolean)
      );
      await runAcceptDrift(context, comparison, { only, intoBase: values.intoBase === true });
      return 0;
    }
    let report;
    try {
      report = await driftComparisonWithHistory(comparison);
    } finally {
      await comparison.connection.close();
    }
    const rendered = format === "json" ? renderDriftJson(report) : format === "markdown" ? renderDriftMarkdown(report, values.out ? { fullPlanHint: `the report file ${values.out}` } : {}) : renderDriftText(report, {
      color: wantsColor(context),
      uncommittedChanges: comparison.uncommitted
    });
    if (values.out) await writeOutputFile(context, values.out, renderDriftJson(report));
    const log = github && format !== "json" ? github.createInertLogOutput(context.stdout) : context.stdout;
    log.write(rendered);
    await github?.reportDriftToGitHub(github.withWorkflowCommandsBeside(context, format), report);
    return decideDriftExitCode(report, { detailedExitCode: values.detailedExitcode === true });
  }
};
export {
  command
};
