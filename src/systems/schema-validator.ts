/**
 * The compiled JSON Schema of a system file, as parse.ts checks it. Compiling with ajv at run time
 * costs more than the rest of a small `validate`, so the build (scripts/build.ts) replaces this
 * module in the bundle with ajv's standalone code for the same schema and options; run from source,
 * it compiles once per process on first use.
 */
import { Ajv, type Options, type ValidateFunction } from 'ajv';
import { buildSystemSchema } from './schema.ts';

export const SYSTEM_SCHEMA_AJV_OPTIONS: Options = { allErrors: true, strict: true, verbose: true };

/** A fresh ajv holding the system schema, and its compiled check. */
export function compileSystemSchema(options: Options = SYSTEM_SCHEMA_AJV_OPTIONS): {
  ajv: Ajv;
  validate: ValidateFunction;
} {
  const ajv = new Ajv(options);
  // An editor hint in the schema, not a check.
  ajv.addKeyword('deprecationMessage');
  return { ajv, validate: ajv.compile(buildSystemSchema()) };
}

let compiled: ValidateFunction | undefined;

export function systemSchemaValidator(): ValidateFunction {
  compiled ??= compileSystemSchema().validate;
  return compiled;
}
