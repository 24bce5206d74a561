import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  writeOutputFile
} from "./chunk-XX2DZX3B.js";
import {
  PLAN_FORMAT_VERSION,
  compareStrings,
  compareWithAltinn,
  diffCanonicalSystems,
  listUnmanagedSystems,
  renderDriftJson,
  renderDriftText,
  wantsColor
} from "./chunk-2GWHAVG5.js";
import {
  SystemYamlEditError,
  applyFieldEdits,
  findReadBackMismatch,
  listChangedViews,
  specFromLive,
  writeFileSet
} from "./chunk-EN3LJNDF.js";
import {
  ALTINN_OPTION_USAGE,
  CREDENTIALS_USAGE,
  parseCommandArguments,
  pickFormat,
  requireDefaultSystemsFolder,
  requireEnvironmentName
} from "./chunk-6E3YWLPJ.js";
import "./chunk-V4O7UAFV.js";
import {
  canonicalFromLive,
  canonicalFromSpec,
  stringifyCanonicalJson
} from "./chunk-I3QDYHMD.js";
import "./chunk-GXJ3DS7S.js";
import "./chunk-BWGYRILG.js";
import "./chunk-JNRPWCH6.js";
import "./chunk-J6RVAHHL.js";
import "./chunk-LRC75U72.js";
import {
  environmentsOf,
  isOverridden,
  resolveEnvironment
} from "./chunk-7NOI2AF5.js";
import "./chunk-PNURGIQ4.js";
import "./chunk-G6XEQELQ.js";
import "./chunk-3VVXVFR3.js";
import "./chunk-7XM6UA5P.js";
import {
  ENVIRONMENTS_KEY,
  FIELD_RULE_BY_KEY
} from "./chunk-PD2XGLPH.js";
import "./chunk-KBDEQPMX.js";
import {
  renderDriftMarkdown
} from "./chunk-FIPSCOSG.js";
import "./chunk-JL4PHI74.js";
import "./chunk-UEDY57WB.js";
import {
  UsageError
} from "./chunk-DFEVOAXM.js";
import "./chunk-PFLRPMBQ.js";

// src/plan/drift.ts
import { createHash } from "node:crypto";
var DRIFT_KINDS = [
  "changed-outside-git",
  "missing-in-altinn",
  "deleted-in-altinn",
  "unmanaged-in-altinn"
];
function createDriftReport(input) {
  const { live, environment } = input;
  const items = [];
  const describedIds = /* @__PURE__ */ new Set();
  const desired = [...input.desired].sort(
    (a, b) => compareStrings(a.spec.id, b.spec.id) || compareStrings(a.file, b.file)
  );
  for (const system of desired) {
    const id = system.spec.id;
    if (describedIds.has(id)) continue;
    describedIds.add(id);
    const spec = system.spec;
    const canonical = canonicalFromSpec(spec);
    const lookup = live.systems[id] ?? { status: "absent" };
    const base = { systemId: id, file: system.file, name: canonical.name, fields: [] };
    if (lookup.status === "absent") {
      if (!spec.isDeleted) {
        items.push({ ...base, kind: "missing-in-altinn", detail: `${id} does not exist in ${environment}.` });
      }
      continue;
    }
    if (lookup.status === "forbidden" || lookup.system.vendor?.ID !== spec.vendor.ID) {
      if (!spec.isDeleted) {
        items.push({
          ...base,
          kind: "missing-in-altinn",
          detail: `${id} belongs to another vendor in ${environment}, so this vendor's system is missing.`
        });
      }
      continue;
    }
    const liveSystem = lookup.system;
    if (liveSystem.isDeleted) {
      if (!spec.isDeleted) {
        items.push({
          ...base,
          kind: "deleted-in-altinn",
          detail: `${id} was deleted in ${environment} while its file says it is live; the id cannot be created again.`
        });
      }
      continue;
    }
    if (spec.isDeleted) {
      items.push({
        ...base,
        kind: "changed-outside-git",
        fields: [{ field: "isDeleted", kind: "scalar", before: true, after: false }],
        detail: `${id} is deleted in git but still live in ${environment}.`
      });
      continue;
    }
    const fields = diffCanonicalSystems(canonical, canonicalFromLive(liveSystem));
    if (fields.length > 0) {
      const names = fields.map((field) => field.field).join(", ");
      items.push({
        ...base,
        kind: "changed-outside-git",
        fields,
        detail: `Changed in ${environment}: ${names}.`
      });
    }
  }
  for (const system of listUnmanagedSystems(describedIds, live)) {
    items.push({
      systemId: system.systemId,
      kind: "unmanaged-in-altinn",
      file: null,
      name: system.name,
      fields: [],
      detail: `${system.systemId} exists in ${environment} but no file describes it.`
    });
  }
  items.sort(
    (a, b) => DRIFT_KINDS.indexOf(a.kind) - DRIFT_KINDS.indexOf(b.kind) || compareStrings(a.systemId, b.systemId)
  );
  const counts = {
    changedOutsideGit: items.filter((item) => item.kind === "changed-outside-git").length,
    missingInAltinn: items.filter((item) => item.kind === "missing-in-altinn").length,
    unmanagedInAltinn: items.filter((item) => item.kind === "unmanaged-in-altinn").length,
    deletedInAltinn: items.filter((item) => item.kind === "deleted-in-altinn").length,
    total: items.length
  };
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    environment,
    commit: input.commit ?? null,
    items,
    counts,
    checksum: `sha256:${createHash("sha256").update(stringifyCanonicalJson(items)).digest("hex")}`
  };
}
function decideDriftExitCode(report, options) {
  return options.detailedExitCode && report.counts.total > 0 ? 2 : 0;
}

// src/adopt/accept-drift.ts
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
    const outcome = editForLive(parsed, lookup.system, item, environment);
    if ("reason" in outcome) {
      skip(item, outcome.reason);
      continue;
    }
    writes.push({ file: parsed.file, text: outcome.text, previousText: parsed.text });
    accepted.push({ systemId: item.systemId, file: parsed.file, fields: outcome.fields });
  }
  const drifted = new Set(items.map((item) => item.systemId));
  const notDrifted = [...only ?? []].filter((id) => !drifted.has(id));
  return { environment, accepted, unaccepted, writes, notDrifted };
}
function explainNotAcceptable(item, environment) {
  switch (item.kind) {
    case "missing-in-altinn":
      return `it is missing in ${environment}; 'sysreg apply' creates it, or remove its file by hand.`;
    case "deleted-in-altinn":
      return `it was deleted in ${environment}; if that is right, set 'isDeleted: true' in its file by hand (that holds for every environment).`;
    case "unmanaged-in-altinn":
      return `no file describes it; 'sysreg import --env ${environment} --only ${item.systemId}' adopts it.`;
    case "changed-outside-git":
      if (item.fields.some((field) => field.field === "isDeleted")) {
        return `its file is a tombstone but it is live in ${environment}; remove 'isDeleted' by hand if it should live (that holds for every environment).`;
      }
      return void 0;
  }
}
function placeField(parsed, environment, field) {
  const { document } = parsed;
  if (isOverridden(document, environment, field)) return "override";
  const others = environmentsOf(document).filter((name) => name !== environment);
  return others.length === 0 ? "base" : "override";
}
function editForLive(parsed, live, item, environment) {
  const spec = specFromLive(live);
  const fields = [];
  const edits = [];
  for (const change of item.fields) {
    const field = change.field;
    const placement = placeField(parsed, environment, field);
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
  const keep = environmentsOf(parsed.document).filter((name) => name !== environment);
  if (fields.every((field) => field.placement === "override")) keep.push(void 0);
  const changed = listChangedViews(parsed.file, parsed.document, text, keep);
  if (changed.length > 0) {
    const names = changed.map((view) => view ?? "the base").join(", ");
    return { reason: `the edit would also change ${names}; a bug in sysreg.` };
  }
  return { text, fields };
}

// src/commands/shared/run-accept-drift.ts
async function runAcceptDrift(context, comparison, only) {
  const result = acceptDrift({
    environment: comparison.environment,
    files: comparison.desiredState.files.filter((file) => file.document !== void 0),
    live: comparison.live,
    only
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
var USAGE = `Usage: sysreg drift --env NAME [options]

Reports what differs in Altinn from git: systems changed outside git, missing in Altinn, unmanaged
in Altinn (no file describes them), or deleted in Altinn while the file is live. Reads only from
Altinn; only --accept writes, and only to the files.

Options:
${ALTINN_OPTION_USAGE}
  --accept              Write the live values of systems changed outside git into their files, as the
                        smallest edit (comments kept), for review as a pull request. All files or
                        none. Reports as text; not with --format markdown/json or --report.
  --only <id>           With --accept: only this system (repeat, or separate ids with commas).
  --format <fmt>        text (default), markdown or json.
  --out <file>          Also write the report as JSON (the same as --format json prints).
  --detailed-exitcode   Exit 2 when there is drift.
  --report github       Also report to GitHub from an Actions job: keep one issue labelled
                        sysreg-drift open while there is drift, closed when it is gone.

${CREDENTIALS_USAGE}

Exit status: 0 no drift, 1 error, 2 drift (with --detailed-exitcode).
With --accept: 0 when the files were written (or there was nothing to accept), 1 error (nothing
written).
`;
var command = {
  name: "drift",
  summary: "Report what changed in Altinn outside git (reads only).",
  usage: USAGE,
  async run(context) {
    const { values, positionals } = parseCommandArguments(
      context.argv,
      {
        accept: { type: "boolean", default: false },
        only: { type: "string", multiple: true },
        format: { type: "string", default: "text" },
        out: { type: "string" },
        "detailed-exitcode": { type: "boolean", default: false },
        report: { type: "string" }
      },
      USAGE
    );
    if (values.only && !values.accept) throw new UsageError(`--only goes with --accept

${USAGE}`);
    if (values.accept && values.format !== "text") throw new UsageError("--accept reports as text only.");
    if (values.accept && values.report !== void 0) {
      throw new UsageError("--accept edits the files here; it does not go with --report.");
    }
    requireDefaultSystemsFolder(positionals, USAGE);
    const environment = requireEnvironmentName(values.env, USAGE);
    const format = pickFormat(values.format, DRIFT_FORMATS);
    const github = values.report === void 0 ? void 0 : await import("./report-command-YIBSNISD.js");
    github?.parseReportTarget(values.report);
    const comparison = await compareWithAltinn(context, { environment, altinnUrl: values["altinn-url"] });
    await comparison.connection.close();
    if (values.accept) {
      const only = values.only?.flatMap(
        (ids) => ids.split(",").map((id) => id.trim()).filter(Boolean)
      );
      await runAcceptDrift(context, comparison, only);
      return 0;
    }
    const report = createDriftReport({
      desired: comparison.desiredState.desired,
      live: comparison.live,
      environment,
      ...comparison.commit ? { commit: comparison.commit } : {}
    });
    const rendered = format === "json" ? renderDriftJson(report) : format === "markdown" ? renderDriftMarkdown(report, values.out ? { fullPlanHint: `the report file ${values.out}` } : {}) : renderDriftText(report, { color: wantsColor(context) });
    if (values.out) await writeOutputFile(context, values.out, renderDriftJson(report));
    const log = github && format !== "json" ? github.createInertLogOutput(context.stdout) : context.stdout;
    log.write(rendered);
    await github?.reportDriftToGitHub(github.withWorkflowCommandsBeside(context, format), report);
    return decideDriftExitCode(report, { detailedExitCode: values["detailed-exitcode"] });
  }
};
export {
  command
};
