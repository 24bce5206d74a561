import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);

// src/plan/describe-field-change.ts
function describeFieldChange(change) {
  switch (change.kind) {
    case "scalar":
      if (change.before === null)
        return [{ sign: "+", text: `${change.field}: ${formatValue(change.after)}` }];
      return [
        {
          sign: "~",
          text: `${change.field}: ${formatValue(change.before)} → ${formatValue(change.after)}`
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
    else lines.push({ sign: "~", text: `${field}.${language}: ${formatValue(old)} → ${formatValue(next)}` });
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

export {
  describeFieldChange,
  formatValue,
  pickDisplayName
};
