/**
 * Writes a canonical system file from a model value, for `sysreg import`: fields in canonical order,
 * defaults left out (but `isVisible` always written, since Altinn defaults it to true and a reader
 * should not have to know that), the schema modeline on top. Pure.
 */
import { isDeepStrictEqual } from 'node:util';
import { Document } from 'yaml';
import { compareKeysCanonically } from './canonical-order.ts';
import type { YamlPath } from './canonical-order.ts';
import { ENVIRONMENTS_KEY, FIELD_RULES } from '../model/fields.ts';
import type { EnvironmentOverrides, SystemSpec } from '../model/system.ts';
import { SCHEMA_MODELINE, applyCanonicalStyle, renderDocument } from './yaml-style.ts';

/** A `SystemDocument`, or a spec with no environment overrides. */
export type RenderableSystem = SystemSpec & { environments?: Record<string, EnvironmentOverrides> };

export interface RenderSystemOptions {
  /** Written as comment lines under the schema modeline, e.g. where and when the file was imported. */
  headerComment?: string;
}

export function renderSystemYaml(system: RenderableSystem, options: RenderSystemOptions = {}): string {
  const fields: Record<string, unknown> = {};
  for (const rule of FIELD_RULES) {
    const value = system[rule.key];
    if (value === undefined) continue;
    const isDefault = rule.defaultValue !== undefined && isDeepStrictEqual(value, rule.defaultValue);
    if (isDefault && rule.key !== 'isVisible') continue;
    fields[rule.key] = value;
  }
  const environments = Object.entries(system.environments ?? {}).filter(([, overrides]) =>
    Object.values(overrides).some((value) => value !== undefined),
  );
  if (environments.length > 0) fields[ENVIRONMENTS_KEY] = Object.fromEntries(environments);

  const document = new Document(orderKeysCanonically(fields, []));
  applyCanonicalStyle(document);
  // One comment line per non-blank line: a blank line would end the header when the file is read back.
  const header = (options.headerComment ?? '')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '');
  document.commentBefore = [SCHEMA_MODELINE, ...header.map((line) => ` ${line}`)].join('\n');
  return renderDocument(document);
}

/**
 * A copy of `value` whose object keys are in canonical order for where it sits (`path`), with
 * undefined properties dropped. Lists keep their order.
 */
export function orderKeysCanonically(value: unknown, path: YamlPath): unknown {
  if (Array.isArray(value)) return value.map((item, index) => orderKeysCanonically(item, [...path, index]));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  entries.sort(([a], [b]) => compareKeysCanonically(path, a, b));
  return Object.fromEntries(entries.map(([key, item]) => [key, orderKeysCanonically(item, [...path, key])]));
}
