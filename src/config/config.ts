/**
 * The optional repo config file, `sysreg.config.yaml` at the repository root: extra Altinn
 * environments or URL overrides, the plan's safety thresholds, and whether unmanaged systems are
 * pruned. Parsing is pure and collects every mistake with file, line and rule: the YAML is read as
 * system files are (the shared options, positions through the same locator), its shape is checked
 * by the JSON Schema in config-schema.ts; loading is the I/O edge.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ErrorObject } from 'ajv';
import { isScalar } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.ts';
import { DEFAULT_SAFETY_SETTINGS, type SafetySettings } from '../plan/safety.ts';
import { describePath, type Locator } from '../systems/parsed-file.ts';
import { splitInstancePath, stripFile } from '../systems/schema-errors.ts';
import { sortDiagnostics } from '../systems/sort-diagnostics.ts';
import { suggestName } from '../systems/suggest-name.ts';
import { diagnoseYamlErrors } from '../systems/yaml-errors.ts';
import { createLocator, parseYaml } from '../systems/yaml-locator.ts';
import { YAML_TO_JS_OPTIONS } from '../systems/yaml-options.ts';
import { configSchemaValidator } from './config-validator.ts';

export const CONFIG_FILE_NAME = 'sysreg.config.yaml';

/** One environment as the config file describes it; every URL is optional over a built-in one. */
export interface EnvironmentConfig {
  /** Platform base, e.g. `https://platform.tt02.altinn.no`. */
  platformUrl?: string;
  /** Maskinporten issuer (the grant's `aud`), e.g. `https://test.maskinporten.no/`. */
  maskinportenUrl?: string;
  /** Scope to request; defaults to `MASKINPORTEN_SCOPE` or the system-register write scope. */
  scope?: string;
}

export interface SysregConfig {
  environments: Record<string, EnvironmentConfig>;
  /** The plan's safety thresholds; the defaults are the planner's own. */
  safety: SafetySettings;
  /** Delete live systems that no file describes. Off by default: they are reported as unmanaged. */
  prune: boolean;
}

export const DEFAULT_CONFIG: SysregConfig = {
  environments: {},
  safety: DEFAULT_SAFETY_SETTINGS,
  prune: false,
};

/** A config file with mistakes; the message lists each with file and line. */
export class ConfigError extends Error {
  readonly exitCode = 1;
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(
      [
        'invalid configuration:',
        ...diagnostics.map(
          (d) => `  ${d.file}:${d.line}:${d.column}: ${d.message} [${d.ruleId}]${d.hint ? ` ${d.hint}` : ''}`,
        ),
      ].join('\n'),
    );
    this.name = 'ConfigError';
    this.diagnostics = diagnostics;
  }
}

export interface ParsedConfig {
  config: SysregConfig;
  diagnostics: Diagnostic[];
}

/** Parses the text of a config file. `file` is the repo-relative name used in diagnostics. */
export function parseSysregConfig(text: string, file: string = CONFIG_FILE_NAME): ParsedConfig {
  const { yamlDocument, lineCounter } = parseYaml(text);
  const defaults = structuredClone(DEFAULT_CONFIG);
  const fail = (diagnostics: Omit<Diagnostic, 'file'>[]): ParsedConfig => ({
    config: defaults,
    diagnostics: sortDiagnostics(diagnostics.map((diagnostic) => ({ file, ...diagnostic }))),
  });
  if (yamlDocument.errors.length > 0) {
    return fail(
      diagnoseYamlErrors(yamlDocument.errors, lineCounter, text).map((d) => ({
        ...d,
        ruleId: 'config-yaml',
      })),
    );
  }
  const root = yamlDocument.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { config: defaults, diagnostics: [] };
  let value: unknown;
  try {
    value = yamlDocument.toJS(YAML_TO_JS_OPTIONS);
  } catch {
    return fail([
      {
        line: 1,
        column: 1,
        ruleId: 'config-yaml',
        severity: 'error',
        message: `YAML aliases expand too much (more than ${YAML_TO_JS_OPTIONS.maxAliasCount} alias expansions).`,
      },
    ]);
  }
  const validate = configSchemaValidator();
  if (!validate(value)) {
    const { positionOf } = createLocator(file, text, { yamlDocument, lineCounter });
    return fail(diagnoseConfigErrors(validate.errors ?? [], positionOf));
  }
  const given = value as Partial<SysregConfig>;
  return {
    config: {
      environments: given.environments ?? defaults.environments,
      safety: { ...defaults.safety, ...given.safety },
      prune: given.prune ?? defaults.prune,
    },
    diagnostics: [],
  };
}

/** The schema's errors with file positions, one per place: the first error at a path says enough. */
function diagnoseConfigErrors(errors: ErrorObject[], locate: Locator): Omit<Diagnostic, 'file'>[] {
  const byPlace = new Map<string, Omit<Diagnostic, 'file'>>();
  for (const error of errors) {
    // Reported by the inner `pattern` error, which names the key.
    if (error.keyword === 'propertyNames') continue;
    const at = splitInstancePath(error.instancePath);
    const diagnostic = diagnoseConfigError(error, at, locate);
    const place = `${diagnostic.line}:${diagnostic.column}`;
    if (!byPlace.has(place)) byPlace.set(place, diagnostic);
  }
  return [...byPlace.values()];
}

function diagnoseConfigError(error: ErrorObject, at: string[], locate: Locator): Omit<Diagnostic, 'file'> {
  const parentSchema = (error.parentSchema ?? {}) as {
    expected?: string;
    rule?: string;
    properties?: Record<string, unknown>;
  };
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    const key = String(params.additionalProperty);
    const known = Object.keys(parentSchema.properties ?? {});
    const suggestion = suggestName(key, known);
    return {
      ...stripFile(locate([...at, key], 'key')),
      ruleId: 'config-unknown-key',
      severity: 'error',
      message: `unknown key '${describePath([...at, key])}' (expected one of ${known.join(', ')})`,
      ...(suggestion ? { hint: `Did you mean '${suggestion}'?` } : {}),
    };
  }
  if (error.propertyName !== undefined) {
    return {
      ...stripFile(locate([...at, error.propertyName], 'key')),
      ruleId: 'config-environment-name',
      severity: 'error',
      message: `environment name '${error.propertyName}' must be lower-case letters, digits and dashes, starting with a letter (at most 40)`,
    };
  }
  if (at.length === 0) {
    return {
      ...stripFile(locate(at)),
      ruleId: 'config-shape',
      severity: 'error',
      message: 'the config file must be a mapping',
    };
  }
  return {
    ...stripFile(locate(at)),
    ruleId: parentSchema.rule ?? 'config-type',
    severity: 'error',
    message: `'${describePath(at)}' must be ${parentSchema.expected ?? error.message ?? 'valid'}`,
  };
}

/** Reads `sysreg.config.yaml` from the repository root; the defaults when there is none. */
export function loadSysregConfig(repoRoot: string): SysregConfig {
  let text: string;
  try {
    text = readFileSync(path.join(repoRoot, CONFIG_FILE_NAME), 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return structuredClone(DEFAULT_CONFIG);
    throw error;
  }
  const { config, diagnostics } = parseSysregConfig(text, CONFIG_FILE_NAME);
  if (diagnostics.length > 0) throw new ConfigError(diagnostics);
  return config;
}
