import {
  readLiveState
} from "./chunk-GCDYRGNO.js";
import {
  writeFileAtomically
} from "./chunk-JQXKIT2I.js";
import {
  HISTORY_HEADING,
  HISTORY_ONLY_SYSREG,
  HISTORY_UNREADABLE,
  describeDeleteCost,
  describeDriftHistory,
  describeFieldChange,
  describeSwapWrites,
  formatValue,
  pickDisplayName
} from "./chunk-OXRKPH2W.js";
import {
  validateSystems
} from "./chunk-NLQ3QRQQ.js";
import {
  DEFAULT_CATALOGUE
} from "./chunk-DYX2OOHH.js";
import {
  AltinnClientError,
  openAltinnConnection
} from "./chunk-O7WPZCOJ.js";
import {
  canonicalFromLive,
  canonicalFromSpec,
  listDifferingFields,
  stringifyCanonicalJson
} from "./chunk-LTTDTWR3.js";
import {
  resolveEnvironment
} from "./chunk-TWCSMN77.js";
import {
  copyRequestFields
} from "./chunk-2QRLR2CN.js";
import {
  assessPlanSafety
} from "./chunk-ZERHEBEW.js";
import {
  loadSystemFiles
} from "./chunk-XTLGM2XZ.js";
import {
  compareStrings,
  discoverSystemFiles,
  sortDiagnostics
} from "./chunk-BLFSHPJ3.js";
import {
  FIELD_RULES
} from "./chunk-JUN6NXH3.js";
import {
  createPaint,
  hasErrors,
  renderDiagnosticsText
} from "./chunk-SJD3TTC4.js";
import {
  escapeTerminalText
} from "./chunk-RPKBACA5.js";
import {
  UsageError,
  resolveFileArgument
} from "./chunk-BVG62MQ6.js";

// src/plan/plan.ts
const { createHash } = globalThis.process.getBuiltinModule("node:crypto");

// src/plan/vendor-systems.ts
function listUnmanagedSystems(describedIds, live) {
  const ids = /* @__PURE__ */ new Set();
  for (const id of live.listedIds) ids.add(id);
  for (const [id, lookup] of Object.entries(live.systems)) {
    if (lookup.status === "found" && !lookup.system.isDeleted && vendorOrgOf(lookup.system.vendor?.ID ?? "") === live.vendorOrgNumber) {
      ids.add(id);
    }
  }
  const unmanaged = [];
  for (const id of [...ids].sort(compareStrings)) {
    if (describedIds.has(id)) continue;
    const lookup = live.systems[id];
    const system = lookup?.status === "found" ? lookup.system : null;
    if (system?.isDeleted) continue;
    unmanaged.push({
      systemId: id,
      name: system ? canonicalFromLive(system).name : {},
      clientId: system ? canonicalFromLive(system).clientId : []
    });
  }
  return unmanaged;
}
function isSameVendor(live, spec) {
  return live.vendor?.ID === spec.vendor.ID;
}
function vendorOrgOf(vendorId) {
  return vendorId.startsWith("0192:") ? vendorId.slice(5) : vendorId;
}

// src/plan/classify-systems.ts
function classifySystems(desired, live, environment) {
  const described = [];
  for (const system of indexDesiredSystems(desired).values()) {
    const spec = system.spec;
    described.push({
      systemId: spec.id,
      desired: system,
      canonical: canonicalFromSpec(spec),
      class: classifyOne(system, live, environment)
    });
  }
  const describedIds = new Set(described.map((system) => system.systemId));
  return { described, unmanaged: listUnmanagedSystems(describedIds, live) };
}
function classifyOne(system, live, environment) {
  const { spec } = system;
  const id = spec.id;
  const lookup = live.systems[id] ?? { status: "absent" };
  const ownedElsewhere = lookup.status === "forbidden" || lookup.status === "found" && !isSameVendor(lookup.system, spec);
  const notTheCaller = vendorOrgOf(spec.vendor.ID) !== live.vendorOrgNumber;
  if (ownedElsewhere || notTheCaller) {
    if (spec.isDeleted) return { kind: "never-created" };
    const message = ownedElsewhere ? `The id ${id} belongs to another vendor in ${environment}; this vendor cannot create or change it.` : `The file names vendor ${spec.vendor.ID}, but sysreg runs as organisation ${live.vendorOrgNumber} in ${environment}; a vendor can only write its own systems.`;
    return { kind: "foreign-vendor", message };
  }
  if (lookup.status === "absent") return spec.isDeleted ? { kind: "never-created" } : { kind: "absent" };
  const liveSystem = lookup.system;
  if (liveSystem.isDeleted) return spec.isDeleted ? { kind: "already-deleted" } : { kind: "id-burned" };
  const liveCanonical = canonicalFromLive(liveSystem);
  return { kind: spec.isDeleted ? "live-tombstoned" : "live", live: liveSystem, liveCanonical };
}
function indexDesiredSystems(desired) {
  const sorted = [...desired].sort(
    (a, b) => compareStrings(a.spec.id, b.spec.id) || compareStrings(a.file, b.file)
  );
  const byId2 = /* @__PURE__ */ new Map();
  for (const system of sorted) if (!byId2.has(system.spec.id)) byId2.set(system.spec.id, system);
  return byId2;
}

// src/model/diff.ts
function diffCanonicalSystems(before, after) {
  const changes = [];
  const differing = new Set(listDifferingFields(before, after));
  for (const rule of FIELD_RULES) {
    if (!rule.updatable || !differing.has(rule.key)) continue;
    const oldValue = before[rule.key];
    const newValue = after[rule.key];
    const change = { field: rule.key, kind: rule.comparison, before: oldValue, after: newValue };
    if (rule.comparison === "set") {
      change.added = subtractItems(newValue, oldValue);
      change.removed = subtractItems(oldValue, newValue);
    }
    changes.push(change);
  }
  return changes;
}
function describeCreatedSystem(after) {
  return FIELD_RULES.filter((rule) => rule.updatable).map((rule) => {
    const value = after[rule.key];
    const change = { field: rule.key, kind: rule.comparison, before: null, after: value };
    if (rule.comparison === "set") {
      change.added = value;
      change.removed = [];
    }
    return change;
  });
}
function subtractItems(from, remove) {
  const removeKeys = new Set(remove.map((item) => stringifyCanonicalJson(item)));
  return from.filter((item) => !removeKeys.has(stringifyCanonicalJson(item)));
}

// src/plan/order-changes.ts
function orderClientIdClaims(entries, changes, describedIds, live, environment) {
  const holders = mapClientIdHolders(live);
  const claims = /* @__PURE__ */ new Map();
  const releases = new Map([...changes].map(([id, change]) => [id, new Set(change.releasesClientIds ?? [])]));
  for (const entry of entries) {
    const id = entry.desired.spec.id;
    const change = changes.get(id);
    if (!change) continue;
    const alreadyHeld = new Set(entry.live ? canonicalFromLive(entry.live).clientId : []);
    const dependsOn = /* @__PURE__ */ new Set();
    const heldOutside = /* @__PURE__ */ new Map();
    for (const clientId of entry.canonical.clientId) {
      if (alreadyHeld.has(clientId)) continue;
      const holder = holders.get(clientId);
      if (holder === void 0 || holder === id) continue;
      claims.set(id, (claims.get(id) ?? /* @__PURE__ */ new Map()).set(clientId, holder));
      if (releases.get(holder)?.has(clientId)) dependsOn.add(holder);
      else if (!describedIds.has(holder)) heldOutside.set(clientId, holder);
    }
    if (heldOutside.size > 0) {
      const clientIds = [...heldOutside.keys()].sort(compareStrings);
      const heldBy = [...new Set(heldOutside.values())].sort(compareStrings);
      changes.set(id, {
        systemId: id,
        action: "blocked",
        file: change.file,
        name: change.name,
        fields: change.fields,
        request: null,
        dependsOn: [],
        phase: 0,
        blocked: {
          reason: "client-id-held-outside-repo",
          message: `Client id ${clientIds.join(", ")} is held by ${heldBy.join(", ")} in ${environment}, which no file in this repository describes. Release it there, describe that system in git, or turn on prune.`,
          clientIds,
          heldBy
        }
      });
    } else {
      change.dependsOn = [...dependsOn].sort(compareStrings);
    }
  }
  blockWaitersOnBlockedChanges(changes, claims, environment);
}
function blockWaitersOnBlockedChanges(changes, claims, environment) {
  let changed = true;
  while (changed) {
    changed = false;
    for (const change of [...changes.values()].sort((a, b) => compareStrings(a.systemId, b.systemId))) {
      if (change.action === "blocked") continue;
      const blockedBy = change.dependsOn.filter((id) => changes.get(id)?.action === "blocked");
      if (blockedBy.length === 0) continue;
      const clientIds = [...claims.get(change.systemId) ?? /* @__PURE__ */ new Map()].filter(([, holder]) => blockedBy.includes(holder)).map(([clientId]) => clientId).sort(compareStrings);
      changes.set(change.systemId, {
        ...change,
        action: "blocked",
        request: null,
        dependsOn: [],
        phase: 0,
        blocked: {
          reason: "client-id-held-outside-repo",
          message: `Client id ${clientIds.join(", ")} is released only by ${blockedBy.join(", ")} in ${environment}, whose change is blocked by a client id held outside this repository.`,
          clientIds,
          heldBy: blockedBy
        }
      });
      changed = true;
    }
  }
}
function planClientIdSwaps(changes, live) {
  for (let cycle = findWaitCycle(changes); cycle; cycle = findWaitCycle(changes)) {
    const candidates = cycle.map((change) => {
      const lookup = live.systems[change.systemId];
      const held = new Set(lookup?.status === "found" ? lookup.system.clientId : []);
      const request = change.request;
      return { change, interim: { ...request, clientId: request.clientId.filter((id) => held.has(id)) } };
    });
    const breaker = candidates.find((candidate) => candidate.interim.clientId.length > 0) ?? candidates[0];
    breaker.change.interimRelease = breaker.interim;
  }
}
function findWaitCycle(changes) {
  const state = /* @__PURE__ */ new Map();
  const path2 = [];
  const visit = (change) => {
    state.set(change.systemId, "open");
    path2.push(change);
    for (const id of change.dependsOn) {
      const dependency = changes.get(id);
      if (!dependency || dependency.interimRelease || dependency.action === "blocked") continue;
      if (state.get(id) === "open") return path2.slice(path2.indexOf(dependency)).sort(byId);
      if (state.get(id) === void 0) {
        const cycle = visit(dependency);
        if (cycle) return cycle;
      }
    }
    path2.pop();
    state.set(change.systemId, "done");
    return null;
  };
  for (const change of [...changes.values()].sort(byId)) {
    if (state.has(change.systemId)) continue;
    const cycle = visit(change);
    if (cycle) return cycle;
  }
  return null;
}
function byId(a, b) {
  return compareStrings(a.systemId, b.systemId);
}
function mapClientIdHolders(live) {
  const holders = /* @__PURE__ */ new Map();
  for (const id of Object.keys(live.systems).sort(compareStrings)) {
    const lookup = live.systems[id];
    if (lookup?.status !== "found" || lookup.system.isDeleted) continue;
    for (const clientId of lookup.system.clientId ?? []) if (clientId !== "") holders.set(clientId, id);
  }
  return holders;
}
function assignPhases(changes) {
  const dependants = /* @__PURE__ */ new Map();
  for (const change of changes.values()) {
    for (const dependency of change.dependsOn) {
      const list = dependants.get(dependency) ?? [];
      list.push(change.systemId);
      dependants.set(dependency, list);
    }
  }
  const waitingForDelete = /* @__PURE__ */ new Set();
  for (const change of changes.values()) {
    if (change.action !== "delete") continue;
    for (const id of collectTransitive(change.systemId, dependants)) waitingForDelete.add(id);
  }
  for (const change of changes.values()) {
    if (change.action === "blocked") change.phase = 0;
    else if (change.action === "delete") change.phase = 2;
    else change.phase = waitingForDelete.has(change.systemId) ? 3 : 1;
  }
}
function collectTransitive(start, edges) {
  const seen = /* @__PURE__ */ new Set();
  const stack = [...edges.get(start) ?? []];
  while (stack.length > 0) {
    const next = stack.pop();
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...edges.get(next) ?? []);
  }
  return seen;
}
var PHASE_RANK = { 1: 0, 2: 1, 3: 2, 0: 3 };
function sortChangesByDependency(changes) {
  const byId2 = new Map(changes.map((change) => [change.systemId, change]));
  const sorted = [...changes].sort(
    (a, b) => PHASE_RANK[a.phase] - PHASE_RANK[b.phase] || compareStrings(a.systemId, b.systemId)
  );
  const done = /* @__PURE__ */ new Set();
  const visiting = /* @__PURE__ */ new Set();
  const ordered = [];
  const visit = (change) => {
    if (done.has(change.systemId) || visiting.has(change.systemId)) return;
    visiting.add(change.systemId);
    for (const dependency of change.dependsOn) {
      const target = byId2.get(dependency);
      if (target && !target.interimRelease) visit(target);
    }
    visiting.delete(change.systemId);
    done.add(change.systemId);
    ordered.push(change);
  };
  for (const change of sorted) visit(change);
  return ordered;
}

// src/plan/plan-types.ts
var PLAN_FORMAT_VERSION = 1;

// src/plan/request-body.ts
function buildRegisterRequest(spec) {
  return copyRequestFields(spec);
}

// src/plan/locate-changes.ts
function locateChanges(changes, desiredById) {
  const locations = [];
  for (const change of changes) {
    const desired = desiredById.get(change.systemId);
    if (!desired || change.file === null) continue;
    const file = change.file;
    const add = (field) => {
      const position = desired.fieldPositions[field] ?? desired.fieldPositions.id ?? { line: 1, column: 1 };
      locations.push({ systemId: change.systemId, file, field, ...position, action: change.action });
    };
    if (change.action === "update") for (const field of change.fields) add(field.field);
    else if (change.action === "create") add("id");
    else if (change.action === "delete") add("isDeleted");
    else add(change.blocked?.reason === "client-id-held-outside-repo" ? "clientId" : "id");
  }
  return locations;
}

// src/plan/plan.ts
function createPlan(input) {
  const { live, settings } = input;
  const { described, unmanaged } = classifySystems(input.desired, live, input.environment);
  const desiredById = new Map(described.map((system) => [system.systemId, system.desired]));
  const changes = /* @__PURE__ */ new Map();
  const unchanged = [];
  const entries = [];
  let managed = 0;
  for (const { systemId: id, desired, canonical, class: found } of described) {
    const base = { systemId: id, file: desired.file, name: canonical.name, dependsOn: [], phase: 0 };
    const block = (blocked) => {
      changes.set(id, { ...base, action: "blocked", fields: [], request: null, blocked });
    };
    switch (found.kind) {
      case "foreign-vendor":
        block({ reason: "foreign-vendor", message: found.message });
        break;
      case "id-burned":
        block({
          reason: "id-burned",
          message: `The id ${id} was deleted in ${input.environment} and can never be created again. Choose a new id, or set environments.${input.environment}.isDeleted: true in the file (isDeleted: true for every environment).`
        });
        break;
      case "never-created":
      case "already-deleted":
        unchanged.push({ systemId: id, file: desired.file, note: found.kind });
        break;
      case "absent":
        changes.set(id, {
          ...base,
          action: "create",
          fields: describeCreatedSystem(canonical),
          request: buildRegisterRequest(desired.spec)
        });
        entries.push({ desired, canonical, live: null });
        break;
      case "live-tombstoned":
        managed += 1;
        changes.set(id, {
          ...base,
          action: "delete",
          fields: [],
          request: null,
          deleteCause: "tombstone",
          releasesClientIds: found.liveCanonical.clientId,
          ...describeDeleteCost2(live, id)
        });
        break;
      case "live": {
        managed += 1;
        const fields = diffCanonicalSystems(found.liveCanonical, canonical);
        if (fields.length === 0) {
          unchanged.push({ systemId: id, file: desired.file, note: "in-sync" });
          break;
        }
        const released = found.liveCanonical.clientId.filter(
          (clientId) => !canonical.clientId.includes(clientId)
        );
        changes.set(id, {
          ...base,
          action: "update",
          fields,
          request: buildRegisterRequest(desired.spec),
          ...released.length > 0 ? { releasesClientIds: released } : {}
        });
        entries.push({ desired, canonical, live: found.live });
        break;
      }
    }
  }
  if (settings.prune) {
    for (const system of unmanaged) {
      managed += 1;
      changes.set(system.systemId, {
        systemId: system.systemId,
        action: "delete",
        file: null,
        name: system.name,
        fields: [],
        request: null,
        dependsOn: [],
        phase: 0,
        deleteCause: "prune",
        releasesClientIds: system.clientId,
        ...describeDeleteCost2(live, system.systemId)
      });
    }
  }
  orderClientIdClaims(entries, changes, new Set(desiredById.keys()), live, input.environment);
  planClientIdSwaps(changes, live);
  assignPhases(changes);
  const ordered = sortChangesByDependency([...changes.values()]);
  const counts = countPlan(ordered, unchanged.length, settings.prune ? 0 : unmanaged.length);
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    environment: input.environment,
    commit: input.commit ?? null,
    changes: ordered,
    unmanaged: settings.prune ? [] : unmanaged,
    unchanged: unchanged.sort((a, b) => compareStrings(a.systemId, b.systemId)),
    counts,
    checksum: computeChangesChecksum(ordered),
    safety: assessPlanSafety({ updates: counts.update, deletes: counts.delete, managed }, settings.safety),
    locations: locateChanges(ordered, desiredById)
  };
}
var LISTED_SYSTEM_USER_CUSTOMERS = 5;
function describeDeleteCost2(live, id) {
  const lookup = live.systemUsers?.[id];
  if (!lookup) return {};
  if (lookup.status === "unreadable") return { systemUsersUnreadable: lookup.reason };
  return {
    systemUsers: lookup.reporteeOrgNumbers.length,
    systemUserCustomers: lookup.reporteeOrgNumbers.slice(0, LISTED_SYSTEM_USER_CUSTOMERS)
  };
}
function computeChangesChecksum(changes) {
  return `sha256:${createHash("sha256").update(stringifyCanonicalJson(changes)).digest("hex")}`;
}
function decidePlanExitCode(plan, options) {
  return options.detailedExitCode && plan.counts.changes > 0 ? 2 : 0;
}
function countPlan(changes, noop, unmanaged) {
  const counts = { create: 0, update: 0, delete: 0, blocked: 0, noop, unmanaged, changes: 0 };
  for (const change of changes) counts[change.action] += 1;
  counts.changes = counts.create + counts.update + counts.delete + counts.blocked;
  return counts;
}

// src/plan/render-json.ts
function renderPlanJson(plan) {
  return `${stringifyCanonicalJson(plan, 2)}
`;
}
function renderDriftJson(report) {
  return `${stringifyCanonicalJson(report, 2)}
`;
}
function parsePlanJson(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `The plan file is not JSON: ${error.message}` };
  }
  if (value === null || typeof value !== "object")
    return { ok: false, message: "The plan file is not a plan." };
  const plan = value;
  if (plan.formatVersion !== PLAN_FORMAT_VERSION) {
    return {
      ok: false,
      message: `The plan file has format version ${String(plan.formatVersion)}; this sysreg reads ${PLAN_FORMAT_VERSION}.`
    };
  }
  if (!Array.isArray(plan.changes) || typeof plan.checksum !== "string") {
    return { ok: false, message: "The plan file has no changes or checksum." };
  }
  const malformed = findMalformedPart(plan);
  if (malformed) return { ok: false, message: `The plan file is not a plan sysreg wrote: ${malformed}.` };
  const checksum = computeChangesChecksum(plan.changes);
  if (checksum !== plan.checksum) {
    return {
      ok: false,
      message: `The plan's changes do not match its checksum (${plan.checksum}, computed ${checksum}); it was edited after it was made.`
    };
  }
  return { ok: true, plan };
}
function findMalformedPart(plan) {
  if (typeof plan.environment !== "string") return "`environment` is not a string";
  for (const list of ["changes", "unchanged", "unmanaged"]) {
    const entries = plan[list];
    if (!Array.isArray(entries)) return `\`${list}\` is not a list`;
    const index2 = entries.findIndex(
      (entry) => typeof entry !== "object" || entry === null || typeof entry.systemId !== "string"
    );
    if (index2 !== -1) return `\`${list}[${index2}]\` has no systemId`;
  }
  const index = plan.changes.findIndex(
    (change) => !CHANGE_ACTIONS.has(change.action) || !Array.isArray(change.fields) || !Array.isArray(change.dependsOn)
  );
  if (index !== -1) return `\`changes[${index}]\` is not a planned change (action, fields, dependsOn)`;
  return void 0;
}
var CHANGE_ACTIONS = /* @__PURE__ */ new Set(["create", "update", "delete", "blocked"]);

// src/plan/render-text.ts
var ACTION_LOOK = {
  create: { symbol: "+", style: "green" },
  update: { symbol: "~", style: "yellow" },
  delete: { symbol: "-", style: "red" },
  blocked: { symbol: "!", style: "magenta" }
};
var SIGN_STYLE = { "+": "green", "-": "red", "~": "yellow" };
var DELETE_COST = "Deleting burns the id forever (it can never be created again), and the system users of the system stop working.";
function renderPlanText(plan, options) {
  const paint = createPaint(options.color);
  const lines = [];
  const commit = describeCommit(plan.commit, options);
  lines.push(paint("bold", `sysreg plan for ${escapeTerminalText(plan.environment)}${commit}`));
  lines.push(summarisePlanCounts(plan));
  if (plan.counts.update > 0) {
    lines.push(
      paint("dim", "Updates read Altinn \u2192 git: left or - is Altinn now, right or + is what apply writes.")
    );
  }
  lines.push("");
  for (const change of plan.changes) lines.push(...renderChange(change, paint), "");
  for (const system of plan.unmanaged) {
    lines.push(
      `${paint("cyan", "?")} unmanaged ${paint("bold", escapeTerminalText(system.systemId))} ${formatName(system.name)}`,
      paint(
        "dim",
        "    No file describes it; left alone. Turn on prune to delete it, or import it into git."
      ),
      ""
    );
  }
  const tombstones = plan.unchanged.filter((system) => system.note !== "in-sync");
  for (const system of tombstones) {
    const note = system.note === "already-deleted" ? "already deleted" : "never created; nothing to delete";
    lines.push(`${paint("dim", "=")} tombstone ${escapeTerminalText(system.systemId)}: ${note}`);
  }
  if (tombstones.length > 0) lines.push("");
  if (plan.counts.changes === 0) lines.push("No changes. Altinn matches git.", "");
  if (!plan.safety.safe) {
    lines.push(paint("red", paint("bold", "Unsafe plan:")));
    for (const reason of plan.safety.reasons) lines.push(paint("red", `  ${reason}`));
    if (!options.permissions?.force) lines.push("  Apply needs --force to go ahead.");
    lines.push("");
  }
  if (plan.counts.delete > 0 && !options.permissions?.allowDelete)
    lines.push(paint("red", "Apply needs --allow-delete to delete systems."), "");
  lines.push(paint("dim", `Checksum ${plan.checksum}`));
  return `${lines.join("\n")}
`;
}
function renderChange(change, paint) {
  const look = ACTION_LOOK[change.action];
  const file = change.file ? paint("dim", ` (${escapeTerminalText(change.file)})`) : "";
  const reason = change.blocked ? ` [${change.blocked.reason}]` : "";
  const lines = [
    `${paint(look.style, `${look.symbol} ${change.action}${reason}`)} ${paint("bold", escapeTerminalText(change.systemId))} ${formatName(change.name)}${file}`
  ];
  lines.push(...renderFields(change.fields, paint));
  if (change.action === "delete") {
    if (change.deleteCause === "prune")
      lines.push(paint("red", "    No file describes it, and prune is on."));
    lines.push(paint("red", `    ${DELETE_COST}`));
    const cost = describeDeleteCost(change);
    if (cost) lines.push(paint("red", `    ${escapeTerminalText(cost)}`));
  }
  if (change.blocked) lines.push(paint("magenta", `    ${escapeTerminalText(change.blocked.message)}`));
  if (change.releasesClientIds && change.releasesClientIds.length > 0 && change.action === "delete") {
    lines.push(
      paint("dim", `    Releases client ids ${change.releasesClientIds.map(formatValue).join(", ")}`)
    );
  }
  const swap = describeSwapWrites(change);
  if (swap) lines.push(paint("dim", `    ${escapeTerminalText(swap)}`));
  else if (change.dependsOn.length > 0 && change.action !== "delete") {
    lines.push(paint("dim", `    After ${change.dependsOn.map(escapeTerminalText).join(", ")}`));
  }
  return lines;
}
function renderFields(fields, paint) {
  return fields.flatMap(
    (field) => describeFieldChange(field).map(
      (line) => `    ${paint(SIGN_STYLE[line.sign], `${line.sign} ${escapeTerminalText(line.text)}`)}`
    )
  );
}
function summarisePlanCounts(plan) {
  const { counts } = plan;
  return `${counts.create} to create, ${counts.update} to update, ${counts.delete} to delete, ${counts.blocked} blocked; ${counts.noop} unchanged, ${counts.unmanaged} unmanaged.`;
}
var DRIFT_LOOK = {
  "changed-outside-git": { label: "changed outside git", style: "yellow" },
  "missing-in-altinn": { label: "missing in Altinn", style: "red" },
  "deleted-in-altinn": { label: "deleted in Altinn", style: "red" },
  "unmanaged-in-altinn": { label: "unmanaged in Altinn", style: "cyan" }
};
function renderDriftText(report, options) {
  const paint = createPaint(options.color);
  const commit = describeCommit(report.commit, options);
  const lines = [paint("bold", `sysreg drift for ${escapeTerminalText(report.environment)}${commit}`)];
  lines.push(summariseDriftCounts(report));
  if (report.counts.total > 0)
    lines.push(paint("dim", "Diffs read git \u2192 Altinn: left or - is git, right or + is Altinn."));
  lines.push("");
  for (const item of report.items) {
    const look = DRIFT_LOOK[item.kind];
    const file = item.file ? paint("dim", ` (${escapeTerminalText(item.file)})`) : "";
    lines.push(
      `${paint(look.style, look.label)} ${paint("bold", escapeTerminalText(item.systemId))} ${formatName(item.name)}${file}`
    );
    lines.push(paint("dim", `    ${escapeTerminalText(item.detail)}`));
    lines.push(...renderDriftHistory(item, paint));
    lines.push(...renderFields(item.fields, paint), "");
  }
  if (report.counts.total === 0) lines.push("No drift. Altinn matches git.", "");
  lines.push(paint("dim", `Checksum ${report.checksum}`));
  return `${lines.join("\n")}
`;
}
function renderDriftHistory(item, paint) {
  const history = describeDriftHistory(item);
  if (history.kind === "none") return [];
  if (history.kind === "unreadable")
    return [paint("magenta", `    ${HISTORY_UNREADABLE} (${escapeTerminalText(history.reason)}).`)];
  if (history.kind === "only-sysreg") return [paint("dim", `    ${HISTORY_ONLY_SYSREG}`)];
  return [
    `    ${HISTORY_HEADING}`,
    ...history.lines.map(
      (line) => paint(
        "magenta",
        `      ${line.time}  ${escapeTerminalText(line.changeType)}  by org ${escapeTerminalText(line.orgNumber)}  through client ${escapeTerminalText(line.clientId)}`
      )
    )
  ];
}
function describeCommit(commit, options) {
  if (!commit) return options.uncommittedChanges ? " (uncommitted changes)" : "";
  return ` at ${escapeTerminalText(commit)}${options.uncommittedChanges ? " + uncommitted changes" : ""}`;
}
function summariseDriftCounts(report) {
  const { counts } = report;
  return `${counts.changedOutsideGit} changed outside git, ${counts.missingInAltinn} missing in Altinn, ${counts.deletedInAltinn} deleted in Altinn, ${counts.unmanagedInAltinn} unmanaged in Altinn.`;
}
function formatName(name) {
  const display = pickDisplayName(name);
  return display === "" ? "" : formatValue(display);
}

// src/plan/drift.ts
const { createHash: createHash2 } = globalThis.process.getBuiltinModule("node:crypto");
var DRIFT_KINDS = [
  "changed-outside-git",
  "missing-in-altinn",
  "deleted-in-altinn",
  "unmanaged-in-altinn"
];
var LISTED_OUTSIDE_CHANGES = 3;
function describeHistory(input, id) {
  const lookup = input.live.changelogs?.[id];
  if (!lookup) return {};
  if (lookup.status === "unreadable") return { historyUnreadable: lookup.reason };
  const history = [];
  for (const entry of lookup.entries) {
    if (input.ownClientId !== void 0 && entry.clientId === input.ownClientId) break;
    if (history.length === LISTED_OUTSIDE_CHANGES) break;
    history.push({
      created: entry.created,
      changeType: entry.changeType,
      changedByOrgNumber: entry.changedByOrgNumber ?? null,
      clientId: entry.clientId ?? null
    });
  }
  return { history };
}
function createDriftReport(input) {
  const { live, environment } = input;
  const items = [];
  const { described, unmanaged } = classifySystems(input.desired, live, environment);
  for (const { systemId: id, desired, canonical, class: found } of described) {
    const base = { systemId: id, file: desired.file, name: canonical.name, fields: [] };
    switch (found.kind) {
      case "foreign-vendor":
        items.push({ ...base, kind: "missing-in-altinn", detail: found.message });
        break;
      case "absent":
        items.push({ ...base, kind: "missing-in-altinn", detail: `${id} does not exist in ${environment}.` });
        break;
      case "id-burned":
        items.push({
          ...base,
          kind: "deleted-in-altinn",
          detail: `${id} was deleted in ${environment} while its file says it is live; the id cannot be created again.`,
          ...describeHistory(input, id)
        });
        break;
      case "live-tombstoned":
        items.push({
          ...base,
          kind: "changed-outside-git",
          fields: [{ field: "isDeleted", kind: "scalar", before: true, after: false }],
          detail: `${id} is deleted in git but still live in ${environment}.`,
          ...describeHistory(input, id)
        });
        break;
      case "live": {
        const fields = diffCanonicalSystems(canonical, found.liveCanonical);
        if (fields.length === 0) break;
        const names = fields.map((field) => field.field).join(", ");
        items.push({
          ...base,
          kind: "changed-outside-git",
          fields,
          detail: `Changed in ${environment}: ${names}.`,
          ...describeHistory(input, id)
        });
        break;
      }
      case "never-created":
      case "already-deleted":
        break;
    }
  }
  for (const system of unmanaged) {
    items.push({
      systemId: system.systemId,
      kind: "unmanaged-in-altinn",
      file: null,
      name: system.name,
      fields: [],
      detail: `${system.systemId} exists in ${environment} but no file describes it.`,
      ...describeHistory(input, system.systemId)
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
    checksum: `sha256:${createHash2("sha256").update(stringifyCanonicalJson(items)).digest("hex")}`
  };
}
function decideDriftExitCode(report, options) {
  return options.detailedExitCode && report.counts.total > 0 ? 2 : 0;
}

// src/commands/shared/live-comparison.ts
const { execFile } = new Proxy({}, { get: (_, key) => globalThis.process.getBuiltinModule("node:child_process")[key] });
const { promisify } = globalThis.process.getBuiltinModule("node:util");

// src/commands/shared/desired-state.ts
async function loadDesiredState(root, environment) {
  const discovered = discoverSystemFiles(root, []);
  const files = loadSystemFiles(discovered.files);
  const diagnostics = sortDiagnostics([
    ...discovered.diagnostics,
    ...validateSystems(files, { catalogue: DEFAULT_CATALOGUE })
  ]);
  const sources = new Map(files.map((file) => [file.file, file.text]));
  const invalid = hasErrors(diagnostics);
  const desired = invalid ? [] : files.filter((file) => file.document !== void 0).map((file) => resolveEnvironment(file, environment));
  return { files, diagnostics, invalid, desired, sources };
}

// src/commands/shared/live-comparison.ts
async function compareWithAltinn(context, options) {
  const loading = loadDesiredState(context.cwd, options.environment);
  loading.catch(() => void 0);
  const commitReading = readCommit(context);
  const { config, connection } = await openAltinnConnection(context, options);
  try {
    const live = await readLiveState(connection.client, {
      environment: options.environment,
      ...context.signal ? { signal: context.signal } : {},
      repoIds: loading.then(
        (state) => state.invalid ? Promise.reject(new Error("invalid files")) : state.desired.map((system) => system.spec.id)
      )
    });
    const desiredState = await loading;
    const { commit, uncommitted } = await commitReading;
    return { environment: options.environment, commit, uncommitted, config, desiredState, live, connection };
  } catch (error) {
    await connection.close();
    const desiredState = await loading.catch(() => void 0);
    if (desiredState?.invalid) stopOnInvalidFiles(context, desiredState);
    throw error;
  }
}
function stopOnInvalidFiles(context, desiredState) {
  if (!desiredState.invalid) return;
  context.stderr.write(
    renderDiagnosticsText({
      diagnostics: desiredState.diagnostics,
      fileCount: desiredState.files.length,
      sources: desiredState.sources
    })
  );
  throw new UsageError("the system files have errors; fix them before comparing with Altinn.");
}
function planComparison(comparison) {
  return createPlan({
    desired: comparison.desiredState.desired,
    live: comparison.live,
    settings: { prune: comparison.config.prune, safety: comparison.config.safety },
    environment: comparison.environment,
    ...comparison.commit ? { commit: comparison.commit } : {}
  });
}
async function planComparisonWithDeleteCosts(comparison) {
  const plan = planComparison(comparison);
  const deleted = plan.changes.filter((change) => change.action === "delete").map((change) => change.systemId);
  if (deleted.length === 0) return plan;
  const client = comparison.connection.client;
  const systemUsers = await readEachSystem(deleted, async (systemId) => ({
    status: "read",
    reporteeOrgNumbers: (await client.listSystemUsers(systemId)).map((user) => user.reporteeOrgNo)
  }));
  return planComparison({ ...comparison, live: { ...comparison.live, systemUsers } });
}
async function driftComparisonWithHistory(comparison) {
  const input = {
    desired: comparison.desiredState.desired,
    live: comparison.live,
    environment: comparison.environment,
    ownClientId: comparison.connection.tokens.clientId,
    ...comparison.commit ? { commit: comparison.commit } : {}
  };
  const report = createDriftReport(input);
  const drifted = report.items.filter((item) => item.kind !== "missing-in-altinn").map((item) => item.systemId);
  if (drifted.length === 0) return report;
  const client = comparison.connection.client;
  const changelogs = await readEachSystem(drifted, async (systemId) => ({
    status: "read",
    entries: await client.getChangelog(systemId)
  }));
  return createDriftReport({ ...input, live: { ...comparison.live, changelogs } });
}
async function readCommit(context) {
  if (context.env.GITHUB_SHA) return { commit: context.env.GITHUB_SHA, uncommitted: false };
  const git = (args) => promisify(execFile)("git", args, { cwd: context.cwd, timeout: 5e3 }).then(({ stdout }) => stdout);
  try {
    const [head, status] = await Promise.all([
      git(["rev-parse", "HEAD"]),
      git(["status", "--porcelain", "--", "systems", "sysreg.config.yaml"]).catch(() => "")
    ]);
    return { commit: head.trim() || void 0, uncommitted: status.trim() !== "" };
  } catch {
    return { commit: void 0, uncommitted: false };
  }
}
async function readEachSystem(systemIds, read) {
  const entries = await Promise.all(
    systemIds.map(async (systemId) => {
      try {
        return [systemId, await read(systemId)];
      } catch (error) {
        if (!(error instanceof AltinnClientError)) throw error;
        return [systemId, { status: "unreadable", reason: error.message }];
      }
    })
  );
  return Object.fromEntries(entries);
}

// src/commands/shared/output-file.ts
const { mkdir } = globalThis.process.getBuiltinModule("node:fs/promises");
const path = globalThis.process.getBuiltinModule("node:path");
async function writeOutputFile(context, file, text) {
  const target = path.resolve(context.cwd, resolveFileArgument(context, file));
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFileAtomically(target, text);
  } catch (error) {
    const reason = error.code ?? error.message;
    throw new UsageError(`cannot write --out ${file}: ${String(reason)}`);
  }
  return target;
}

export {
  createPlan,
  decidePlanExitCode,
  renderPlanJson,
  renderDriftJson,
  parsePlanJson,
  renderPlanText,
  renderDriftText,
  createDriftReport,
  decideDriftExitCode,
  compareWithAltinn,
  planComparisonWithDeleteCosts,
  driftComparisonWithHistory,
  writeOutputFile
};
