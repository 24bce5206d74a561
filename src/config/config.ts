/**
 * The optional repo config file, `sysreg.config.yaml` at the repository root: extra Altinn
 * environments or URL overrides, the plan's safety thresholds, and whether unmanaged systems are
 * pruned. Parsing is pure and collects every mistake with file and line; loading is the I/O edge.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.ts';

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

export interface SafetyConfig {
  /** Largest share of managed systems a plan may delete or rewrite without an override. */
  maxChangeShare: number;
  /** Below this many systems the share rule does not apply. */
  minSystemsForShare: number;
}

export interface SysregConfig {
  environments: Record<string, EnvironmentConfig>;
  safety: SafetyConfig;
  /** Delete live systems that no file describes. Off by default: they are reported as unmanaged. */
  prune: boolean;
}

export const DEFAULT_CONFIG: SysregConfig = {
  environments: {},
  safety: { maxChangeShare: 0.3, minSystemsForShare: 10 },
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
        ...diagnostics.map((d) => `  ${d.file}:${d.line}:${d.column}: ${d.message} [${d.ruleId}]`),
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

const ENVIRONMENT_KEYS = ['platformUrl', 'maskinportenUrl', 'scope'] as const;
const TOP_KEYS = ['environments', 'safety', 'prune'] as const;
const SAFETY_KEYS = ['maxChangeShare', 'minSystemsForShare'] as const;

/** Parses the text of a config file. `file` is the repo-relative name used in diagnostics. */
export function parseSysregConfig(text: string, file: string = CONFIG_FILE_NAME): ParsedConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const diagnostics: Diagnostic[] = [];
  const config: SysregConfig = {
    environments: {},
    safety: { ...DEFAULT_CONFIG.safety },
    prune: DEFAULT_CONFIG.prune,
  };
  const report = (node: YamlNode | null | undefined, ruleId: string, message: string, offset?: number) => {
    const at = offset ?? node?.range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(at);
    diagnostics.push({ file, line, column: col, ruleId, severity: 'error', message });
  };
  for (const error of doc.errors)
    report(undefined, 'config-yaml', error.message.split('\n')[0] ?? 'YAML error', error.pos[0]);
  if (diagnostics.length > 0) return { config, diagnostics };
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { config, diagnostics };
  if (!isMap(root)) {
    report(root, 'config-shape', 'the config file must be a mapping');
    return { config, diagnostics };
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as YamlNode | null;
    if (!(TOP_KEYS as readonly string[]).includes(key)) {
      report(
        pair.key as YamlNode,
        'config-unknown-key',
        `unknown key '${key}' (expected one of ${TOP_KEYS.join(', ')})`,
      );
    } else if (key === 'prune') {
      if (isScalar(value) && typeof value.value === 'boolean') config.prune = value.value;
      else report(value ?? (pair.key as YamlNode), 'config-type', "'prune' must be true or false");
    } else if (key === 'safety') {
      readSafety(value, config.safety, report);
    } else {
      readEnvironments(value, config.environments, report);
    }
  }
  return { config, diagnostics };
}

type Report = (node: YamlNode | null | undefined, ruleId: string, message: string) => void;

function readSafety(node: YamlNode | null, safety: SafetyConfig, report: Report): void {
  if (!isMap(node)) return report(node, 'config-type', "'safety' must be a mapping");
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as YamlNode | null;
    const number = isScalar(value) && typeof value.value === 'number' ? value.value : undefined;
    if (key === 'maxChangeShare') {
      if (number !== undefined && number >= 0 && number <= 1) safety.maxChangeShare = number;
      else
        report(
          value ?? (pair.key as YamlNode),
          'config-type',
          "'safety.maxChangeShare' must be a number from 0 to 1",
        );
    } else if (key === 'minSystemsForShare') {
      if (number !== undefined && Number.isInteger(number) && number >= 0) safety.minSystemsForShare = number;
      else
        report(
          value ?? (pair.key as YamlNode),
          'config-type',
          "'safety.minSystemsForShare' must be a whole number ≥ 0",
        );
    } else {
      report(
        pair.key as YamlNode,
        'config-unknown-key',
        `unknown key 'safety.${key}' (expected one of ${SAFETY_KEYS.join(', ')})`,
      );
    }
  }
}

function readEnvironments(
  node: YamlNode | null,
  environments: Record<string, EnvironmentConfig>,
  report: Report,
): void {
  if (!isMap(node))
    return report(node, 'config-type', "'environments' must be a mapping of name to settings");
  for (const pair of node.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as YamlNode | null;
    if (!/^[a-z][a-z0-9-]*$/.test(name)) {
      report(
        pair.key as YamlNode,
        'config-environment-name',
        `environment name '${name}' must match [a-z][a-z0-9-]*`,
      );
      continue;
    }
    if (!isMap(value)) {
      report(value ?? (pair.key as YamlNode), 'config-type', `environment '${name}' must be a mapping`);
      continue;
    }
    const settings: EnvironmentConfig = {};
    for (const item of value.items) {
      const key = isScalar(item.key) ? String(item.key.value) : '';
      const raw = item.value as YamlNode | null;
      if (!(ENVIRONMENT_KEYS as readonly string[]).includes(key)) {
        report(
          item.key as YamlNode,
          'config-unknown-key',
          `unknown key '${key}' in environment '${name}' (expected one of ${ENVIRONMENT_KEYS.join(', ')})`,
        );
        continue;
      }
      if (!isScalar(raw) || typeof raw.value !== 'string' || raw.value.trim() === '') {
        report(
          raw ?? (item.key as YamlNode),
          'config-type',
          `'environments.${name}.${key}' must be a non-empty string`,
        );
        continue;
      }
      if (key !== 'scope' && !isHttpUrl(raw.value)) {
        report(raw, 'config-url', `'environments.${name}.${key}' must be an absolute http(s) URL`);
        continue;
      }
      settings[key as (typeof ENVIRONMENT_KEYS)[number]] = raw.value;
    }
    environments[name] = settings;
  }
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Reads `sysreg.config.yaml` from the repository root; the defaults when there is none. */
export async function loadSysregConfig(repoRoot: string): Promise<SysregConfig> {
  let text: string;
  try {
    text = await readFile(path.join(repoRoot, CONFIG_FILE_NAME), 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return structuredClone(DEFAULT_CONFIG);
    throw error;
  }
  const { config, diagnostics } = parseSysregConfig(text, CONFIG_FILE_NAME);
  if (diagnostics.length > 0) throw new ConfigError(diagnostics);
  return config;
}
