import {
  compareWithAltinn,
  createPlan,
  parsePlanJson,
  renderPlanText,
  writeOutputFile
} from "./chunk-EFBOAXCO.js";
import {
  readLiveState
} from "./chunk-GCDYRGNO.js";
import {
  declareAltinnOptions,
  pickFormat
} from "./chunk-4MD6NOMD.js";
import {
  interruptedExitCode
} from "./chunk-CGDUWIAB.js";
import {
  collectRepeated
} from "./chunk-QSS2BETW.js";
import "./chunk-NXYE4RLX.js";
import "./chunk-JQXKIT2I.js";
import "./chunk-OXRKPH2W.js";
import {
  wantsColor
} from "./chunk-EFA3IRPG.js";
import "./chunk-NLQ3QRQQ.js";
import "./chunk-DYX2OOHH.js";
import {
  AltinnClientError,
  AltinnError,
  DEFAULT_CONCURRENCY
} from "./chunk-O7WPZCOJ.js";
import {
  holdsRequest,
  stringifyCanonicalJson
} from "./chunk-LTTDTWR3.js";
import "./chunk-Y6H6IDJD.js";
import "./chunk-TWCSMN77.js";
import "./chunk-2QRLR2CN.js";
import {
  checkApplyAllowed
} from "./chunk-ZERHEBEW.js";
import "./chunk-J7OVXALX.js";
import "./chunk-XTLGM2XZ.js";
import "./chunk-BLFSHPJ3.js";
import "./chunk-JUN6NXH3.js";
import "./chunk-SJD3TTC4.js";
import {
  escapeTerminalText
} from "./chunk-RPKBACA5.js";
import {
  UsageError,
  resolveFileArgument
} from "./chunk-BVG62MQ6.js";
import "./chunk-XUPUTSX3.js";
import "./chunk-7VZ5H7B6.js";

// src/commands/apply.ts
const { readFile } = globalThis.process.getBuiltinModule("node:fs/promises");
const { isAbsolute, join } = globalThis.process.getBuiltinModule("node:path");

// src/altinn/error-codes.ts
var VALIDATION_CODES = [
  {
    code: "AUTH.VLD-00000",
    meaning: "The vendor is not a valid ISO 6523 organisation identifier.",
    sentOn: "create",
    fix: 'Write `vendor: { ID: "0192:<organisation number>" }`: the prefix is `0192:` (Norwegian organisation numbers), followed by your 9-digit number. Altinn checks this first and reports nothing else until it is right.'
  },
  {
    code: "AUTH.VLD-00001",
    meaning: "The system id does not start with the vendor\u2019s organisation number and `_`.",
    sentOn: "create",
    fix: "Name the system `<organisation number>_<name>`, e.g. `314159268_fjordsoft_lonn`, using the number in `vendor.ID`; rename the file to match (`systems/<id>.yaml`)."
  },
  {
    code: "AUTH.VLD-00002",
    meaning: "A system with this id already exists, or existed: a deleted system keeps its id for good.",
    sentOn: "create",
    fix: "If two files declare the id, keep one. If the id was deleted in Altinn, it can never be created again: choose a new id (and file name). If another vendor holds it, choose another id. sysreg plans an update, not a create, for ids your vendor already owns."
  },
  {
    code: "AUTH.VLD-00003",
    meaning: "A resource in `rights` is not in the environment\u2019s Resource Registry.",
    sentOn: "create, update",
    fix: "Check the `value` of each `rights[].resource` entry against the resource\u2019s identifier in the Resource Registry of that environment. Resources in tt02 are not always in prod: give the environment its own `rights` under `environments.<name>`."
  },
  {
    code: "AUTH.VLD-00004",
    meaning: "A client id is already tied to another active system (of any vendor).",
    sentOn: "create, update",
    fix: "A Maskinporten client id belongs to one active system at a time. Remove it from the other system in the same pull request (sysreg releases it before it claims it), or use another client. If a system outside git holds it, sysreg reports the change as blocked; free the id there first."
  },
  {
    code: "AUTH.VLD-00005",
    meaning: "A redirect URL is not an absolute `https://` URL.",
    sentOn: "create",
    fix: "Write each `allowedRedirectUrls` entry in full with the `https` scheme, e.g. `https://app.example.no/callback`; `http://` and host-only values are refused."
  },
  {
    code: "AUTH.VLD-00006",
    meaning: "Two rights are the same (same action and resource attributes).",
    sentOn: "create, update",
    fix: "Remove the repeated entry from `rights`. The same resource with a different `action` is not a duplicate."
  },
  {
    code: "AUTH.VLD-00007",
    meaning: "An access package is listed twice.",
    sentOn: "create, update",
    fix: "Remove the repeated `urn` from `accessPackages`."
  },
  {
    code: "AUTH.VLD-00008",
    meaning: "An access package is unknown, badly formed, or cannot be delegated.",
    sentOn: "create, update",
    fix: "Write each package as `urn: urn:altinn:accesspackage:<name>` with a name from the access-package catalogue (check the spelling, lower case with `-`). Packages that can be neither delegated nor assigned (such as `eksplisitt`) are refused: remove them."
  },
  {
    code: "AUTH.VLD-00009",
    meaning: "A resource attribute in `rights` has an id other than `urn:altinn:resource`.",
    sentOn: "create, update",
    fix: "Each `rights[].resource[]` entry is `{ id: urn:altinn:resource, value: <resource id> }`; the `id` is that exact string, and the resource\u2019s name goes in `value`."
  },
  {
    code: "AUTH.VLD-00011",
    meaning: "The same client id is listed twice in one system (compared ignoring case).",
    sentOn: "update",
    fix: "Remove the repeated entry from `clientId` (also entries that differ only in upper/lower case)."
  },
  {
    code: "AUTH.VLD-00012",
    meaning: "The id in the body of an update differs from the id in the URL.",
    sentOn: "update",
    fix: "sysreg always sends the file\u2019s `id` to its own URL, so this points at a proxy or a bug: report it. To rename a system, change `name`; the `id` is its identity and cannot change."
  },
  {
    code: "AUTH.VLD-00013",
    meaning: "The system id contains a space.",
    sentOn: "create",
    fix: "Remove spaces from `id` (and the file name); use `_` or `-` instead."
  },
  {
    code: "AUTH.VLD-00017",
    meaning: "A resource in `rights` has a type the register will not delegate.",
    sentOn: "create, update",
    fix: "Only resources of type Default, Systemresource, AltinnApp, GenericAccessResource, BrokerService, CorrespondenceService or MigratedApp can be rights. Remove rights to Maskinporten schemas, Altinn 2 services and consent resources."
  },
  {
    code: "AUTH.VLD-00018",
    meaning: "A visible system has a client-relationship access package, which cannot be assigned.",
    sentOn: "create, update",
    fix: "Set `isVisible: false` for a system that uses client-relationship packages (`regnskapsforer-*`, `ansvarlig-revisor`, `revisormedarbeider`, `forretningsforer-eiendom`), or remove those packages."
  }
];
function findValidationCodeHelp(code) {
  return VALIDATION_CODES.find((entry) => entry.code === code);
}

// src/apply/apply-plan.ts
var PHASE_RANK = { 1: 0, 2: 1, 3: 2 };
async function applyPlan(plan, options) {
  const now = options.now ?? Date.now;
  const started = now();
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a whole number \u2265 1, got ${concurrency}`);
  }
  const total = plan.changes.length;
  const results = /* @__PURE__ */ new Map();
  let done = 0;
  const settle = (result) => {
    results.set(result.systemId, result);
    done += 1;
    try {
      options.onProgress?.({ result, done, total });
    } catch {
    }
  };
  const skip = (change, reason, message) => settle({
    systemId: change.systemId,
    action: change.action,
    outcome: "skipped",
    reason,
    message,
    durationMs: 0
  });
  const runnable = [];
  for (const change of plan.changes) {
    if (options.only && !options.only.has(change.systemId)) {
      skip(change, "not-in-reviewed-plan", "Not in the reviewed plan; it is left for its own review.");
    } else if (change.action === "blocked" || change.phase === 0) {
      skip(change, "blocked", change.blocked?.message ?? "The plan marks this change as blocked.");
    } else {
      runnable.push(change);
    }
  }
  const pending = new Set(runnable.map((change) => change.systemId));
  const inFlight = /* @__PURE__ */ new Set();
  const released = /* @__PURE__ */ new Set();
  const byId = new Map(runnable.map((change) => [change.systemId, change]));
  const open = [0, 0, 0];
  for (const change of runnable) open[rankOf(change)] += 1;
  const end = (change) => {
    open[rankOf(change)] -= 1;
  };
  await new Promise((resolve) => {
    const start = (change) => {
      pending.delete(change.systemId);
      inFlight.add(change.systemId);
      void executeChange(change, options, now).then((result) => {
        inFlight.delete(change.systemId);
        end(change);
        settle(
          change.interimRelease && result.outcome === "applied" ? { ...result, message: "Applied in two writes (a client-id swap)." } : result
        );
        pump();
      });
    };
    const startInterim = (change, interim) => {
      pending.delete(change.systemId);
      inFlight.add(change.systemId);
      void executeInterimRelease(change, interim, options, now).then((failure) => {
        inFlight.delete(change.systemId);
        if (failure) {
          end(change);
          settle(failure);
        } else {
          released.add(change.systemId);
          pending.add(change.systemId);
        }
        pump();
      });
    };
    const pump = () => {
      let progressed = true;
      while (progressed) {
        progressed = false;
        if (options.signal?.aborted) {
          for (const id of [...pending]) {
            const change = byId.get(id);
            pending.delete(id);
            end(change);
            skip(change, "aborted", "Apply was stopped before this change started.");
          }
        }
        for (const change of runnable) {
          if (inFlight.size >= concurrency) break;
          if (!pending.has(change.systemId)) continue;
          if (!isPhaseOpen(change, open)) continue;
          if (change.interimRelease && !released.has(change.systemId)) {
            progressed = true;
            startInterim(change, change.interimRelease);
            continue;
          }
          const readiness = decideReadiness(change, pending, inFlight, released, results);
          if (readiness === "wait") continue;
          progressed = true;
          if (readiness === "go") start(change);
          else {
            pending.delete(change.systemId);
            end(change);
            skip(change, "dependency-not-applied", readiness.message);
          }
        }
      }
      if (inFlight.size > 0) return;
      for (const id of [...pending]) {
        pending.delete(id);
        skip(byId.get(id), "dependency-not-applied", "Its dependencies wait on each other.");
      }
      resolve();
    };
    pump();
  });
  const ordered = plan.changes.map((change) => results.get(change.systemId));
  const counts = { total, applied: 0, skipped: 0, failed: 0 };
  for (const result of ordered) counts[result.outcome] += 1;
  return {
    environment: plan.environment,
    checksum: plan.checksum,
    results: ordered,
    counts,
    durationMs: now() - started
  };
}
function rankOf(change) {
  return PHASE_RANK[change.phase];
}
function isPhaseOpen(change, open) {
  for (let rank = 0; rank < rankOf(change); rank += 1) if ((open[rank] ?? 0) > 0) return false;
  return true;
}
function decideReadiness(change, pending, inFlight, released, results) {
  for (const dependency of change.dependsOn) {
    if (released.has(dependency)) continue;
    if (pending.has(dependency) || inFlight.has(dependency)) return "wait";
    const result = results.get(dependency);
    if (result && result.outcome !== "applied") {
      return {
        message: `It claims a client id that ${dependency} releases, and that change was ${result.outcome}.`
      };
    }
  }
  return "go";
}
async function executeChange(change, options, now) {
  const started = now();
  const base = { systemId: change.systemId, action: change.action };
  const call = {};
  try {
    if (change.action === "delete") {
      await options.client.deleteSystem(change.systemId, call);
      return { ...base, outcome: "applied", durationMs: now() - started };
    }
    const request = change.request;
    if (!request) {
      return {
        ...base,
        outcome: "failed",
        status: null,
        codes: [],
        message: "The plan holds no request body for this change.",
        durationMs: now() - started
      };
    }
    if (change.action === "create") {
      const created = await options.client.createSystem(request, call);
      return {
        ...base,
        outcome: "applied",
        ...created.confirmedByRead ? { message: "The answer was lost; a read confirmed the create." } : {},
        durationMs: now() - started
      };
    }
    await options.client.updateSystem(change.systemId, request, call);
    return { ...base, outcome: "applied", durationMs: now() - started };
  } catch (error) {
    return { ...base, ...describeFailure(error), outcome: "failed", durationMs: now() - started };
  }
}
async function executeInterimRelease(change, interim, options, now) {
  const started = now();
  const result = await executeChange({ ...change, request: interim }, options, now);
  if (result.outcome === "applied") return void 0;
  return {
    ...result,
    message: `The first of two writes (releasing client ids for a swap) failed: ${result.message ?? ""}`,
    durationMs: now() - started
  };
}
function describeFailure(error) {
  if (error instanceof AltinnError) {
    const body = error.bodyExcerpt ? ` ${error.bodyExcerpt}` : "";
    return {
      status: error.status,
      codes: error.codes,
      message: error.codes.length > 0 ? error.message : `${error.method} ${error.path} answered ${error.status}:${body || " (empty body)"}`
    };
  }
  if (error instanceof AltinnClientError) return { status: null, codes: [], message: error.message };
  if (error instanceof Error && error.name === "AbortError") {
    return { status: null, codes: [], message: "Stopped while in flight; the next run reads the outcome." };
  }
  return { status: null, codes: [], message: error instanceof Error ? error.message : String(error) };
}

// src/apply/compare-reviewed-plan.ts
function compareWithReviewedPlan(reviewed, fresh, live) {
  const coveredIds = /* @__PURE__ */ new Set([
    ...reviewed.changes.map((change) => change.systemId),
    ...reviewed.unchanged.map((system) => system.systemId),
    ...reviewed.unmanaged.map((system) => system.systemId)
  ]);
  const reviewedChanges = new Map(reviewed.changes.map((change) => [change.systemId, change]));
  const freshChanges = new Map(fresh.changes.map((change) => [change.systemId, change]));
  const differences = [];
  for (const systemId of [...coveredIds].sort()) {
    const before = reviewedChanges.get(systemId);
    const after = freshChanges.get(systemId);
    if (before && after && stringifyCanonicalJson(projectChange(before)) === stringifyCanonicalJson(projectChange(after)))
      continue;
    if (!before && !after) continue;
    if (before && !after && isAlreadyDone(before, live)) continue;
    if (before && after && isSwapResumed(before, after, live)) continue;
    const reviewedWork = describeWork(before, reviewed, systemId);
    let nowWork = describeWork(after, fresh, systemId);
    if (before && after && reviewedWork === nowWork) nowWork += `, ${describeValueChange(before, after)}`;
    differences.push({ systemId, reviewed: reviewedWork, now: nowWork });
  }
  return { coveredIds, differences };
}
function projectChange(change) {
  return {
    action: change.action,
    file: change.file,
    name: change.name,
    fields: change.fields,
    request: change.request,
    interimRelease: change.interimRelease,
    deleteCause: change.deleteCause,
    blocked: change.blocked
  };
}
function isAlreadyDone(change, live) {
  const lookup = live.systems[change.systemId];
  if (lookup?.status !== "found") return false;
  if (change.action === "delete") return lookup.system.isDeleted;
  if ((change.action === "create" || change.action === "update") && change.request) {
    return holdsRequest(lookup.system, change.request);
  }
  return false;
}
function isSwapResumed(reviewed, fresh, live) {
  const lookup = live.systems[reviewed.systemId];
  if (!reviewed.interimRelease || fresh.interimRelease || lookup?.status !== "found") return false;
  if (!holdsRequest(lookup.system, reviewed.interimRelease)) return false;
  const remaining = (change) => ({
    ...projectChange(change),
    fields: null,
    interimRelease: null
  });
  return stringifyCanonicalJson(remaining(reviewed)) === stringifyCanonicalJson(remaining(fresh));
}
function describeWork(change, plan, systemId) {
  if (change) {
    if (change.action === "update") return `update (${change.fields.map((field) => field.field).join(", ")})`;
    if (change.action === "blocked") return `blocked (${change.blocked?.reason ?? "unknown reason"})`;
    return change.action;
  }
  const unchanged = plan.unchanged.find((system) => system.systemId === systemId);
  if (unchanged) return `nothing (${unchanged.note.replace(/-/g, " ")})`;
  if (plan.unmanaged.some((system) => system.systemId === systemId)) return "nothing (unmanaged)";
  return "nothing (not in the plan)";
}
function describeValueChange(before, after) {
  const fieldsBefore = new Map(before.fields.map((field) => [field.field, stringifyCanonicalJson(field)]));
  const moved = after.fields.filter((field) => fieldsBefore.get(field.field) !== stringifyCanonicalJson(field)).map((field) => field.field);
  if (moved.length > 0)
    return `with other values for ${moved.join(", ")} (Altinn or git changed since review)`;
  return "with another request body or file (git changed since review)";
}

// src/apply/verify-apply.ts
function verifyApplied(report, fresh) {
  const touched = report.results.filter((result) => result.outcome !== "skipped");
  const freshChanges = new Map(fresh.changes.map((change) => [change.systemId, change]));
  const remaining = [];
  for (const result of touched) {
    const change = freshChanges.get(result.systemId);
    if (!change) continue;
    const what = change.action === "update" ? `update (${change.fields.map((field) => field.field).join(", ")})` : change.action;
    let why;
    if (result.outcome === "failed") why = `Its ${result.action} failed: ${result.message ?? "no detail"}`;
    else if (change.action === "blocked") why = change.blocked?.message ?? "The fresh plan blocks it.";
    else
      why = `Altinn still differs after a ${result.action} it accepted: another writer changed it meanwhile, or Altinn stores it differently than sysreg compares.`;
    remaining.push({ systemId: result.systemId, action: what, why });
  }
  return { checked: touched.length, clean: remaining.length === 0, remaining };
}

// src/apply/apply-run.ts
var APPLY_RUN_FORMAT_VERSION = 1;
async function runApply(edges, options) {
  const plan = createPlan({
    desired: edges.desired,
    live: edges.live,
    settings: edges.settings,
    environment: edges.environment,
    ...edges.commit ? { commit: edges.commit } : {}
  });
  options.onPlan?.(plan);
  const run = {
    formatVersion: APPLY_RUN_FORMAT_VERSION,
    environment: edges.environment,
    commit: plan.commit,
    status: "applied",
    exitCode: 1,
    plan,
    reviewedChecksum: options.reviewedPlan?.checksum ?? null,
    differences: [],
    refusal: [],
    report: null,
    verification: null,
    verificationError: null,
    interruption: null
  };
  let only;
  if (options.reviewedPlan) {
    const comparison = compareWithReviewedPlan(options.reviewedPlan, plan, edges.live);
    if (comparison.differences.length > 0) {
      return { ...run, status: "stale-plan", differences: comparison.differences };
    }
    only = comparison.coveredIds;
  }
  const inScope = plan.changes.filter((change) => !only || only.has(change.systemId));
  const refusal = checkApplyAllowed(
    {
      counts: { delete: inScope.filter((change) => change.action === "delete").length },
      safety: options.reviewedPlan?.safety ?? plan.safety
    },
    { allowDelete: options.allowDelete, force: options.force }
  );
  if (refusal.length > 0) return { ...run, status: "refused", refusal };
  if (options.confirm && inScope.some((change) => change.action !== "blocked") && !await options.confirm(plan)) {
    return { ...run, status: "cancelled" };
  }
  const report = await applyPlan(plan, {
    client: edges.client,
    ...only ? { only } : {},
    ...options.concurrency !== void 0 ? { concurrency: options.concurrency } : {},
    ...options.signal ? { signal: options.signal } : {},
    ...options.onProgress ? { onProgress: options.onProgress } : {}
  });
  const wrote = report.results.some((result) => result.outcome !== "skipped");
  const status = wrote ? "applied" : "nothing-to-apply";
  let verification = null;
  let verificationError = null;
  const interruption = options.signal?.aborted ? describeAbortReason(options.signal.reason) : null;
  if (interruption) {
    verificationError = "Apply was stopped before the end, so nothing is verified; run it again to finish.";
  } else if (wrote) {
    try {
      const live = await readLiveState(edges.client, {
        environment: edges.environment,
        repoIds: edges.desired.map((system) => system.spec.id),
        ...options.signal ? { signal: options.signal } : {}
      });
      const fresh = createPlan({
        desired: edges.desired,
        live,
        settings: edges.settings,
        environment: edges.environment
      });
      verification = verifyApplied(report, fresh);
    } catch (error) {
      verificationError = `The read after apply failed, so nothing is verified: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  const allApplied = report.results.every(
    (result) => result.outcome === "applied" || result.outcome === "skipped" && result.reason === "not-in-reviewed-plan"
  );
  const verified = !wrote || (verification?.clean ?? false);
  return {
    ...run,
    status,
    exitCode: allApplied && verified ? 0 : 1,
    report,
    verification,
    verificationError,
    interruption
  };
}
function describeAbortReason(reason) {
  return reason instanceof Error ? reason.message : "stopped";
}
function summariseApplyRun(run) {
  return {
    ...run,
    plan: { checksum: run.plan.checksum, counts: run.plan.counts, safety: run.plan.safety }
  };
}

// src/apply/render-apply-run.ts
var PAST_TENSE = {
  create: "created",
  update: "updated",
  delete: "deleted",
  blocked: "blocked"
};
var SKIP_WORDS = {
  blocked: "blocked",
  "dependency-not-applied": "waits for a change that was not applied",
  "not-in-reviewed-plan": "not in the reviewed plan",
  aborted: "not started"
};
function renderApplyRunJson(run) {
  return `${stringifyCanonicalJson(summariseApplyRun(run), 2)}
`;
}
function describeResult(result) {
  const id = escapeTerminalText(result.systemId);
  if (result.outcome === "applied") {
    const note = result.message ? ` (${escapeTerminalText(result.message)})` : "";
    return `${PAST_TENSE[result.action]} ${id}${note}`;
  }
  if (result.outcome === "skipped") {
    const message = escapeTerminalText(result.message ?? "");
    if (result.action === "blocked") return `blocked ${id}: ${message}`.trimEnd();
    if (result.reason === "aborted") return `not started: ${result.action} of ${id}`;
    const why = result.reason ? SKIP_WORDS[result.reason] : "skipped";
    return `skipped ${result.action} of ${id}: ${why}. ${message}`.trimEnd();
  }
  const status = result.status === null || result.status === void 0 ? "no answer" : `HTTP ${result.status}`;
  const codes = result.codes && result.codes.length > 0 ? ` ${result.codes.join(", ")}` : "";
  return `FAILED ${result.action} of ${id} (${status}${codes}): ${escapeTerminalText(result.message ?? "")}`;
}
function renderApplyRunText(run) {
  const lines = [];
  const environment = escapeTerminalText(run.environment);
  switch (run.status) {
    case "stale-plan":
      lines.push(
        `sysreg apply: nothing applied in ${environment}. The plan changed since review (reviewed ${run.reviewedChecksum}, now ${run.plan.checksum}):`
      );
      for (const difference of run.differences) {
        lines.push(
          `  ${escapeTerminalText(difference.systemId)}: reviewed ${difference.reviewed}; now ${difference.now}`
        );
      }
      lines.push("Make a new plan, have it reviewed, and apply that.");
      return `${lines.join("\n")}
`;
    case "refused":
      lines.push(
        `sysreg apply: nothing applied in ${environment}. The plan above needs more than was given:`
      );
      for (const reason of run.refusal) lines.push(`  ${reason}`);
      return `${lines.join("\n")}
`;
    case "cancelled":
      return `sysreg apply: cancelled; nothing applied in ${environment}.
`;
    default:
      break;
  }
  const report = run.report;
  if (!report || report.counts.total === 0) {
    return `sysreg apply in ${environment}: nothing to apply; Altinn matches git.
`;
  }
  const { counts } = report;
  const seconds = (report.durationMs / 1e3).toFixed(1);
  const notStarted = report.results.filter((result) => result.reason === "aborted").length;
  const skipped = counts.skipped - notStarted;
  const tally = [
    `${counts.applied} applied`,
    `${counts.failed} failed`,
    ...skipped > 0 || !run.interruption ? [`${skipped} skipped`] : [],
    ...run.interruption ? [`${notStarted} not started`] : []
  ].join(", ");
  const headline = run.interruption ? `${escapeTerminalText(run.interruption)}; ` : "";
  lines.push(
    `sysreg apply in ${environment}: ${headline}${tally} of ${counts.total} planned, in ${seconds} s.`
  );
  for (const result of report.results) {
    lines.push(`  ${describeResult(result)}`);
    if (result.outcome === "failed") lines.push(...explainCodes(result.codes ?? []));
  }
  if (run.verificationError) lines.push(escapeTerminalText(run.verificationError));
  else if (run.verification) {
    if (run.verification.clean) {
      lines.push(
        `Verified: a fresh plan is empty for the ${run.verification.checked} system(s) apply wrote to.`
      );
    } else {
      lines.push(
        `Not verified: a fresh plan still has changes for ${run.verification.remaining.length} of the ${run.verification.checked} system(s) apply wrote to:`
      );
      for (const remaining of run.verification.remaining) {
        lines.push(
          `  ${escapeTerminalText(remaining.systemId)}: ${remaining.action}. ${escapeTerminalText(remaining.why)}`
        );
      }
    }
  }
  lines.push(closingLine(run, counts.failed));
  return `${lines.join("\n")}
`;
}
function explainCodes(codes) {
  return [...new Set(codes)].flatMap((code) => {
    const help = findValidationCodeHelp(code);
    return help ? [`      ${code}: ${help.meaning} Fix: ${help.fix}`] : [];
  });
}
function closingLine(run, failed) {
  if (run.exitCode === 0) return "Done: Altinn matches git for every system in the plan.";
  if (failed > 0) {
    return "Not done: run apply again after fixing what failed; it picks up where this run stopped.";
  }
  if (run.interruption) return "Not done: run apply again to finish; it picks up where this run stopped.";
  if (run.verificationError) {
    return "Not done: nothing is verified; run apply again, it changes nothing that is already right.";
  }
  if (run.verification && !run.verification.clean) {
    return "Not done: Altinn does not yet hold what was written (above); run plan to see what is left.";
  }
  return "Not done: the changes skipped above were not applied; see why beside each.";
}
function createProgressPrinter(output, options) {
  const failed = { count: 0 };
  return (progress) => {
    if (progress.result.outcome === "failed") failed.count += 1;
    if (!options.tty) {
      output.write(`[${progress.done}/${progress.total}] ${describeResult(progress.result)}
`);
      return;
    }
    const failures = failed.count > 0 ? `, ${failed.count} failed` : "";
    output.write(`\r\x1B[2KApplying: ${progress.done}/${progress.total} done${failures}`);
    if (progress.done === progress.total) output.write("\n");
  };
}

// src/apply/combine-reviewed-plans.ts
function combineReviewedPlans(plans) {
  const [first, ...rest] = plans;
  if (!first) throw new Error("combineReviewedPlans needs at least one plan");
  if (rest.length === 0) return first;
  const changes = /* @__PURE__ */ new Map();
  const seen = /* @__PURE__ */ new Map();
  for (const plan of plans) {
    for (const change of plan.changes) changes.set(change.systemId, change);
    for (const system of plan.unchanged) seen.set(system.systemId, { unchanged: system });
    for (const system of plan.unmanaged) seen.set(system.systemId, { unmanaged: system });
  }
  const last = plans[plans.length - 1] ?? first;
  const combinedChanges = [...changes.values()];
  const unchanged = [...seen].filter(([id, view]) => !changes.has(id) && view.unchanged).map(([, view]) => view.unchanged);
  const unmanaged = [...seen].filter(([id, view]) => !changes.has(id) && view.unmanaged).map(([, view]) => view.unmanaged);
  const count = (action) => combinedChanges.filter((change) => change.action === action).length;
  return {
    ...last,
    changes: combinedChanges,
    unchanged,
    unmanaged,
    counts: {
      create: count("create"),
      update: count("update"),
      delete: count("delete"),
      blocked: count("blocked"),
      noop: unchanged.length,
      unmanaged: unmanaged.length,
      changes: combinedChanges.length
    },
    // Names every plan it stands for; it is never compared with a fresh checksum.
    checksum: plans.map((plan) => plan.checksum).join("+"),
    safety: {
      safe: plans.every((plan) => plan.safety.safe),
      reasons: plans.flatMap((plan) => plan.safety.reasons)
    },
    locations: plans.flatMap((plan) => plan.locations)
  };
}

// src/commands/shared/confirm.ts
const { createInterface } = globalThis.process.getBuiltinModule("node:readline/promises");
function isContinuousIntegration(env) {
  const value = env.CI?.trim().toLowerCase();
  return value !== void 0 && value !== "" && value !== "false" && value !== "0";
}
function decideApplyConsent(context, inputs) {
  if (inputs.yes || inputs.reviewedPlan || isContinuousIntegration(context.env)) return "given";
  if (inputs.format === "json") {
    throw new UsageError("--format json never asks before applying; add --yes to apply without a question.");
  }
  if (context.stdout.isTTY && context.stdin?.().isTTY) return "ask";
  throw new UsageError(
    "apply asks before writing, but this is not a terminal, so no one can answer. Add --yes to apply without a question (CI=true does the same in a CI job), or --plan with a reviewed plan file."
  );
}
async function askToApply(context, question) {
  const stdin = context.stdin?.();
  if (!stdin) return false;
  const lines = createInterface({ input: stdin, terminal: false });
  try {
    context.stdout.write(`${question}
  Only 'yes' will be accepted to approve.

  Enter a value: `);
    const { signal } = context;
    let onAbort = () => void 0;
    const answer = await new Promise((resolve, reject) => {
      onAbort = () => reject(signal?.reason);
      if (signal?.aborted) return onAbort();
      signal?.addEventListener("abort", onAbort, { once: true });
      lines.once("line", (line) => resolve(line));
      lines.once("close", () => resolve(void 0));
    }).finally(() => signal?.removeEventListener("abort", onAbort));
    context.stdout.write("\n");
    return answer?.trim() === "yes";
  } finally {
    lines.close();
  }
}

// src/commands/apply.ts
var APPLY_FORMATS = ["text", "json"];
var MAX_CONCURRENCY = 64;
var APPLY_RETRY = { maxAttempts: 8 };
async function executeApply(context, options) {
  const transport = {
    concurrency: options.concurrency,
    retry: APPLY_RETRY,
    ...options.requestTimeoutMs !== void 0 ? { requestTimeoutMs: options.requestTimeoutMs } : {}
  };
  if (options.reviewedPlan && options.reviewedPlan.environment !== options.environment) {
    throw new UsageError(
      `the reviewed plan is for ${options.reviewedPlan.environment}, not ${options.environment}.`
    );
  }
  const comparison = await compareWithAltinn(context, {
    environment: options.environment,
    altinnUrl: options.altinnUrl,
    transport
  });
  const { planOutput, progressOutput } = options;
  try {
    return await runApply(
      {
        client: comparison.connection.client,
        desired: comparison.desiredState.desired,
        live: comparison.live,
        settings: { prune: comparison.config.prune, safety: comparison.config.safety },
        environment: options.environment,
        commit: comparison.commit
      },
      {
        allowDelete: options.allowDelete,
        force: options.force,
        concurrency: options.concurrency,
        ...options.reviewedPlan ? { reviewedPlan: options.reviewedPlan } : {},
        ...options.signal ? { signal: options.signal } : {},
        ...options.confirm ? { confirm: options.confirm } : {},
        ...planOutput ? {
          onPlan: (plan) => {
            if (plan.counts.changes > 0)
              planOutput.write(
                renderPlanText(plan, {
                  color: wantsColor(context),
                  uncommittedChanges: comparison.uncommitted,
                  permissions: { allowDelete: options.allowDelete, force: options.force }
                })
              );
          }
        } : {},
        ...progressOutput ? { onProgress: createProgressPrinter(progressOutput, { tty: Boolean(progressOutput.isTTY) }) } : {}
      }
    );
  } finally {
    await comparison.connection.close();
  }
}
async function readReviewedPlan(cwd, file) {
  const target = isAbsolute(file) ? file : join(cwd, file);
  let text;
  try {
    text = await readFile(target, "utf8");
  } catch (error) {
    throw new UsageError(
      `cannot read the plan file ${file}: ${error.code ?? String(error)}`
    );
  }
  const parsed = parsePlanJson(text);
  if (!parsed.ok) throw new UsageError(`${file}: ${parsed.message}`);
  return parsed.plan;
}
async function readReviewedPlans(cwd, files) {
  const plans = await Promise.all(files.map((file) => readReviewedPlan(cwd, file)));
  const environments = [...new Set(plans.map((plan) => plan.environment))];
  if (environments.length > 1) {
    throw new UsageError(`the reviewed plans are for different environments: ${environments.join(", ")}.`);
  }
  return combineReviewedPlans(plans);
}
function readPositiveInteger(value, flag, max) {
  if (value === void 0) return void 0;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < 1 || number > max) {
    throw new UsageError(`${flag} must be a whole number from 1 to ${max}, got '${value}'.`);
  }
  return number;
}
function readSeconds(value, flag) {
  if (value === void 0) return void 0;
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || seconds <= 0 || seconds > 600) {
    throw new UsageError(`${flag} must be a number of seconds above 0 and at most 600, got '${value}'.`);
  }
  return Math.round(seconds * 1e3);
}
var command = {
  name: "apply",
  declare(commandLine) {
    commandLine.usage("--env NAME [options]").description(
      `Makes Altinn match systems/: creates (POST), updates (PUT of the whole document) and, with
--allow-delete, deletes. Plans against live Altinn first. Runs with bounded concurrency, continues
past a failed system, then verifies with a fresh read that nothing is left to do. Running it again
finishes what a failed or interrupted run left and changes nothing that is already right.`
    );
    declareAltinnOptions(commandLine, { systemsFolder: true });
    commandLine.option(
      "--plan <file>",
      "The reviewed plan (from plan --out). Apply only if the fresh plan is the same for every system it covers; otherwise apply nothing. Give it once per merged pull request, in merge order, to apply several: each system is held to the plan of the last one that changed it.",
      collectRepeated
    ).option(
      "--allow-delete",
      "Carry out deletes (a deleted id can never be used again). Without it, a plan that deletes is refused as a whole."
    ).option("--force", "Apply a plan above the safety threshold.").option(
      "-y, --yes",
      "Apply without asking. On a terminal apply shows the plan and asks first; where no one can answer (not a terminal, --format json) it needs --yes, except in CI (CI=true) and with a reviewed --plan."
    ).option("--format <fmt>", "text (default) or json (the run report, for machines).").option(
      "--out <file>",
      "Also write the run report as JSON, as --format json prints it; written before anything is printed, so a closed output cannot lose it."
    ).option(
      "--concurrency <n>",
      `Requests in flight at once (default ${DEFAULT_CONCURRENCY}, at most ${MAX_CONCURRENCY}).`
    ).option("--request-timeout <sec>", "Give up on one attempt after this many seconds (default 30).").option(
      "--report <target>",
      "github: also report to GitHub from an Actions job: the per-system result as a comment on the merged pull request(s) of the commit, job summary, outputs."
    ).addHelpText(
      "after",
      `
Exit status: 0 when everything planned was applied and verified (or nothing was to do);
1 otherwise, including a refused or stale plan and blocked changes.`
    );
  },
  async run(context, { options: values }) {
    const environment = values.env;
    const format = pickFormat(values.format, APPLY_FORMATS);
    const consent = decideApplyConsent(context, {
      yes: values.yes === true,
      reviewedPlan: (values.plan?.length ?? 0) > 0,
      format
    });
    const concurrency = readPositiveInteger(values.concurrency, "--concurrency", MAX_CONCURRENCY);
    const requestTimeoutMs = readSeconds(values.requestTimeout, "--request-timeout");
    const github = values.report === void 0 ? void 0 : await import("./report-command-V77EFZQN.js");
    github?.parseReportTarget(values.report);
    await github?.requireApplyReportEnvironment(context.env);
    const reviewedPlan = values.plan?.length ? await readReviewedPlans(
      context.cwd,
      values.plan.map((file) => resolveFileArgument(context, file))
    ) : void 0;
    const log = github && format === "text" ? github.createInertLogOutput(context.stdout) : context.stdout;
    const progress = github ? github.createInertLogOutput(context.stderr) : context.stderr;
    const report = github ? (run) => github.reportApplyRunToGitHub(github.withWorkflowCommandsBeside(context, format), run) : void 0;
    return applyAndReport(
      context,
      format,
      { log, ...report ? { report } : {}, ...values.out ? { outFile: values.out } : {} },
      {
        environment,
        altinnUrl: values.altinnUrl,
        ...reviewedPlan ? { reviewedPlan } : {},
        allowDelete: values.allowDelete === true,
        force: values.force === true,
        concurrency: concurrency ?? DEFAULT_CONCURRENCY,
        ...requestTimeoutMs !== void 0 ? { requestTimeoutMs } : {},
        // The JSON report owns stdout; people read the plan and progress on stderr then.
        planOutput: format === "json" ? progress : log,
        progressOutput: progress,
        ...context.signal ? { signal: context.signal } : {},
        ...consent === "ask" ? {
          confirm: () => askToApply(
            context,
            `Apply the changes above to ${environment}? Nothing is written otherwise.`
          )
        } : {}
      }
    );
  }
};
async function applyAndReport(context, format, output, options) {
  let run;
  try {
    run = await executeApply(context, options);
  } catch (error) {
    const interrupted = interruptedExitCode(options.signal);
    if (interrupted === void 0) throw error;
    context.stderr.write(
      `sysreg apply: ${describeInterruption(options.signal)} before anything was applied; 0 applied, nothing started.
`
    );
    return interrupted;
  }
  if (output.outFile) await writeOutputFile(context, output.outFile, renderApplyRunJson(run));
  output.log.write(format === "json" ? renderApplyRunJson(run) : renderApplyRunText(run));
  await output.report?.(run);
  return interruptedExitCode(options.signal) ?? run.exitCode;
}
function describeInterruption(signal) {
  return signal?.reason instanceof Error ? signal.reason.message : "interrupted";
}
export {
  command,
  executeApply,
  readReviewedPlan,
  readReviewedPlans
};
