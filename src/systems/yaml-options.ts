import type { DocumentOptions, ParseOptions, SchemaOptions, ToJSOptions } from 'yaml';

/** How sysreg parses YAML; the formatter parses with exactly these. YAML 1.2 core: `yes` is a string. */
export const YAML_PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  uniqueKeys: true,
  strict: true,
  prettyErrors: false,
  // Problems are reported as diagnostics; nothing is written to the process's stderr.
  logLevel: 'error',
};

/** A legitimate system file needs few aliases; this bounds "billion laughs" expansion. */
export const YAML_TO_JS_OPTIONS: ToJSOptions = { maxAliasCount: 20 };
