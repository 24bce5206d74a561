/**
 * Field rules, declared once and used by the JSON Schema, validation, canonical form, diff, rendering
 * and formatting alike. Adding a field to the model means adding it here, and nowhere else deciding
 * how it compares.
 */
import type { OverridableField, SystemSpec } from './system.ts';

/**
 * How a field compares between git and Altinn:
 *  - `scalar`: strings and booleans, compared as values;
 *  - `languageMap`: compared as maps (key order never matters);
 *  - `set`: a list whose order carries no meaning (Altinn keeps the order it was sent, but neither the
 *    register nor its users give it any); diffed as items added and removed.
 */
export type FieldComparison = 'scalar' | 'languageMap' | 'set';

export interface FieldRule {
  /** Canonical camelCase name, as in Altinn's model. */
  key: keyof SystemSpec;
  comparison: FieldComparison;
  /** Required in a YAML file (Altinn requires it in the request body). */
  required: boolean;
  /** Value taken when the file leaves the field out; Altinn's model default where it has one. */
  defaultValue?: unknown;
  /** Spellings Altinn accepts too (its input is case-insensitive); accepted with a warning. */
  aliases: string[];
  /** `null` is accepted and means the default, as Altinn's nullable model property does. */
  nullable?: boolean;
  /** May be replaced per environment under `environments.<env>`. */
  overridable: boolean;
  /** Whether `PUT` can change it. `id` and `vendor` identify the system; `isDeleted` changes only by DELETE. */
  updatable: boolean;
  /** One line for the schema, `sysreg new` comments and docs. */
  description: string;
}

/**
 * The rule of every field of the model: the compiler refuses a field without one, and an `overridable`
 * that disagrees with the model's `OverridableField`.
 */
type FieldRuleByKey = {
  readonly [K in keyof SystemSpec]: Omit<FieldRule, 'key' | 'overridable'> & {
    overridable: K extends OverridableField ? true : false;
  };
};

/** In canonical order: the order `fmt` writes, the schema lists and plans render. */
const RULE_BY_FIELD: FieldRuleByKey = {
  id: {
    comparison: 'scalar',
    required: true,
    // Not `systemId`: Altinn has no such member; a body with it and no `id` is a 400 (§9).
    aliases: ['Id', 'ID'],
    overridable: false,
    updatable: false,
    description:
      "The system id: the vendor's organisation number, an underscore, then a name. Equals the file name. Never reusable once deleted.",
  },
  vendor: {
    comparison: 'scalar',
    required: true,
    aliases: ['Vendor'],
    overridable: false,
    updatable: false,
    description: 'The vendor, as `{ ID: "0192:<organisation number>" }`.',
  },
  name: {
    comparison: 'languageMap',
    required: true,
    aliases: ['Name'],
    overridable: true,
    updatable: true,
    description: 'Display name shown to customers, in nb, nn and en.',
  },
  description: {
    comparison: 'languageMap',
    required: true,
    aliases: ['Description'],
    overridable: true,
    updatable: true,
    description: 'Description shown to customers, in nb, nn and en.',
  },
  rights: {
    comparison: 'set',
    required: false,
    defaultValue: [],
    aliases: ['Rights'],
    overridable: true,
    updatable: true,
    description:
      'Resources the system needs delegated: `{ action?, resource: [{ id: urn:altinn:resource, value: <resource id> }] }`.',
  },
  accessPackages: {
    comparison: 'set',
    required: false,
    defaultValue: [],
    // Altinn accepts `accessPackages: null` (stored as NULL, read back as no packages); `rights: null` is a 500.
    nullable: true,
    aliases: ['accesspackages', 'AccessPackages'],
    overridable: true,
    updatable: true,
    description: 'Access packages the system needs: `{ urn: urn:altinn:accesspackage:<name> }`.',
  },
  clientId: {
    comparison: 'set',
    required: false,
    defaultValue: [],
    aliases: ['clientid', 'ClientId'],
    overridable: true,
    updatable: true,
    description:
      'Maskinporten client ids of the system. Each belongs to one active system across all vendors.',
  },
  allowedRedirectUrls: {
    comparison: 'set',
    required: false,
    defaultValue: [],
    aliases: ['allowedredirecturls', 'AllowedRedirectUrls'],
    overridable: true,
    updatable: true,
    description: 'Absolute https URLs a system-user request may redirect to.',
  },
  isVisible: {
    comparison: 'scalar',
    required: false,
    defaultValue: true,
    aliases: ['isvisible', 'IsVisible'],
    overridable: true,
    updatable: true,
    description:
      'Whether customers can find the system in Altinn. Altinn defaults it to true, also on update.',
  },
  isDeleted: {
    comparison: 'scalar',
    required: false,
    defaultValue: false,
    aliases: ['isdeleted', 'IsDeleted'],
    // Per environment: a pilot in tt02 only, or a system deleted in one environment and kept in another.
    overridable: true,
    updatable: false,
    description:
      'The system must not exist: deleted where live (final: Altinn burns the id), never created elsewhere. Under environments.<env>: there only. Keep the file.',
  },
};

export const FIELD_RULES: readonly FieldRule[] = Object.entries(RULE_BY_FIELD).map(([key, rule]) => ({
  key: key as keyof SystemSpec,
  ...rule,
}));

export const FIELD_RULE_BY_KEY: ReadonlyMap<string, FieldRule> = new Map(
  FIELD_RULES.map((rule) => [rule.key, rule]),
);

/** sysreg's own top-level key beside the model's fields. */
export const ENVIRONMENTS_KEY = 'environments';

/** Canonical field name of each accepted alias spelling. */
export const CANONICAL_FIELD_BY_ALIAS: ReadonlyMap<string, string> = new Map(
  FIELD_RULES.flatMap((rule) => rule.aliases.map((alias) => [alias, rule.key] as const)),
);

/** Field names (and their aliases) that an environment may not override. */
export const NON_OVERRIDABLE_NAMES = new Set(
  FIELD_RULES.filter((rule) => !rule.overridable).flatMap((rule) => [rule.key, ...rule.aliases]),
);

/** Fields an environment may override. */
export const OVERRIDABLE_KEYS = FIELD_RULES.filter((rule) => rule.overridable).map((rule) => rule.key);
