/**
 * How sysreg compiles its JSON Schemas with ajv (the system file's and the config file's), at run time
 * from source and at build time into standalone code (scripts/build.ts), with the same options.
 */
import { Ajv, type Options, type ValidateFunction } from 'ajv';
import type { JsonSchema } from './schema.ts';

/** `verbose`: diagnostics read each error's parent schema (known fields, wording). */
export const SCHEMA_AJV_OPTIONS: Options = { allErrors: true, strict: true, verbose: true };

/**
 * Keywords that annotate, not check: an editor hint (`deprecationMessage`), and the config schema's
 * wording (`expected`) and rule id (`rule`) for diagnostics.
 */
const ANNOTATION_KEYWORDS = ['deprecationMessage', 'expected', 'rule'];

/** A fresh ajv holding `schema`, and its compiled check. */
export function compileSchema(
  schema: JsonSchema,
  options: Options = SCHEMA_AJV_OPTIONS,
): { ajv: Ajv; validate: ValidateFunction } {
  const ajv = new Ajv(options);
  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword(keyword);
  return { ajv, validate: ajv.compile(schema) };
}
