import {
  ENVIRONMENTS_KEY,
  FIELD_RULES
} from "./chunk-JUN6NXH3.js";

// src/systems/schema.ts
var SYSTEM_SCHEMA_PATH = ".sysreg/system.schema.json";
var ENVIRONMENT_NAME_PATTERN = "^[a-z][a-z0-9-]{0,39}$";
var describeStringList = (description) => ({
  type: "array",
  items: { type: "string" },
  description
});
var FIELD_VALUE_SCHEMAS = {
  id: { type: "string", examples: ["912345678_my_system"] },
  vendor: { $ref: "#/definitions/vendor" },
  name: { $ref: "#/definitions/languageMap" },
  description: { $ref: "#/definitions/languageMap" },
  rights: { type: "array", items: { $ref: "#/definitions/right" } },
  accessPackages: { type: ["array", "null"], items: { $ref: "#/definitions/accessPackage" } },
  clientId: describeStringList("Maskinporten client ids."),
  allowedRedirectUrls: describeStringList("Absolute https URLs."),
  isVisible: { type: "boolean" },
  isDeleted: { type: "boolean" }
};
var DEFINITIONS = {
  vendor: {
    type: "object",
    description: "The vendor organisation.",
    required: ["ID"],
    properties: {
      ID: {
        type: "string",
        description: "`0192:` followed by the 9-digit organisation number.",
        examples: ["0192:912345678"]
      },
      authority: {
        type: "string",
        description: "Ignored by Altinn (Altinn's docs show `iso6523-actorid-upis`); accepted so examples paste in."
      }
    },
    additionalProperties: false
  },
  languageMap: {
    type: "object",
    description: "Text per language code. The register requires nb, nn and en; other languages are stored too.",
    properties: {
      nb: { type: "string", description: "Norwegian Bokm\xE5l." },
      nn: { type: "string", description: "Norwegian Nynorsk." },
      en: { type: "string", description: "English." }
    },
    additionalProperties: { type: "string" }
  },
  right: {
    type: "object",
    description: "A resource the system needs delegated.",
    required: ["resource"],
    properties: {
      action: { type: "string", description: "Optional action; part of what makes two rights duplicates." },
      resource: {
        type: "array",
        items: { $ref: "#/definitions/attributePair" }
      }
    },
    additionalProperties: false
  },
  attributePair: {
    type: "object",
    required: ["id", "value"],
    properties: {
      id: { type: "string", description: "Always `urn:altinn:resource`.", examples: ["urn:altinn:resource"] },
      value: { type: "string", description: "The resource id in the Resource Registry of the environment." }
    },
    additionalProperties: false
  },
  accessPackage: {
    type: "object",
    required: ["urn"],
    properties: {
      urn: {
        type: "string",
        description: "urn:altinn:accesspackage:<name>",
        examples: ["urn:altinn:accesspackage:skattegrunnlag"]
      }
    },
    additionalProperties: false
  }
};
function buildFieldSchema(rule) {
  const schema = { ...FIELD_VALUE_SCHEMAS[rule.key], description: rule.description };
  if (rule.defaultValue !== void 0) schema.default = rule.defaultValue;
  return schema;
}
function buildAliasSchema(rule) {
  return {
    ...FIELD_VALUE_SCHEMAS[rule.key],
    description: `Accepted spelling of \`${rule.key}\`; write \`${rule.key}\`.`,
    deprecated: true,
    deprecationMessage: `Write \`${rule.key}\`.`
  };
}
function buildProperties(rules) {
  const properties = {};
  for (const rule of rules) properties[rule.key] = buildFieldSchema(rule);
  for (const rule of rules) for (const alias of rule.aliases) properties[alias] = buildAliasSchema(rule);
  return properties;
}
function buildSystemSchema() {
  const overridable = FIELD_RULES.filter((rule) => rule.overridable);
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "Altinn system (sysreg)",
    description: "One system in Altinn's system register, as `systems/<id>.yaml`. Generated from src/model/fields.ts; do not edit.",
    type: "object",
    required: FIELD_RULES.filter((rule) => rule.required).map((rule) => rule.key),
    properties: {
      ...buildProperties(FIELD_RULES),
      [ENVIRONMENTS_KEY]: {
        type: "object",
        description: "Per-environment overrides (e.g. tt02, prod). Each field given replaces the whole field in that environment.",
        propertyNames: { pattern: ENVIRONMENT_NAME_PATTERN },
        additionalProperties: { $ref: "#/definitions/environmentOverrides" },
        default: {}
      }
    },
    additionalProperties: false,
    definitions: {
      ...DEFINITIONS,
      environmentOverrides: {
        type: "object",
        description: "Fields that replace the base values in one environment.",
        properties: buildProperties(overridable),
        additionalProperties: false
      }
    }
  };
}
function renderSystemSchema() {
  return `${JSON.stringify(buildSystemSchema(), null, 2)}
`;
}

export {
  SYSTEM_SCHEMA_PATH,
  ENVIRONMENT_NAME_PATTERN,
  renderSystemSchema
};
