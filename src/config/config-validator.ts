/**
 * The compiled JSON Schema of `sysreg.config.yaml`, as config.ts checks it. As for the system schema
 * (src/systems/schema-validator.ts), the build replaces this module in the bundle with ajv's standalone
 * code for the same schema and options, so no command compiles a schema when it starts; run from
 * source, it compiles once per process on first use.
 */
import type { ValidateFunction } from 'ajv';
import { compileSchema } from '../systems/compile-schema.ts';
import { CONFIG_SCHEMA } from './config-schema.ts';

let compiled: ValidateFunction | undefined;

export function configSchemaValidator(): ValidateFunction {
  compiled ??= compileSchema(CONFIG_SCHEMA).validate;
  return compiled;
}
