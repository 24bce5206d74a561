/**
 * Field-level differences between two canonical systems. Which fields are compared and how comes from
 * FIELD_RULES: only fields a PUT can change are diffed (`id`, `vendor` and `isDeleted` decide the
 * action, not a field change).
 */
import { FIELD_RULES } from './fields.ts';
import type { FieldComparison } from './fields.ts';
import type { SystemSpec } from './system.ts';
import { listDifferingFields, type CanonicalSystem } from './canonical.ts';
import { stringifyCanonicalJson } from './canonical-json.ts';

export interface FieldChange {
  field: keyof SystemSpec;
  kind: FieldComparison;
  /** Canonical value on the old side (live for a plan, git for drift); `null` when there is none. */
  before: unknown;
  after: unknown;
  /** Sets only: items in `after` and not in `before`, canonical order. */
  added?: unknown[];
  /** Sets only: items in `before` and not in `after`, canonical order. */
  removed?: unknown[];
}

/** The changes that turn `before` into `after`, in canonical field order. */
export function diffCanonicalSystems(before: CanonicalSystem, after: CanonicalSystem): FieldChange[] {
  const changes: FieldChange[] = [];
  const differing = new Set(listDifferingFields(before, after));
  for (const rule of FIELD_RULES) {
    if (!rule.updatable || !differing.has(rule.key)) continue;
    const oldValue: unknown = before[rule.key];
    const newValue: unknown = after[rule.key];
    const change: FieldChange = { field: rule.key, kind: rule.comparison, before: oldValue, after: newValue };
    if (rule.comparison === 'set') {
      change.added = subtractItems(newValue as unknown[], oldValue as unknown[]);
      change.removed = subtractItems(oldValue as unknown[], newValue as unknown[]);
    }
    changes.push(change);
  }
  return changes;
}

/** Every field of a system that is new, as additions from nothing (for creates). */
export function describeCreatedSystem(after: CanonicalSystem): FieldChange[] {
  return FIELD_RULES.filter((rule) => rule.updatable).map((rule) => {
    const value: unknown = after[rule.key];
    const change: FieldChange = { field: rule.key, kind: rule.comparison, before: null, after: value };
    if (rule.comparison === 'set') {
      change.added = value as unknown[];
      change.removed = [];
    }
    return change;
  });
}

function subtractItems(from: unknown[], remove: unknown[]): unknown[] {
  const removeKeys = new Set(remove.map((item) => stringifyCanonicalJson(item)));
  return from.filter((item) => !removeKeys.has(stringifyCanonicalJson(item)));
}
