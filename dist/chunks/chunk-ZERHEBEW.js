import {
  YAML_TO_JS_OPTIONS,
  createLocator,
  describePath,
  diagnoseYamlErrors,
  isScalar,
  parseYaml,
  sortDiagnostics,
  splitInstancePath,
  stripFile,
  suggestName
} from "./chunk-BLFSHPJ3.js";

// src/plan/safety.ts
var DEFAULT_SAFETY_SETTINGS = { maxChangeShare: 0.3, minSystemsForShare: 10 };
function assessPlanSafety(counts, settings) {
  const reasons = [];
  if (counts.managed >= settings.minSystemsForShare) {
    const limit = settings.maxChangeShare * counts.managed;
    const percent = formatPercent(settings.maxChangeShare);
    if (counts.deletes > limit) {
      reasons.push(
        `The plan deletes ${counts.deletes} of ${counts.managed} managed systems, more than ${percent}.`
      );
    }
    if (counts.updates > limit) {
      reasons.push(
        `The plan updates ${counts.updates} of ${counts.managed} managed systems, more than ${percent}.`
      );
    }
  }
  return { safe: reasons.length === 0, reasons };
}
function checkApplyAllowed(plan, permissions) {
  const reasons = [];
  if (plan.counts.delete > 0 && !permissions.allowDelete) {
    const systems = plan.counts.delete === 1 ? "1 system" : `${plan.counts.delete} systems`;
    reasons.push(
      `The plan deletes ${systems}; a deleted id can never be used again. Run with --allow-delete to apply it.`
    );
  }
  if (!plan.safety.safe && !permissions.force) {
    for (const reason of plan.safety.reasons) reasons.push(`${reason} Run with --force to apply it.`);
  }
  return reasons;
}
function formatPercent(share) {
  return `${Math.round(share * 1e3) / 10}%`;
}

// src/config/config.ts
const { readFileSync } = globalThis.process.getBuiltinModule("node:fs");
const path = globalThis.process.getBuiltinModule("node:path");

// src/config/config-validator.ts
var validate = validate10;
var schema11 = { "type": "object", "expected": "a mapping", "properties": { "environments": { "type": "object", "expected": "a mapping of name to settings", "propertyNames": { "pattern": "^[a-z][a-z0-9-]{0,39}$" }, "additionalProperties": { "type": "object", "expected": "a mapping of settings", "properties": { "platformUrl": { "type": "string", "pattern": "^https?://[^\\s/?#]+(?:[/?#]\\S*)?$", "description": "Platform base, e.g. https://platform.tt02.altinn.no.", "expected": "an absolute http(s) URL", "rule": "config-url" }, "maskinportenUrl": { "type": "string", "pattern": "^https?://[^\\s/?#]+(?:[/?#]\\S*)?$", "description": "Maskinporten issuer (the grant's aud), e.g. https://test.maskinporten.no/.", "expected": "an absolute http(s) URL", "rule": "config-url" }, "scope": { "type": "string", "pattern": "\\S", "description": "Scope to request.", "expected": "a non-empty string" } }, "additionalProperties": false } }, "safety": { "type": "object", "expected": "a mapping", "properties": { "maxChangeShare": { "type": "number", "minimum": 0, "maximum": 1, "expected": "a number from 0 to 1" }, "minSystemsForShare": { "type": "integer", "minimum": 0, "expected": "a whole number \u2265 0" } }, "additionalProperties": false }, "prune": { "type": "boolean", "expected": "true or false" } }, "additionalProperties": false };
var pattern0 = new RegExp("^[a-z][a-z0-9-]{0,39}$", "u");
var pattern1 = new RegExp("^https?://[^\\s/?#]+(?:[/?#]\\S*)?$", "u");
var pattern3 = new RegExp("\\S", "u");
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!(key0 === "environments" || key0 === "safety" || key0 === "prune")) {
        const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11, data };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.environments !== void 0) {
      let data0 = data.environments;
      if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
        for (const key1 in data0) {
          const _errs4 = errors;
          if (typeof key1 === "string") {
            if (!pattern0.test(key1)) {
              const err1 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,39}$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,39}$"', schema: "^[a-z][a-z0-9-]{0,39}$", parentSchema: schema11.properties.environments.propertyNames, data: key1, propertyName: key1 };
              if (vErrors === null) {
                vErrors = [err1];
              } else {
                vErrors.push(err1);
              }
              errors++;
            }
          }
          var valid1 = _errs4 === errors;
          if (!valid1) {
            const err2 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/propertyNames", keyword: "propertyNames", params: { propertyName: key1 }, message: "property name must be valid", schema: schema11.properties.environments.propertyNames, parentSchema: schema11.properties.environments, data: data0 };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
          }
        }
        for (const key2 in data0) {
          let data1 = data0[key2];
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            for (const key3 in data1) {
              if (!(key3 === "platformUrl" || key3 === "maskinportenUrl" || key3 === "scope")) {
                const err3 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/environments/additionalProperties/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.environments.additionalProperties, data: data1 };
                if (vErrors === null) {
                  vErrors = [err3];
                } else {
                  vErrors.push(err3);
                }
                errors++;
              }
            }
            if (data1.platformUrl !== void 0) {
              let data2 = data1.platformUrl;
              if (typeof data2 === "string") {
                if (!pattern1.test(data2)) {
                  const err4 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/platformUrl", schemaPath: "#/properties/environments/additionalProperties/properties/platformUrl/pattern", keyword: "pattern", params: { pattern: "^https?://[^\\s/?#]+(?:[/?#]\\S*)?$" }, message: 'must match pattern "^https?://[^\\s/?#]+(?:[/?#]\\S*)?$"', schema: "^https?://[^\\s/?#]+(?:[/?#]\\S*)?$", parentSchema: schema11.properties.environments.additionalProperties.properties.platformUrl, data: data2 };
                  if (vErrors === null) {
                    vErrors = [err4];
                  } else {
                    vErrors.push(err4);
                  }
                  errors++;
                }
              } else {
                const err5 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/platformUrl", schemaPath: "#/properties/environments/additionalProperties/properties/platformUrl/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.environments.additionalProperties.properties.platformUrl.type, parentSchema: schema11.properties.environments.additionalProperties.properties.platformUrl, data: data2 };
                if (vErrors === null) {
                  vErrors = [err5];
                } else {
                  vErrors.push(err5);
                }
                errors++;
              }
            }
            if (data1.maskinportenUrl !== void 0) {
              let data3 = data1.maskinportenUrl;
              if (typeof data3 === "string") {
                if (!pattern1.test(data3)) {
                  const err6 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/maskinportenUrl", schemaPath: "#/properties/environments/additionalProperties/properties/maskinportenUrl/pattern", keyword: "pattern", params: { pattern: "^https?://[^\\s/?#]+(?:[/?#]\\S*)?$" }, message: 'must match pattern "^https?://[^\\s/?#]+(?:[/?#]\\S*)?$"', schema: "^https?://[^\\s/?#]+(?:[/?#]\\S*)?$", parentSchema: schema11.properties.environments.additionalProperties.properties.maskinportenUrl, data: data3 };
                  if (vErrors === null) {
                    vErrors = [err6];
                  } else {
                    vErrors.push(err6);
                  }
                  errors++;
                }
              } else {
                const err7 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/maskinportenUrl", schemaPath: "#/properties/environments/additionalProperties/properties/maskinportenUrl/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.environments.additionalProperties.properties.maskinportenUrl.type, parentSchema: schema11.properties.environments.additionalProperties.properties.maskinportenUrl, data: data3 };
                if (vErrors === null) {
                  vErrors = [err7];
                } else {
                  vErrors.push(err7);
                }
                errors++;
              }
            }
            if (data1.scope !== void 0) {
              let data4 = data1.scope;
              if (typeof data4 === "string") {
                if (!pattern3.test(data4)) {
                  const err8 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/scope", schemaPath: "#/properties/environments/additionalProperties/properties/scope/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"', schema: "\\S", parentSchema: schema11.properties.environments.additionalProperties.properties.scope, data: data4 };
                  if (vErrors === null) {
                    vErrors = [err8];
                  } else {
                    vErrors.push(err8);
                  }
                  errors++;
                }
              } else {
                const err9 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/scope", schemaPath: "#/properties/environments/additionalProperties/properties/scope/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.environments.additionalProperties.properties.scope.type, parentSchema: schema11.properties.environments.additionalProperties.properties.scope, data: data4 };
                if (vErrors === null) {
                  vErrors = [err9];
                } else {
                  vErrors.push(err9);
                }
                errors++;
              }
            }
          } else {
            const err10 = { instancePath: instancePath + "/environments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/environments/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.environments.additionalProperties.type, parentSchema: schema11.properties.environments.additionalProperties, data: data1 };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
      } else {
        const err11 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.environments.type, parentSchema: schema11.properties.environments, data: data0 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.safety !== void 0) {
      let data5 = data.safety;
      if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
        for (const key4 in data5) {
          if (!(key4 === "maxChangeShare" || key4 === "minSystemsForShare")) {
            const err12 = { instancePath: instancePath + "/safety", schemaPath: "#/properties/safety/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.safety, data: data5 };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
        if (data5.maxChangeShare !== void 0) {
          let data6 = data5.maxChangeShare;
          if (typeof data6 == "number" && isFinite(data6)) {
            if (data6 > 1 || isNaN(data6)) {
              const err13 = { instancePath: instancePath + "/safety/maxChangeShare", schemaPath: "#/properties/safety/properties/maxChangeShare/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1", schema: 1, parentSchema: schema11.properties.safety.properties.maxChangeShare, data: data6 };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
            if (data6 < 0 || isNaN(data6)) {
              const err14 = { instancePath: instancePath + "/safety/maxChangeShare", schemaPath: "#/properties/safety/properties/maxChangeShare/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.safety.properties.maxChangeShare, data: data6 };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors++;
            }
          } else {
            const err15 = { instancePath: instancePath + "/safety/maxChangeShare", schemaPath: "#/properties/safety/properties/maxChangeShare/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema11.properties.safety.properties.maxChangeShare.type, parentSchema: schema11.properties.safety.properties.maxChangeShare, data: data6 };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
        }
        if (data5.minSystemsForShare !== void 0) {
          let data7 = data5.minSystemsForShare;
          if (!(typeof data7 == "number" && (!(data7 % 1) && !isNaN(data7)) && isFinite(data7))) {
            const err16 = { instancePath: instancePath + "/safety/minSystemsForShare", schemaPath: "#/properties/safety/properties/minSystemsForShare/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.safety.properties.minSystemsForShare.type, parentSchema: schema11.properties.safety.properties.minSystemsForShare, data: data7 };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
          if (typeof data7 == "number" && isFinite(data7)) {
            if (data7 < 0 || isNaN(data7)) {
              const err17 = { instancePath: instancePath + "/safety/minSystemsForShare", schemaPath: "#/properties/safety/properties/minSystemsForShare/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.safety.properties.minSystemsForShare, data: data7 };
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors++;
            }
          }
        }
      } else {
        const err18 = { instancePath: instancePath + "/safety", schemaPath: "#/properties/safety/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.safety.type, parentSchema: schema11.properties.safety, data: data5 };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data.prune !== void 0) {
      let data8 = data.prune;
      if (typeof data8 !== "boolean") {
        const err19 = { instancePath: instancePath + "/prune", schemaPath: "#/properties/prune/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema11.properties.prune.type, parentSchema: schema11.properties.prune, data: data8 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
  } else {
    const err20 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.type, parentSchema: schema11, data };
    if (vErrors === null) {
      vErrors = [err20];
    } else {
      vErrors.push(err20);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}
function configSchemaValidator() {
  return validate;
}

// src/config/config.ts
var CONFIG_FILE_NAME = "sysreg.config.yaml";
var DEFAULT_CONFIG = {
  environments: {},
  safety: DEFAULT_SAFETY_SETTINGS,
  prune: false
};
var ConfigError = class extends Error {
  exitCode = 1;
  diagnostics;
  constructor(diagnostics) {
    super(
      [
        "invalid configuration:",
        ...diagnostics.map(
          (d) => `  ${d.file}:${d.line}:${d.column}: ${d.message} [${d.ruleId}]${d.hint ? ` ${d.hint}` : ""}`
        )
      ].join("\n")
    );
    this.name = "ConfigError";
    this.diagnostics = diagnostics;
  }
};
function parseSysregConfig(text, file = CONFIG_FILE_NAME) {
  const { yamlDocument, lineCounter } = parseYaml(text);
  const defaults = structuredClone(DEFAULT_CONFIG);
  const fail = (diagnostics) => ({
    config: defaults,
    diagnostics: sortDiagnostics(diagnostics.map((diagnostic) => ({ file, ...diagnostic })))
  });
  if (yamlDocument.errors.length > 0) {
    return fail(
      diagnoseYamlErrors(yamlDocument.errors, lineCounter, text).map((d) => ({
        ...d,
        ruleId: "config-yaml"
      }))
    );
  }
  const root = yamlDocument.contents;
  if (root === null || isScalar(root) && root.value === null) return { config: defaults, diagnostics: [] };
  let value;
  try {
    value = yamlDocument.toJS(YAML_TO_JS_OPTIONS);
  } catch {
    return fail([
      {
        line: 1,
        column: 1,
        ruleId: "config-yaml",
        severity: "error",
        message: `YAML aliases expand too much (more than ${YAML_TO_JS_OPTIONS.maxAliasCount} alias expansions).`
      }
    ]);
  }
  const validate2 = configSchemaValidator();
  if (!validate2(value)) {
    const { positionOf } = createLocator(file, text, { yamlDocument, lineCounter });
    return fail(diagnoseConfigErrors(validate2.errors ?? [], positionOf));
  }
  const given = value;
  return {
    config: {
      environments: given.environments ?? defaults.environments,
      safety: { ...defaults.safety, ...given.safety },
      prune: given.prune ?? defaults.prune
    },
    diagnostics: []
  };
}
function diagnoseConfigErrors(errors, locate) {
  const byPlace = /* @__PURE__ */ new Map();
  for (const error of errors) {
    if (error.keyword === "propertyNames") continue;
    const at = splitInstancePath(error.instancePath);
    const diagnostic = diagnoseConfigError(error, at, locate);
    const place = `${diagnostic.line}:${diagnostic.column}`;
    if (!byPlace.has(place)) byPlace.set(place, diagnostic);
  }
  return [...byPlace.values()];
}
function diagnoseConfigError(error, at, locate) {
  const parentSchema = error.parentSchema ?? {};
  const params = error.params;
  if (error.keyword === "additionalProperties") {
    const key = String(params.additionalProperty);
    const known = Object.keys(parentSchema.properties ?? {});
    const suggestion = suggestName(key, known);
    return {
      ...stripFile(locate([...at, key], "key")),
      ruleId: "config-unknown-key",
      severity: "error",
      message: `unknown key '${describePath([...at, key])}' (expected one of ${known.join(", ")})`,
      ...suggestion ? { hint: `Did you mean '${suggestion}'?` } : {}
    };
  }
  if (error.propertyName !== void 0) {
    return {
      ...stripFile(locate([...at, error.propertyName], "key")),
      ruleId: "config-environment-name",
      severity: "error",
      message: `environment name '${error.propertyName}' must be lower-case letters, digits and dashes, starting with a letter (at most 40)`
    };
  }
  if (at.length === 0) {
    return {
      ...stripFile(locate(at)),
      ruleId: "config-shape",
      severity: "error",
      message: "the config file must be a mapping"
    };
  }
  return {
    ...stripFile(locate(at)),
    ruleId: parentSchema.rule ?? "config-type",
    severity: "error",
    message: `'${describePath(at)}' must be ${parentSchema.expected ?? error.message ?? "valid"}`
  };
}
function loadSysregConfig(repoRoot) {
  let text;
  try {
    text = readFileSync(path.join(repoRoot, CONFIG_FILE_NAME), "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return structuredClone(DEFAULT_CONFIG);
    throw error;
  }
  const { config, diagnostics } = parseSysregConfig(text, CONFIG_FILE_NAME);
  if (diagnostics.length > 0) throw new ConfigError(diagnostics);
  return config;
}

export {
  assessPlanSafety,
  checkApplyAllowed,
  CONFIG_FILE_NAME,
  loadSysregConfig
};
