import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);

// src/model/fields.ts
var RULE_BY_FIELD = {
  id: {
    comparison: "scalar",
    required: true,
    // Not `systemId`: Altinn has no such member; a body with it and no `id` is a 400 (§9).
    aliases: ["Id", "ID"],
    overridable: false,
    updatable: false,
    description: "The system id: the vendor's organisation number, an underscore, then a name. Equals the file name. Never reusable once deleted."
  },
  vendor: {
    comparison: "scalar",
    required: true,
    aliases: ["Vendor"],
    overridable: false,
    updatable: false,
    description: 'The vendor, as `{ ID: "0192:<organisation number>" }`.'
  },
  name: {
    comparison: "languageMap",
    required: true,
    aliases: ["Name"],
    overridable: true,
    updatable: true,
    description: "Display name shown to customers, in nb, nn and en."
  },
  description: {
    comparison: "languageMap",
    required: true,
    aliases: ["Description"],
    overridable: true,
    updatable: true,
    description: "Description shown to customers, in nb, nn and en."
  },
  rights: {
    comparison: "set",
    required: false,
    defaultValue: [],
    aliases: ["Rights"],
    overridable: true,
    updatable: true,
    description: "Resources the system needs delegated: `{ action?, resource: [{ id: urn:altinn:resource, value: <resource id> }] }`."
  },
  accessPackages: {
    comparison: "set",
    required: false,
    defaultValue: [],
    // Altinn accepts `accessPackages: null` (stored as NULL, read back as no packages); `rights: null` is a 500.
    nullable: true,
    aliases: ["accesspackages", "AccessPackages"],
    overridable: true,
    updatable: true,
    description: "Access packages the system needs: `{ urn: urn:altinn:accesspackage:<name> }`."
  },
  clientId: {
    comparison: "set",
    required: false,
    defaultValue: [],
    aliases: ["clientid", "ClientId"],
    overridable: true,
    updatable: true,
    description: "Maskinporten client ids of the system. Each belongs to one active system across all vendors."
  },
  allowedRedirectUrls: {
    comparison: "set",
    required: false,
    defaultValue: [],
    aliases: ["allowedredirecturls", "AllowedRedirectUrls"],
    overridable: true,
    updatable: true,
    description: "Absolute https URLs a system-user request may redirect to."
  },
  isVisible: {
    comparison: "scalar",
    required: false,
    defaultValue: true,
    aliases: ["isvisible", "IsVisible"],
    overridable: true,
    updatable: true,
    description: "Whether customers can find the system in Altinn. Altinn defaults it to true, also on update."
  },
  isDeleted: {
    comparison: "scalar",
    required: false,
    defaultValue: false,
    aliases: ["isdeleted", "IsDeleted"],
    // Per environment: a pilot in tt02 only, or a system deleted in one environment and kept in another.
    overridable: true,
    updatable: false,
    description: "The system must not exist: deleted where live (final: Altinn burns the id), never created elsewhere. Under environments.<env>: there only. Keep the file."
  }
};
var FIELD_RULES = Object.entries(RULE_BY_FIELD).map(([key, rule]) => ({
  key,
  ...rule
}));
var FIELD_RULE_BY_KEY = new Map(
  FIELD_RULES.map((rule) => [rule.key, rule])
);
var ENVIRONMENTS_KEY = "environments";
var CANONICAL_FIELD_BY_ALIAS = new Map(
  FIELD_RULES.flatMap((rule) => rule.aliases.map((alias) => [alias, rule.key]))
);
var NON_OVERRIDABLE_NAMES = new Set(
  FIELD_RULES.filter((rule) => !rule.overridable).flatMap((rule) => [rule.key, ...rule.aliases])
);
var OVERRIDABLE_KEYS = FIELD_RULES.filter((rule) => rule.overridable).map((rule) => rule.key);

export {
  FIELD_RULES,
  FIELD_RULE_BY_KEY,
  ENVIRONMENTS_KEY,
  CANONICAL_FIELD_BY_ALIAS,
  NON_OVERRIDABLE_NAMES,
  OVERRIDABLE_KEYS
};
