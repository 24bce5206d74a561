import {
  ENVIRONMENTS_KEY,
  FIELD_RULES
} from "./chunk-JUN6NXH3.js";

// src/systems/environments.ts
function environmentsOf(document) {
  return Object.keys(document.environments).sort();
}
function resolveSpec(document, environment) {
  const { environments, ...base } = document;
  const overrides = environment === void 0 ? void 0 : environments[environment];
  return overrides ? { ...base, ...overrides } : base;
}
function isOverridden(document, environment, field) {
  if (environment === void 0) return false;
  const overrides = document.environments[environment];
  return overrides !== void 0 && field in overrides;
}
function locateSourcePath(document, environment, specPath) {
  const field = specPath[0];
  if (typeof field === "string" && isOverridden(document, environment, field)) {
    return [ENVIRONMENTS_KEY, environment, ...specPath];
  }
  return specPath;
}
function resolveEnvironment(parsed, environment) {
  const { document } = parsed;
  const fieldPositions = {};
  for (const rule of FIELD_RULES) {
    const path = locateSourcePath(document, environment, [rule.key]);
    if (!parsed.isWritten(path)) continue;
    const span = parsed.positionOf(path, "key");
    const position = { line: span.line, column: span.column };
    fieldPositions[rule.key] = position;
  }
  return { spec: resolveSpec(document, environment), file: parsed.file, fieldPositions };
}

// src/systems/rules-model.ts
var VENDOR_PREFIX = "0192:";
var RESOURCE_ATTRIBUTE_ID = "urn:altinn:resource";
var ACCESS_PACKAGE_URN_PATTERN = /^urn:altinn:accesspackage:[a-z0-9][a-z0-9-]*$/;
var SYSTEM_ID_CHARACTERS = /^[A-Za-z0-9._-]$/;
var SYSTEM_ID_MAX_LENGTH = 255;
var REQUIRED_LANGUAGES = ["nb", "nn", "en"];
function indexCatalogue(catalogue) {
  return {
    resources: new Map(catalogue.resources.map((record) => [record.identifier, record])),
    accessPackages: new Map(catalogue.accessPackages.map((record) => [record.urn, record]))
  };
}
function describePull(source) {
  return `\`sysreg catalogue pull --env ${source.kind === "snapshot" ? source.environment : "NAME"}\``;
}
function findRepeats(items, keyOf) {
  const repeats = [];
  const seen = /* @__PURE__ */ new Map();
  items.forEach((item, index) => {
    const key = keyOf(item);
    const first = seen.get(key);
    if (first === void 0) seen.set(key, index);
    else repeats.push({ item, index, first });
  });
  return repeats;
}
function findInItems(items, pathOf, problem) {
  const findings = [];
  for (let index = 0; index < items.length; index++) {
    const found = problem(items[index]);
    if (found) findings.push({ path: pathOf(index), ...found });
  }
  return findings;
}

export {
  environmentsOf,
  resolveSpec,
  isOverridden,
  locateSourcePath,
  resolveEnvironment,
  VENDOR_PREFIX,
  RESOURCE_ATTRIBUTE_ID,
  ACCESS_PACKAGE_URN_PATTERN,
  SYSTEM_ID_CHARACTERS,
  SYSTEM_ID_MAX_LENGTH,
  REQUIRED_LANGUAGES,
  indexCatalogue,
  describePull,
  findRepeats,
  findInItems
};
