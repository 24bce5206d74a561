/**
 * The JSON Schema of `sysreg.config.yaml`, the one source of its structural checks. Each value says in
 * `expected` what it must be, so a diagnostic reads "'prune' must be true or false" without a second
 * list of wordings, and in `rule` which rule id a mistake in it reports when not `config-type`.
 */
import { ENVIRONMENT_NAME_PATTERN, type JsonSchema } from '../systems/schema.ts';

/** An absolute http(s) URL: a scheme, a host without spaces, then anything without spaces. */
const HTTP_URL_PATTERN = '^https?://[^\\s/?#]+(?:[/?#]\\S*)?$';

const httpUrl = (description: string): JsonSchema => ({
  type: 'string',
  pattern: HTTP_URL_PATTERN,
  description,
  expected: 'an absolute http(s) URL',
  rule: 'config-url',
});

const ENVIRONMENT_SCHEMA: JsonSchema = {
  type: 'object',
  expected: 'a mapping of settings',
  properties: {
    platformUrl: httpUrl('Platform base, e.g. https://platform.tt02.altinn.no.'),
    maskinportenUrl: httpUrl("Maskinporten issuer (the grant's aud), e.g. https://test.maskinporten.no/."),
    scope: {
      type: 'string',
      pattern: '\\S',
      description: 'Scope to request.',
      expected: 'a non-empty string',
    },
  },
  additionalProperties: false,
};

export const CONFIG_SCHEMA: JsonSchema = {
  type: 'object',
  expected: 'a mapping',
  properties: {
    environments: {
      type: 'object',
      expected: 'a mapping of name to settings',
      propertyNames: { pattern: ENVIRONMENT_NAME_PATTERN },
      additionalProperties: ENVIRONMENT_SCHEMA,
    },
    safety: {
      type: 'object',
      expected: 'a mapping',
      properties: {
        maxChangeShare: { type: 'number', minimum: 0, maximum: 1, expected: 'a number from 0 to 1' },
        minSystemsForShare: { type: 'integer', minimum: 0, expected: 'a whole number ≥ 0' },
      },
      additionalProperties: false,
    },
    prune: { type: 'boolean', expected: 'true or false' },
  },
  additionalProperties: false,
};
