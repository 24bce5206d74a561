/**
 * The compiled JSON Schema of a system file, as parse.ts checks it. Compiling with ajv at run time
 * costs more than the rest of a small `validate`, so the build (scripts/build.ts) replaces this
 * module in the bundle with ajv's standalone code for the same schema and options; run from source,
 * it compiles once per process on first use.
 */
import type { ValidateFunction } from 'ajv';
import { compileSchema } from './compile-schema.ts';
import { buildSystemSchema } from './schema.ts';

let compiled: ValidateFunction | undefined;

export function systemSchemaValidator(): ValidateFunction {
  compiled ??= compileSchema(buildSystemSchema()).validate;
  return compiled;
}
