import {
  compareStrings
} from "./chunk-BLFSHPJ3.js";
import {
  ENVIRONMENTS_KEY,
  FIELD_RULES
} from "./chunk-JUN6NXH3.js";

// src/systems/canonical-order.ts
var FIELD_KEYS = FIELD_RULES.map((rule) => rule.key);
var TOP_LEVEL_KEYS = [...FIELD_KEYS, ENVIRONMENTS_KEY];
var LANGUAGE_KEYS = ["nb", "nn", "en"];
var ALIAS_TO_FIELD = new Map(
  FIELD_RULES.flatMap((rule) => rule.aliases.map((alias) => [alias, rule.key]))
);
function resolveFieldAlias(key) {
  return ALIAS_TO_FIELD.get(key);
}
function classifyFieldPath(path) {
  const [field, ...rest] = path;
  const canonical = typeof field === "string" ? resolveFieldAlias(field) ?? field : void 0;
  if (rest.length === 0) {
    if (canonical === "vendor") return "vendor";
    if (canonical === "name" || canonical === "description") return "languageMap";
    return "other";
  }
  if (canonical === "rights" && rest.length === 1 && typeof rest[0] === "number") return "right";
  if (canonical === "rights" && rest.length === 3 && typeof rest[0] === "number" && rest[1] === "resource" && typeof rest[2] === "number") {
    return "attributePair";
  }
  if (canonical === "accessPackages" && rest.length === 1 && typeof rest[0] === "number")
    return "accessPackage";
  return "other";
}
function classifyMapPath(path) {
  if (path.length === 0) return "top";
  if (path[0] === ENVIRONMENTS_KEY) {
    if (path.length === 1) return "other";
    if (path.length === 2) return "fields";
    return classifyFieldPath(path.slice(2));
  }
  return classifyFieldPath(path);
}
var KEY_ORDER = {
  top: TOP_LEVEL_KEYS,
  fields: FIELD_KEYS,
  vendor: ["ID"],
  right: ["action", "resource"],
  attributePair: ["id", "value"],
  accessPackage: ["urn"]
};
function compareKeysCanonically(path, a, b) {
  const kind = classifyMapPath(path);
  if (kind === "other") return 0;
  if (kind === "languageMap") {
    const rank2 = (key) => {
      const index = LANGUAGE_KEYS.indexOf(key);
      return index === -1 ? LANGUAGE_KEYS.length : index;
    };
    return rank2(a) - rank2(b) || (rank2(a) === LANGUAGE_KEYS.length ? compareStrings(a, b) : 0);
  }
  const order = KEY_ORDER[kind];
  const rank = (key) => {
    const index = order.indexOf(key);
    return index === -1 ? order.length : index;
  };
  return rank(a) - rank(b);
}
function holdsFieldNames(path) {
  return path.length === 0 || path.length === 2 && path[0] === ENVIRONMENTS_KEY;
}

export {
  resolveFieldAlias,
  compareKeysCanonically,
  holdsFieldNames
};
