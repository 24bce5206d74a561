// src/plan/describe-field-change.ts
function describeFieldChange(change) {
  switch (change.kind) {
    case "scalar":
      if (change.before === null)
        return [{ sign: "+", text: `${change.field}: ${formatValue(change.after)}` }];
      return [
        {
          sign: "~",
          text: `${change.field}: ${formatValue(change.before)} \u2192 ${formatValue(change.after)}`
        }
      ];
    case "languageMap":
      return describeLanguageMapChange(
        change.field,
        change.before ?? {},
        change.after ?? {}
      );
    case "set": {
      const lines = [];
      for (const item of change.removed ?? []) {
        lines.push({ sign: "-", text: `${change.field}: ${formatSetItem(change.field, item)}` });
      }
      for (const item of change.added ?? []) {
        lines.push({ sign: "+", text: `${change.field}: ${formatSetItem(change.field, item)}` });
      }
      return lines;
    }
  }
}
function describeLanguageMapChange(field, before, after) {
  const lines = [];
  const languages = [.../* @__PURE__ */ new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const language of languages) {
    const old = before[language];
    const next = after[language];
    if (old === next) continue;
    if (old === void 0) lines.push({ sign: "+", text: `${field}.${language}: ${formatValue(next)}` });
    else if (next === void 0) lines.push({ sign: "-", text: `${field}.${language}: ${formatValue(old)}` });
    else lines.push({ sign: "~", text: `${field}.${language}: ${formatValue(old)} \u2192 ${formatValue(next)}` });
  }
  return lines;
}
function formatValue(value) {
  return JSON.stringify(value) ?? "null";
}
function formatSetItem(field, item) {
  if (field === "accessPackages") return formatValue(item.urn);
  if (field === "rights") {
    const right = item;
    const resources = right.resource.map(
      (pair) => pair.id === "urn:altinn:resource" ? pair.value : `${pair.id}=${pair.value}`
    );
    const action = right.action === void 0 ? "" : ` (action ${right.action})`;
    return `${formatValue(resources.join(" + "))}${action}`;
  }
  return formatValue(item);
}
function pickDisplayName(name) {
  return name.en ?? name.nb ?? name.nn ?? Object.values(name)[0] ?? "";
}

// src/plan/describe-delete-cost.ts
function describeDeleteCost(change) {
  if (change.systemUsersUnreadable !== void 0) {
    return `Its system users could not be read (${change.systemUsersUnreadable}); customers may lose their integration.`;
  }
  const count = change.systemUsers;
  if (count === void 0) return void 0;
  if (count === 0) return "It has no system users: no customer loses an integration.";
  const customers = change.systemUserCustomers ?? [];
  const more = count - customers.length;
  const listed = `${customers.join(", ")}${more > 0 ? `, and ${more} more` : ""}`;
  const users = count === 1 ? "1 system user stops" : `${count} system users stop`;
  return `${users} working: ${count === 1 ? "the customer" : "customers"} ${listed}.`;
}

// src/plan/describe-swap-writes.ts
function describeSwapWrites(change) {
  if (!change.interimRelease) return void 0;
  const quote = (ids) => ids.length > 0 ? ids.map((id) => `"${id}"`).join(", ") : "none";
  const after = change.dependsOn.length > 0 ? `after ${change.dependsOn.join(", ")}, ` : "";
  return `Client-id swap in two writes: first it releases ${quote(change.releasesClientIds ?? [])} (keeping ${quote(change.interimRelease.clientId)}), then, ${after}it is written in full.`;
}

// src/plan/describe-drift-history.ts
function formatChangeTime(created) {
  const time = Date.parse(created);
  if (Number.isNaN(time)) return created;
  return `${new Date(time).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}
function toLine(change) {
  return {
    time: formatChangeTime(change.created),
    changeType: change.changeType,
    orgNumber: change.changedByOrgNumber ?? "unknown",
    clientId: change.clientId === null || change.clientId === "" ? "unknown" : change.clientId
  };
}
function describeDriftHistory(item) {
  if (item.historyUnreadable !== void 0) return { kind: "unreadable", reason: item.historyUnreadable };
  if (item.history === void 0) return { kind: "none" };
  if (item.history.length === 0) return { kind: "only-sysreg" };
  return { kind: "changes", lines: item.history.map(toLine) };
}
var HISTORY_UNREADABLE = "Who changed it is unknown: its changelog could not be read";
var HISTORY_ONLY_SYSREG = "Its changelog shows no change by another client since sysreg's last write.";
var HISTORY_HEADING = "Changed outside sysreg (newest first):";

export {
  describeFieldChange,
  formatValue,
  pickDisplayName,
  describeDeleteCost,
  describeSwapWrites,
  describeDriftHistory,
  HISTORY_UNREADABLE,
  HISTORY_ONLY_SYSREG,
  HISTORY_HEADING
};
