import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  ENVIRONMENTS_KEY,
  FIELD_RULES
} from "./chunk-5L4NZPND.js";

// src/systems/write-file-atomically.ts
import { randomBytes } from "node:crypto";
import { open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
var MAX_NAME_STEM = 200;
async function writeFileAtomically(target, text, options = {}) {
  const existing = await stat(target).catch(() => void 0);
  if (options.exclusive && existing) {
    throw Object.assign(new Error(`'${target}' already exists`), { code: "EEXIST" });
  }
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target).slice(0, MAX_NAME_STEM)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`
  );
  const handle = await open(temporary, "wx", existing ? existing.mode & 511 : 420);
  try {
    await handle.writeFile(text, "utf8");
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

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
function classifyFieldPath(path2) {
  const [field, ...rest] = path2;
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
function classifyMapPath(path2) {
  if (path2.length === 0) return "top";
  if (path2[0] === ENVIRONMENTS_KEY) {
    if (path2.length === 1) return "other";
    if (path2.length === 2) return "fields";
    return classifyFieldPath(path2.slice(2));
  }
  return classifyFieldPath(path2);
}
var KEY_ORDER = {
  top: TOP_LEVEL_KEYS,
  fields: FIELD_KEYS,
  vendor: ["ID"],
  right: ["action", "resource"],
  attributePair: ["id", "value"],
  accessPackage: ["urn"]
};
function compareKeysCanonically(path2, a, b) {
  const kind = classifyMapPath(path2);
  if (kind === "other") return 0;
  if (kind === "languageMap") {
    const rank2 = (key) => {
      const index = LANGUAGE_KEYS.indexOf(key);
      return index === -1 ? LANGUAGE_KEYS.length : index;
    };
    return rank2(a) - rank2(b) || (rank2(a) === LANGUAGE_KEYS.length ? compareText(a, b) : 0);
  }
  const order = KEY_ORDER[kind];
  const rank = (key) => {
    const index = order.indexOf(key);
    return index === -1 ? order.length : index;
  };
  return rank(a) - rank(b);
}
function holdsFieldNames(path2) {
  return path2.length === 0 || path2.length === 2 && path2[0] === ENVIRONMENTS_KEY;
}
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

export {
  resolveFieldAlias,
  compareKeysCanonically,
  holdsFieldNames,
  writeFileAtomically
};
