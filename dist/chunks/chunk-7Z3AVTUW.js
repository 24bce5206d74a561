import {
  LineCounter,
  isMap,
  isScalar,
  parseDocument
} from "./chunk-BAGTZW7W.js";

// src/config/config.ts
import { readFile } from "node:fs/promises";
import path from "node:path";
var CONFIG_FILE_NAME = "sysreg.config.yaml";
var DEFAULT_CONFIG = {
  environments: {},
  safety: { maxChangeShare: 0.3, minSystemsForShare: 10 },
  prune: false
};
var ConfigError = class extends Error {
  exitCode = 1;
  diagnostics;
  constructor(diagnostics) {
    super(
      [
        "invalid configuration:",
        ...diagnostics.map((d) => `  ${d.file}:${d.line}:${d.column}: ${d.message} [${d.ruleId}]`)
      ].join("\n")
    );
    this.name = "ConfigError";
    this.diagnostics = diagnostics;
  }
};
var ENVIRONMENT_KEYS = ["platformUrl", "maskinportenUrl", "scope"];
var TOP_KEYS = ["environments", "safety", "prune"];
var SAFETY_KEYS = ["maxChangeShare", "minSystemsForShare"];
function parseSysregConfig(text, file = CONFIG_FILE_NAME) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const diagnostics = [];
  const config = {
    environments: {},
    safety: { ...DEFAULT_CONFIG.safety },
    prune: DEFAULT_CONFIG.prune
  };
  const report = (node, ruleId, message, offset) => {
    const at = offset ?? node?.range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(at);
    diagnostics.push({ file, line, column: col, ruleId, severity: "error", message });
  };
  for (const error of doc.errors)
    report(void 0, "config-yaml", error.message.split("\n")[0] ?? "YAML error", error.pos[0]);
  if (diagnostics.length > 0) return { config, diagnostics };
  const root = doc.contents;
  if (root === null || isScalar(root) && root.value === null) return { config, diagnostics };
  if (!isMap(root)) {
    report(root, "config-shape", "the config file must be a mapping");
    return { config, diagnostics };
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    const value = pair.value;
    if (!TOP_KEYS.includes(key)) {
      report(
        pair.key,
        "config-unknown-key",
        `unknown key '${key}' (expected one of ${TOP_KEYS.join(", ")})`
      );
    } else if (key === "prune") {
      if (isScalar(value) && typeof value.value === "boolean") config.prune = value.value;
      else report(value ?? pair.key, "config-type", "'prune' must be true or false");
    } else if (key === "safety") {
      readSafety(value, config.safety, report);
    } else {
      readEnvironments(value, config.environments, report);
    }
  }
  return { config, diagnostics };
}
function readSafety(node, safety, report) {
  if (!isMap(node)) return report(node, "config-type", "'safety' must be a mapping");
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    const value = pair.value;
    const number = isScalar(value) && typeof value.value === "number" ? value.value : void 0;
    if (key === "maxChangeShare") {
      if (number !== void 0 && number >= 0 && number <= 1) safety.maxChangeShare = number;
      else
        report(
          value ?? pair.key,
          "config-type",
          "'safety.maxChangeShare' must be a number from 0 to 1"
        );
    } else if (key === "minSystemsForShare") {
      if (number !== void 0 && Number.isInteger(number) && number >= 0) safety.minSystemsForShare = number;
      else
        report(
          value ?? pair.key,
          "config-type",
          "'safety.minSystemsForShare' must be a whole number ≥ 0"
        );
    } else {
      report(
        pair.key,
        "config-unknown-key",
        `unknown key 'safety.${key}' (expected one of ${SAFETY_KEYS.join(", ")})`
      );
    }
  }
}
function readEnvironments(node, environments, report) {
  if (!isMap(node))
    return report(node, "config-type", "'environments' must be a mapping of name to settings");
  for (const pair of node.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : "";
    const value = pair.value;
    if (!/^[a-z][a-z0-9-]*$/.test(name)) {
      report(
        pair.key,
        "config-environment-name",
        `environment name '${name}' must match [a-z][a-z0-9-]*`
      );
      continue;
    }
    if (!isMap(value)) {
      report(value ?? pair.key, "config-type", `environment '${name}' must be a mapping`);
      continue;
    }
    const settings = {};
    for (const item of value.items) {
      const key = isScalar(item.key) ? String(item.key.value) : "";
      const raw = item.value;
      if (!ENVIRONMENT_KEYS.includes(key)) {
        report(
          item.key,
          "config-unknown-key",
          `unknown key '${key}' in environment '${name}' (expected one of ${ENVIRONMENT_KEYS.join(", ")})`
        );
        continue;
      }
      if (!isScalar(raw) || typeof raw.value !== "string" || raw.value.trim() === "") {
        report(
          raw ?? item.key,
          "config-type",
          `'environments.${name}.${key}' must be a non-empty string`
        );
        continue;
      }
      if (key !== "scope" && !isHttpUrl(raw.value)) {
        report(raw, "config-url", `'environments.${name}.${key}' must be an absolute http(s) URL`);
        continue;
      }
      settings[key] = raw.value;
    }
    environments[name] = settings;
  }
}
function isHttpUrl(text) {
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}
async function loadSysregConfig(repoRoot) {
  let text;
  try {
    text = await readFile(path.join(repoRoot, CONFIG_FILE_NAME), "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return structuredClone(DEFAULT_CONFIG);
    throw error;
  }
  const { config, diagnostics } = parseSysregConfig(text, CONFIG_FILE_NAME);
  if (diagnostics.length > 0) throw new ConfigError(diagnostics);
  return config;
}

export {
  CONFIG_FILE_NAME,
  loadSysregConfig
};
